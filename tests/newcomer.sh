#!/usr/bin/env bash
# Issue #16, "No surprises for a new user": each of its fifteen points re-run as the issue wrote it, on inputs
# built here from examples/article.txt (nothing from ../shared), with the release build. Prints what each
# command did, the measurements (time, peak memory) and a closing "N passed, N failed" line.
#
#   bash tests/newcomer.sh                      # the issue's sizes: 84,000 files, a 250 MB file, 25,200 documents
#   FILES=2000 BIG_MB=30 XLSX_DOCS=2000 bash tests/newcomer.sh   # smaller, quicker
#   WHOSAID=path/to/whosaid bash tests/newcomer.sh               # another build (say, main's, to compare)
#
# Needs bash, coreutils (timeout), util-linux's `script` for the two points that need a terminal, and GNU time
# (/usr/bin/time) for peak memory; a point whose tool is missing says so and is skipped. The unit and
# integration tests that pin each point are named newcomer_NN_* in tests/cli.rs and tests/review.rs.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
FILES=${FILES:-84000}
BIG_MB=${BIG_MB:-250}
XLSX_DOCS=${XLSX_DOCS:-25200}
if [ -z "${WHOSAID:-}" ]; then
  cargo build --release --quiet --bin whosaid || exit 1
  WHOSAID="$root/target/release/whosaid"
fi
w=$WHOSAID
work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-newcomer.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0
failed=0
skipped=0
ok() { echo "  PASS: $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL: $*"; failed=$((failed + 1)); }
skip() { echo "  SKIP: $*"; skipped=$((skipped + 1)); }
check() { # DESCRIPTION COMMAND...: pass when the command succeeds
  local what=$1
  shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
# peak RSS (MB) and wall time (s) of a command, from GNU time
measure() { # OUT COMMAND...
  local out=$1
  shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$out" "$@"
    local rc=$?
    awk -F': ' '/Maximum resident set size/ {rss = $2} /Elapsed \(wall clock\)/ {wall = $2}
      END {printf "  measured: %.0f MB peak RSS, %s wall\n", rss / 1024, wall}' "$out"
    return $rc
  fi
  "$@"
}
article="$root/examples/article.txt"
echo "whosaid: $w ($("$w" --version | head -1)); inputs in $work"

echo "== building inputs: $FILES files, a $BIG_MB MB file, $XLSX_DOCS documents"
copies() { # DIR N: N copies of the example article in DIR
  mkdir -p "$1"
  python3 - "$article" "$1" "$2" <<'PY' || for i in $(seq -w 1 "$2"); do cp "$article" "$1/a$i.txt"; done
import sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read()
for i in range(1, n + 1):
    with open(f"{dst}/a{i:06}.txt", "wb") as f:
        f.write(data)
PY
}
copies in "$FILES"
copies xlsx-in "$XLSX_DOCS"
in_bytes=$(find in -type f -printf '%s\n' | awk '{s += $1} END {print s}')
# the large file: the article without its quotation marks, over and over. (With them, one document holding
# thousands of quotations meets the quotation stage's cost, which grows with the square of their number:
# 8 MB of the article repeated take 2.9 s, 8 MB of news 0.6 s; left to the quotation work.)
for _ in $(seq 1 1000); do sed 's/[“”"]//g' "$article"; echo; done >chunk.txt
: >big.txt
while [ "$(stat -c %s big.txt)" -lt $((BIG_MB * 1000000)) ]; do
  cat chunk.txt chunk.txt chunk.txt chunk.txt chunk.txt >>big.txt
done

echo "== 1. progress: whosaid extract in/ ($FILES files), and one $BIG_MB MB file, on a terminal"
if command -v script >/dev/null; then
  script -qfec "$w extract --out-dir out1 in" /dev/null >progress.txt 2>&1
  tr '\r' '\n' <progress.txt | grep -a 'MB/s' | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | tail -2 | sed 's/^/  | /'
  check "a bar of MB out of the total size, with MB/s and ETA" \
    grep -aqE "[0-9.]+/$(awk "BEGIN {printf \"%.1f\", $in_bytes / 1e6}") MB [0-9.]+ MB/s, ETA" progress.txt
  script -qfec "$w extract --out-dir out1b big.txt" /dev/null >progress-big.txt 2>&1
  big_total=$(awk "BEGIN {printf \"%.1f\", $(stat -c %s big.txt) / 1e6}")
  tr '\r' '\n' <progress-big.txt | grep -a 'MB/s' | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | uniq | awk 'NR % 8 == 1' | head -6 | sed 's/^/  | /'
  check "the large file shows its bytes as they are read, not 1 B" \
    bash -c "tr '\r' '\n' <progress-big.txt | grep -aqE ' [1-9][0-9]*\.[0-9]/$big_total MB'"
  script -qfec "$w extract --quiet --out-dir out1c in" /dev/null >progress-quiet.txt 2>&1
  check "nothing with --quiet" test ! -s progress-quiet.txt
else
  skip "no util-linux script here: no terminal to draw on"
fi
"$w" extract --out-dir out1d in 2>progress-pipe.txt
check "no progress line into a file" bash -c "! grep -aq 'ETA' progress-pipe.txt"

echo "== 2. Ctrl-C: timeout -s INT 3 whosaid extract --out-dir out big.txt (--preserve-status, to show how it ended)"
mkdir -p out2 && "$w" extract -q --out-dir out2 "$article" && cp out2/mentions.csv before.csv
finished=""
for sig in INT TERM; do
  timeout --preserve-status -s "$sig" 3 "$w" extract --out-dir out2 big.txt 2>/dev/null
  status=$?
  echo "  exit status after SIG$sig: $status ($(ls -a out2 | tr '\n' ' '))"
  [ "$status" = 0 ] && finished="$finished SIG$sig"
  check "SIG$sig leaves no .tmp- file" bash -c "! ls -a out2 | grep -q '\.tmp-'"
done
if [ -z "$finished" ]; then
  check "the earlier output is untouched" cmp -s before.csv out2/mentions.csv
else
  skip "the run ended before$finished came (BIG_MB=$BIG_MB is too small to interrupt): it replaced the output"
fi
echo partial >out2/.mentions.csv.tmp-999999999
"$w" extract -q --out-dir out2 "$article"
check "a later run removes the temporary file of a dead run" test ! -e out2/.mentions.csv.tmp-999999999

echo "== 3. whosaid extract in/ 2>&1 | head -1, twenty times"
statuses=$(for _ in $(seq 1 20); do "$w" extract in 2>&1 | head -1 >/dev/null; echo "${PIPESTATUS[0]}"; done | sort | uniq -c | tr '\n' ' ')
echo "  exit statuses: $statuses"
check "always 0" bash -c "[ \"$(echo "$statuses" | xargs)\" = '20 0' ]"

echo "== 4. whosaid extract dA dB, each with an x.txt"
mkdir -p dA dB && cp "$article" dA/x.txt && echo "Talks in Baku." >dB/x.txt
"$w" extract dA dB 2>err4.txt | cut -d, -f1 | sort | uniq -c | sed 's/^/  | /'
grep note err4.txt | sed 's/^/  | /'
check "two doc_ids, and a note" bash -c "$w extract -q dA dB | cut -d, -f1 | grep -qx dB/x.txt && grep -q 'note: inputs would share' err4.txt"

echo "== 5. symbolic links to a file and a folder"
mkdir -p links real/sub && echo "Talks in Baku." >real/a.txt && echo "Talks in Tehran." >real/sub/b.txt
ln -sf "$work/real/a.txt" links/linked.txt && ln -sfn "$work/real/sub" links/folder && ln -sfn "$work/links" links/loop
"$w" extract links 2>err5.txt | cut -d, -f1,4 | sed 's/^/  | /'
grep -v '^whosaid: [0-9]' err5.txt | sed 's/^/  | /'
check "both followed, the loop named" bash -c "$w extract -q links | grep -q '^folder/b.txt' && $w extract -q links | grep -q '^linked.txt' && grep -q 'symbolic link back' err5.txt"

echo "== 6. a folder with no .txt; whosaid extract docs.jsonl"
mkdir -p docs && printf '{"id": "a1", "text": "Hillary Clinton was headed to Iowa, her aides said."}\n' >docs/docs.jsonl
"$w" extract docs 2>err6.txt >/dev/null
echo "  exit status: $? ($(grep error err6.txt))"
check "the folder is named, with --input-format" grep -q "docs: no file matched \"\*.txt\" (it holds 1 file: 1 .jsonl); for JSON Lines" err6.txt
"$w" extract docs/docs.jsonl 2>err6b.txt | cut -d, -f4 | sed 's/^/  | /'
grep warning err6b.txt | sed 's/^/  | /'
check "JSON Lines read as text get a hint" grep -q "looks like JSON Lines but is read as text" err6b.txt

echo "== 7. whosaid extract with no input, on a terminal"
if command -v script >/dev/null; then
  script -qec "timeout 10 $w extract" /dev/null >stdin-tty.txt 2>&1
  sed 's/^/  | /' stdin-tty.txt
  check "a usage error at once, saying what to give" grep -q "no input: give files or folders" stdin-tty.txt
else
  skip "no util-linux script here"
fi

echo "== 8. --format xlsx on $XLSX_DOCS documents"
measure time8.txt "$w" extract -q --format xlsx --out-dir out8 xlsx-in
xlsx_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' time8.txt 2>/dev/null)
xlsx_rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' time8.txt 2>/dev/null)
[ -n "$xlsx_s" ] && echo "  $(du -sb xlsx-in | awk -v s="$xlsx_s" '{printf "%.1f MB of text in %s s: %.1f MB/s", $1 / 1e6, s, $1 / 1e6 / s}')"
check "under 1 GB" test "${xlsx_rss:-0}" -lt 1024
conf_col=$(unzip -p out8/whosaid.xlsx xl/worksheets/sheet1.xml | grep -o '<c r="[A-Z]*1"[^>]*><is><t>confidence<' | sed 's/^<c r="\([A-Z]*\)1".*/\1/')
unzip -p out8/whosaid.xlsx xl/worksheets/sheet1.xml | grep -o "<c r=\"${conf_col}2\"><v>[^<]*" | sed 's/^/  | confidence cell: /'
check "confidence as written (no 0.69999998...)" bash -c "! unzip -p out8/whosaid.xlsx xl/worksheets/sheet1.xml | grep -q '<v>0\.[0-9]*9999'"
check "the Summary says what it counts" bash -c "unzip -p out8/whosaid.xlsx xl/sharedStrings.xml | grep -q 'attributions: every quote row but term rows'"

echo "== 9. JSONL without a text field"
for i in 1 2 3; do printf '{"id": "a%s", "body": "Talks in Baku."}\n' "$i"; done >body.jsonl
"$w" extract --input-format jsonl body.jsonl 2>&1 >/dev/null | grep error | sed 's/^/  | /'
check "the fields and --text-field, once" bash -c "[ \$($w extract --input-format jsonl body.jsonl 2>&1 >/dev/null | grep -c 'give --text-field body') = 1 ]"

echo "== 10. exit statuses"
"$w" extract --format xlsx "$article" 2>/dev/null; s1=$?
"$w" gazetteer check nonexist 2>/dev/null; s2=$?
"$w" eval 2>eval.txt; s3=$?
echo "  --format xlsx without --out-dir: $s1; gazetteer check nonexist: $s2; eval alone: $s3 ($(grep -o '<--gold.*>' eval.txt | head -1))"
check "2, 1 (as its help says), 2 naming both" bash -c "[ $s1 = 2 ] && [ $s2 = 1 ] && [ $s3 = 2 ] && grep -q -- '--conll' eval.txt"
lacking=""
for cmd in "" extract eval "gazetteer check" completions man; do
  # shellcheck disable=SC2086
  "$w" $cmd --help | tr '\n' ' ' | tr -s ' ' | grep -q "Exit status (every command): 0 when every input was processed" || lacking="$lacking '$cmd'"
done
check "every --help states the policy${lacking:+ (not:$lacking)}" test -z "$lacking"

echo "== 11. README"
check "how to install" grep -q 'cargo install --path \.' "$root/README.md"
check "what ../shared is" grep -q '`../shared`, in the evaluation and generator commands below, is' "$root/README.md"
check "what confidence means" grep -q '`confidence`: how much the attribution pattern' "$root/README.md"
check "quote_id is unique per document" grep -q 'unique within its document' "$root/README.md"
{ cat "$article"; head -c 17000000 big.txt; echo; cat "$article"; } >parts.txt
"$w" extract -q --table quotes parts.txt | cut -d, -f2 | tail -n +2 >parts-ids.txt
echo "  a 17 MB file, processed in two parts: $(wc -l <parts-ids.txt) quotations, $(sort parts-ids.txt | uniq -d | wc -l) ids used twice"
check "and in the parts of a large file" bash -c "[ -s parts-ids.txt ] && [ -z \"\$(sort parts-ids.txt | uniq -d)\" ]"

echo "== 12. gazetteer check: country ids, overrides"
mkdir -p g && printf 'id\tname\ttype\tcountry\nx1\tChisinau\tLOCATION\tMoldova\nx2\tNowhere\tLOCATION\tXX\n' >g/places.tsv
"$w" gazetteer check --with-defaults g | grep error | sed 's/^/  | /'
check "both rejected, exit 1" bash -c "$w gazetteer check --with-defaults g >/dev/null; [ \$? = 1 ]"
mkdir -p g2 && printf 'id\tname\ttype\nIR\tIran\tCOUNTRY\n' >g2/countries.tsv
echo "Talks in Iran." | "$w" extract -q --gazetteers g2 - | cut -d, -f4,12 | sed 's/^/  | /'
check "the user's row is the source" bash -c "echo 'Talks in Iran.' | $w extract -q --gazetteers g2 - | grep -q 'g2/countries.tsv:2'"

echo "== 13. review page: filter and columns, in headless Chromium (tests/review.rs newcomer_13)"
if command -v chromium >/dev/null; then
  check "cargo test --test review newcomer_13" bash -c "cd '$root' && cargo test --quiet --test review newcomer_13 >'$work/review13.txt' 2>&1"
  grep -a "test result" review13.txt | sed 's/^/  | /'
else
  skip "no chromium here (.ci/run installs it)"
fi

echo "== 14. pandas"
"$w" extract -q --out-dir out14 "$article"
if python3 -c "import pandas" 2>/dev/null; then
  python3 - out14 <<'PY' | sed 's/^/  | /'
import sys, pandas as pd
d = sys.argv[1]
print("plain read_csv:", {c: str(t) for c, t in pd.read_csv(f"{d}/quotes.csv").dtypes.items() if c in ("speaker_start", "cue_start")})
optional = {c: "Int64" for c in ["speaker_start", "speaker_end", "cue_start", "cue_end"]}
q = pd.read_csv(f"{d}/quotes.csv", dtype=optional, keep_default_na=False, na_values=[""])
print("README's dtype:", {c: str(t) for c, t in q.dtypes.items() if c in ("speaker_start", "cue_start")})
PY
else
  echo "  (pandas not installed: the bytes only)"
fi
check "integer cells are digits or empty" bash -c "python3 -c \"import csv,sys; rows=list(csv.DictReader(open('out14/quotes.csv'))); sys.exit(0 if all(r[c]=='' or r[c].isdigit() for r in rows for c in ('speaker_start','speaker_end','cue_start','cue_end','quote_start')) else 1)\""

echo "== 15. completions, man page, --encoding, --delimiter, --version"
check "completions for bash" bash -c "$w completions bash >completions.bash && grep -q 'complete -F _whosaid' completions.bash && bash -n completions.bash"
check "a man page" bash -c "$w man | grep -q '^.TH whosaid 1'"
printf 'Jos\xe9 Mar\xeda Aznar said the talks in Madrid would go on.\n' >latin.txt
"$w" extract -q --encoding latin1 latin.txt | cut -d, -f4 | sed 's/^/  | /'
check "--encoding latin1: José, not Jos" bash -c "$w extract -q --encoding latin1 latin.txt | grep -q 'José María Aznar' && ! $w extract -q --encoding latin1 latin.txt | grep -q ',Jos,'"
check "--delimiter ';'" bash -c "$w extract -q --delimiter ';' \"$article\" | head -1 | grep -q '^doc_id;start;end;'"
"$w" --version | sed 's/^/  | /'
check "--version names the gazetteers' build" bash -c "$w --version | grep -q 'embedded gazetteers: .* files, .* rows (.*countries [0-9]'"

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
