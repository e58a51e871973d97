#!/usr/bin/env bash
# Checks that whosaid run by Spark (RDD.pipe over partitions of a JSONL corpus, local[2]) writes exactly the
# records of one whosaid run over the whole corpus: builds the release binary, makes the corpus, runs both,
# compares the sorted outputs line by line. Prints "OK: N records identical" or a diff summary and exits 1.
#
#   bash examples/spark/check.sh
#
# Corpus: the PolNeAR train texts in ../shared/corpus/polnear/train/text (id = file stem), or without them the
# paragraphs of examples/article.txt. Environment: PYTHON (default python3, with pyspark installed),
# PARTITIONS (default 4), TABLES (default "mentions quotes": the tables compared), KEEP=1 to keep the work
# folder.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PYTHON=${PYTHON:-python3}
PARTITIONS=${PARTITIONS:-4}
BIN=target/release/whosaid
work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-spark.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

echo "== 1. build"
t=$(now)
cargo build --release --quiet --bin whosaid
echo "build: $(since "$t") s"

echo "== 2. corpus"
"$PYTHON" - "$work/corpus.jsonl" <<'PY'
import json, pathlib, sys

out = pathlib.Path(sys.argv[1])
src = pathlib.Path("../shared/corpus/polnear/train/text")
files = sorted(src.glob("*.txt")) if src.is_dir() else []
if files:
    docs = [(p.stem, p.read_text(encoding="utf-8", errors="replace")) for p in files]
    origin = str(src)
else:
    print("../shared/corpus/polnear absent: using the paragraphs of examples/article.txt", file=sys.stderr)
    text = pathlib.Path("examples/article.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    docs = [(f"article-{i}", p) for i, p in enumerate(paragraphs, 1)]
    origin = "examples/article.txt"
with out.open("w", encoding="utf-8", newline="\n") as f:
    for id_, text in docs:
        f.write(json.dumps({"id": id_, "text": text}, ensure_ascii=False) + "\n")
print(f"corpus: {len(docs)} documents, {out.stat().st_size / 1e6:.1f} MB from {origin}")
PY

for table in ${TABLES:-mentions quotes}; do
echo "== 3. one whosaid run over the whole corpus ($table)"
t=$(now)
"$BIN" extract --input-format jsonl --format jsonl --table "$table" --quiet - <"$work/corpus.jsonl" >"$work/single.jsonl"
echo "single: $(wc -l <"$work/single.jsonl") records in $(since "$t") s"

echo "== 4. Spark (local[2], $PARTITIONS partitions, $table)"
t=$(now)
"$PYTHON" examples/spark/whosaid_spark.py --binary "$BIN" --input "$work/corpus.jsonl" \
    --output "$work/spark.jsonl" --partitions "$PARTITIONS" --table "$table"
echo "spark job (with JVM start): $(since "$t") s"

echo "== 5. compare ($table)"
LC_ALL=C sort "$work/single.jsonl" >"$work/single.sorted"
LC_ALL=C sort "$work/spark.jsonl" >"$work/spark.sorted"
n=$(wc -l <"$work/single.sorted")
if [[ $n -gt 0 ]] && cmp -s "$work/single.sorted" "$work/spark.sorted"; then
    echo "OK: $n $table records identical"
else
    echo "FAIL: one run has $n records, Spark $(wc -l <"$work/spark.sorted")" >&2
    echo "  only in the single run: $(LC_ALL=C comm -23 "$work/single.sorted" "$work/spark.sorted" | wc -l)" >&2
    echo "  only in the Spark run:  $(LC_ALL=C comm -13 "$work/single.sorted" "$work/spark.sorted" | wc -l)" >&2
    diff "$work/single.sorted" "$work/spark.sorted" | head -n 10 >&2 || true
    exit 1
fi
done
