#!/usr/bin/env bash
# Checks that a change keeps whosaid's outputs byte-identical: builds a base revision and the working tree,
# runs both over the seed article, PolNeAR train and dev, and CoNLL-2003 dev (rebuilt as JSON Lines
# documents), and compares the mentions, entities and quotes tables (CSV and JSON Lines) and the figures of
# `eval --gold` and `eval --conll`.
#
#   tools/same-output.sh [BASE]                 # BASE: a git revision (default: $SAME_OUTPUT_BASE, else HEAD)
#   IGNORE_COLUMNS=method,speaker_kind tools/same-output.sh BASE
#                                               # compare tables without these columns (a deliberate change)
#
# The corpora come from ../shared (the workplace's read-only data, not part of a user's clone); the script
# says so and exits 0 when they are absent. The base build is cached under target/same-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED:-"$root/../shared"}
base=${1:-${SAME_OUTPUT_BASE:-HEAD}}
if [ ! -d "$shared/corpus/polnear/dev/text" ]; then
  echo "same-output: $shared/corpus is absent (it is the workplace's data, not part of the repository): nothing to compare"
  exit 0
fi
base_rev=$(git rev-parse --verify "$base^{commit}")
work="$root/target/same-output"
mkdir -p "$work"

# the base binary, built once per revision in a worktree of its own
base_bin="$work/bin-$base_rev"
if [ ! -x "$base_bin" ]; then
  tree="$work/tree-$base_rev"
  rm -rf "$tree"
  git worktree add --detach "$tree" "$base_rev" >/dev/null 2>&1
  echo "same-output: building base $base ($base_rev)"
  (cd "$tree" && CARGO_TARGET_DIR="$work/target-base" cargo build --release --quiet --bin whosaid)
  cp "$work/target-base/release/whosaid" "$base_bin"
  git worktree remove --force "$tree"
fi
echo "same-output: building the working tree"
cargo build --release --quiet --bin whosaid
new_bin="$root/target/release/whosaid"

# CoNLL-2003 dev as JSON Lines documents (tokens joined by spaces, one sentence per line, as `eval --conll`)
conll_jsonl="$work/conll-dev.jsonl"
python3 - "$shared/corpus/conll2003/eng.testa" "$conll_jsonl" <<'PY'
import json, sys
docs, sentences, tokens = [], [], []
def end_sentence():
    global tokens
    if tokens:
        sentences.append(" ".join(tokens))
    tokens = []
def end_doc():
    end_sentence()
    if sentences:
        docs.append("\n".join(sentences) + "\n")
    sentences.clear()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.rstrip()
    if not line:
        end_sentence()
        continue
    token = line.split()[0]
    if token == "-DOCSTART-":
        end_doc()
        continue
    tokens.append(token)
end_doc()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, text in enumerate(docs, 1):
        out.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")
PY

run_all() { # BIN OUT
  local bin=$1 out=$2
  rm -rf "$out"
  mkdir -p "$out"
  for format in csv jsonl; do
    "$bin" extract --quiet --format "$format" --out-dir "$out/seed-$format" "$shared/corpus/seed"
    "$bin" extract --quiet --format "$format" --out-dir "$out/dev-$format" "$shared/corpus/polnear/dev/text"
    "$bin" extract --quiet --format "$format" --out-dir "$out/train-$format" "$shared/corpus/polnear/train/text"
    "$bin" extract --quiet --format "$format" --input-format jsonl --out-dir "$out/conll-$format" "$conll_jsonl"
  done
  "$bin" eval --json --gold "$shared/corpus/polnear/dev" >"$out/eval-gold-dev.json"
  "$bin" eval --json --conll "$shared/corpus/conll2003/eng.testa" >"$out/eval-conll-dev.json"
}

base_out="$work/out-$base_rev"
if [ ! -f "$base_out/.done" ]; then
  run_all "$base_bin" "$base_out"
  touch "$base_out/.done"
fi
run_all "$new_bin" "$work/out-new"

python3 - "$base_out" "$work/out-new" "${IGNORE_COLUMNS:-}" <<'PY'
import csv, filecmp, json, os, sys
base, new, ignore = sys.argv[1], sys.argv[2], {c for c in sys.argv[3].split(",") if c}
def files(root):
    return sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs if f != ".done")
def rows(path):
    if path.endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as f:
            return [{k: v for k, v in r.items() if k not in ignore} for r in csv.DictReader(f)]
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [{k: v for k, v in json.loads(l).items() if k not in ignore} for l in f]
    return None
a, b = files(base), files(new)
bad = []
if a != b:
    bad.append(f"different files: only in base {sorted(set(a) - set(b))}, only in new {sorted(set(b) - set(a))}")
for name in sorted(set(a) & set(b)):
    pa, pb = os.path.join(base, name), os.path.join(new, name)
    if filecmp.cmp(pa, pb, shallow=False):
        continue
    ra, rb = (rows(pa), rows(pb)) if ignore else (None, None)
    if ra is not None and ra == rb:
        continue
    detail = ""
    if ra is not None:
        first = next((i for i, (x, y) in enumerate(zip(ra, rb)) if x != y), min(len(ra), len(rb)))
        detail = f" ({len(ra)} rows against {len(rb)}; first difference at row {first + 1})"
    bad.append(f"{name} differs{detail}")
if bad:
    print("same-output: DIFFERENT\n  " + "\n  ".join(bad))
    sys.exit(1)
print(f"same-output: identical ({len(a)} files" + (f", without columns {sorted(ignore)}" if ignore else "") + ")")
PY
