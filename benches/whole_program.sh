#!/usr/bin/env bash
# Whole-program throughput and memory of `whosaid extract`: start-up, reading, extraction, encoding and writing
# included, where `cargo bench --bench throughput` and `examples/throughput.rs` time the pipeline in process.
#
#   bash benches/whole_program.sh            # corpora of 10 MB and 500 MB
#   SIZES="10 100" bash benches/whole_program.sh
#
# For each size it builds a JSON Lines corpus by repeating the PolNeAR train texts (../shared next to the
# repository; without them, the paragraphs of examples/article.txt, and it says so), then runs the JSONL filter
# (`--input-format jsonl --format jsonl`, records to /dev/null) on one thread and on all cores, and prints wall
# time, MB/s, CPU and peak RSS (`/usr/bin/time`; without it, wall time only). Environment: SIZES (MB, default
# "10 500"), KEEP=1 to keep the work folder.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZES=${SIZES:-"10 500"}
BIN=target/release/whosaid
work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

cargo build --release --quiet --bin whosaid
cores=$(nproc 2>/dev/null || echo 1)

for mb in $SIZES; do
  corpus="$work/corpus-$mb.jsonl"
  python3 - "$corpus" "$mb" <<'PY'
import glob, json, os, sys

path, mb = sys.argv[1], int(sys.argv[2])
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("../shared/corpus/polnear/train/text/*.txt"))]
if not texts:
    print("../shared/corpus/polnear is absent: using the paragraphs of examples/article.txt (numbers are not comparable)")
    article = open("examples/article.txt", encoding="utf-8").read()
    texts = [p for p in article.split("\n") if p.strip()]
written, i = 0, 0
with open(path, "w", encoding="utf-8") as out:
    while written < mb * 1_000_000:
        line = json.dumps({"id": f"doc{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        i += 1
print(f"corpus: {i} documents, {written / 1e6:.1f} MB")
PY
  bytes=$(wc -c < "$corpus")
  for threads in 1 "$cores"; do
    run=("$BIN" extract -q --threads "$threads" --input-format jsonl --format jsonl "$corpus")
    if [[ -x /usr/bin/time ]]; then
      stats=$({ /usr/bin/time -f "%e %P %M" "${run[@]}" > /dev/null; } 2>&1 | tail -1)
      read -r secs cpu rss <<< "$stats"
      awk -v b="$bytes" -v s="$secs" -v t="$threads" -v c="$cpu" -v r="$rss" -v mb="$mb" 'BEGIN {
        printf "%4d MB, %d thread(s): %6.2f s, %6.1f MB/s, CPU %s, peak RSS %d MB\n", mb, t, s, b / s / 1e6, c, r / 1024 }'
    else
      start=$(date +%s.%N)
      "${run[@]}" > /dev/null
      awk -v b="$bytes" -v a="$start" -v z="$(date +%s.%N)" -v t="$threads" -v mb="$mb" 'BEGIN {
        printf "%4d MB, %d thread(s): %6.2f s, %6.1f MB/s (no /usr/bin/time: no RSS)\n", mb, t, z - a, b / (z - a) / 1e6 }'
    fi
  done
done
