#!/usr/bin/env bash
# Scores whosaid's quote table with the reference scorers of ../shared/eval on a PolNeAR split:
# score_attributions.py (every attribution, reported speech included: rows whose part_of is empty, kinds
# direct, partial, mixed, indirect) and score_quotes.py (direct quotes and speakers: kinds direct and partial).
#
#   tools/eval-attributions.sh [SPLIT_DIR] [OUT_DIR]   # default: ../shared/corpus/polnear/dev, target/eval-attributions
#
# The scorers and corpora are the workplace's data (../shared), not part of a user's clone: the script says so
# and exits 0 when they are absent. Uses the release binary (built first).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-"../shared"}
split=${1:-"$shared/corpus/polnear/dev"}
out=${2:-target/eval-attributions}
if [ ! -d "$split/text" ] || [ ! -f "$shared/eval/score_attributions.py" ]; then
  echo "eval-attributions: $split or $shared/eval is absent (workplace data, not part of the repository): nothing scored"
  exit 0
fi
cargo build --release --quiet --bin whosaid
mkdir -p "$out"
target/release/whosaid extract --quiet --format jsonl --table quotes "$split/text" >"$out/quotes.jsonl"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
with open(f"{out}/quotes.jsonl", encoding="utf-8") as f, \
        open(f"{out}/attributions.jsonl", "w", encoding="utf-8") as attributions, \
        open(f"{out}/direct.jsonl", "w", encoding="utf-8") as direct:
    for line in f:
        q = json.loads(line)
        doc = q["doc_id"][:-4] if q["doc_id"].endswith(".txt") else q["doc_id"]
        pred = {"doc": doc, "quote_start": q["quote_start"], "quote_end": q["quote_end"],
                "speaker": q["speaker"], "speaker_start": q["speaker_start"], "speaker_end": q["speaker_end"],
                "cue": q["cue"], "cue_start": q["cue_start"], "cue_end": q["cue_end"]}
        if q["kind"] in ("direct", "partial", "mixed", "indirect") and not q.get("part_of"):
            attributions.write(json.dumps(pred) + "\n")
        if q["kind"] in ("direct", "partial"):
            direct.write(json.dumps(pred) + "\n")
PY
python3 "$shared/eval/score_attributions.py" "$split" "$out/attributions.jsonl" --name whosaid \
  --json "$out/attributions-metrics.json"
python3 "$shared/eval/score_quotes.py" "$split" "$out/direct.jsonl" --json "$out/quotes-metrics.json" | tail -n 20
