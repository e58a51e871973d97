#!/usr/bin/env python3
"""Pronoun speakers against PolNeAR gold: does whosaid's speaker name the person the pronoun stands for?

    tools/pronoun-antecedents.py [SPLIT_DIR] [QUOTES_JSONL]
        SPLIT_DIR     a PolNeAR split (text/X.txt, attributions/X_*.ann); default ../shared/corpus/polnear/dev
        QUOTES_JSONL  whosaid's quote rows for that split's texts; default: run target/release/whosaid on them

For every gold attribution whose Source is a third-person pronoun (he, she, they, it, him, her), the gold
antecedent is the person an earlier gold Source of the same article names (a Source with a capitalized word
that is not a pronoun or determiner). Three readings, all printed:
  - nearest: the nearest earlier named gold Source;
  - nearest fitting: for he/she, the nearest earlier named gold Source whose gender fits the pronoun or is
    unknown. A surname's gender is read from the article: "Mr./Mrs./Ms. Surname", or a first name listed in
    gazetteers/first_names_gender.tsv right before the surname ("Hillary Clinton"); two readings that disagree
    leave it unknown. For it/they it is the nearest;
  - any: any earlier named gold Source (an upper bound: the pronoun names one of the article's sources).
Our row is the quote row (kind other than term) whose content overlaps the gold Content most (at least half of
the longer span), else the row whose cue span equals the gold Cue's. Names are compared by surname: the last
capitalized word of the gold Source ("Republican nominee Donald Trump's" -> "trump") against the words of our
`speaker` column.

Only the lexicographically first .ann of an article is its gold (as in ../shared/eval). Standard library only.
"""
import glob
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

PRONOUNS = {"he", "she", "they", "it", "him", "her"}
NOT_NAMES = {
    "the", "a", "an", "he", "she", "they", "it", "his", "her", "their", "its", "we", "i", "you", "who", "which",
    "that", "this", "these", "those", "some", "many", "most", "one", "both", "mr", "mrs", "ms", "dr", "sen",
    "rep", "gov", "president", "former", "u.s", "us", "american", "democratic", "republican", "democrats",
    "republicans", "but", "and", "in", "on", "at", "as", "when", "after", "according",
}


def spans(field):
    """brat offsets "10 20;30 40" -> [(10, 20), (30, 40)]."""
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_gold(path):
    """Attributions of one .ann: dicts with source/cue/content spans and the source text."""
    tb, ev = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(cols) >= 3:
                label, _, offs = cols[1].partition(" ")
                tb[cols[0]] = (label, spans(offs), cols[2])
            elif line.startswith("E") and len(cols) >= 2:
                ev.append(dict(arg.split(":", 1) for arg in cols[1].split()[1:] if ":" in arg))
    out = []
    for e in ev:
        if "Source" not in e or "Content" not in e or e["Source"] not in tb or e["Content"] not in tb:
            continue
        src = tb[e["Source"]]
        cue = tb.get(e.get("Cue"))
        out.append({
            "source": (src[1][0][0], src[1][-1][1]),
            "source_text": src[2],
            "content": (tb[e["Content"]][1][0][0], tb[e["Content"]][1][-1][1]),
            "cue": (cue[1][0][0], cue[1][-1][1]) if cue else None,
        })
    out.sort(key=lambda a: a["source"][0])
    return out


def surname(text):
    """The last capitalized word of a name: "former President Bill Clinton's" -> "clinton"; None if no name."""
    words = [w for w in re.findall(r"[^\W\d_][\w.'’-]*", text)]
    names = []
    for w in words:
        w = re.sub(r"(['’]s?|\.)$", "", w)
        if w[:1].isupper() and w.lower() not in NOT_NAMES and w.lower() not in ("jr", "sr"):
            names.append(w.lower())
    return names[-1] if names else None


def overlap(a, b):
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / max(a[1] - a[0], b[1] - b[0], 1) if inter > 0 else 0.0


def quote_rows(split, path=None):
    """whosaid's quote rows (kind other than term) by article stem: read from `path` (JSON Lines), or from a run
    of target/release/whosaid on the split's texts."""
    if path:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "whosaid")
        lines = subprocess.run(
            [binary, "extract", "--quiet", "--format", "jsonl", "--table", "quotes", os.path.join(split, "text")],
            check=True, capture_output=True, text=True).stdout.splitlines()
    rows = defaultdict(list)
    for line in lines:
        q = json.loads(line)
        if q["kind"] != "term":
            rows[re.sub(r"\.txt$", "", q["doc_id"])].append(q)
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    split = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "corpus", "polnear", "dev")
    rows = quote_rows(split, sys.argv[2] if len(sys.argv) > 2 else None)

    anns = defaultdict(list)
    for p in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
        stem = re.sub(r"_[0-9a-f]{4}\.ann$", "", os.path.basename(p))
        anns[stem].append(p)

    names = {}
    with open(os.path.join(here, "..", "gazetteers", "first_names_gender.tsv"), encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cells) > 1 and cells[1] in ("female_name", "male_name"):
                names[cells[0]] = cells[1][0]

    def genders_of(text):
        """surname (lower case) -> 'f' or 'm' as the article states it, None where readings disagree."""
        out = {}
        for m in re.finditer(r"\b(Mr|Mrs|Ms|Miss|[A-Z][a-z]+)\.? ([A-Z][A-Za-z'’-]+)", text):
            first, sur = m.group(1), m.group(2).lower()
            g = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}.get(first) or names.get(first)
            if g:
                out[sur] = g if out.get(sur, g) == g else None
        return out

    c = Counter()
    by_pronoun = defaultdict(Counter)
    for stem, paths in sorted(anns.items()):
        gold = read_gold(sorted(paths)[0])
        with open(os.path.join(split, "text", stem + ".txt"), encoding="utf-8") as f:
            known = genders_of(f.read())
        for i, g in enumerate(gold):
            pron = g["source_text"].strip().lower()
            if pron not in PRONOUNS:
                continue
            earlier = [surname(h["source_text"]) for h in gold[:i] if h["source"][0] < g["source"][0]]
            earlier = [s for s in earlier if s and h_not_pronoun(s)]
            if not earlier:
                c["no_earlier_name"] += 1
                continue
            c["pronoun"] += 1
            by_pronoun[pron]["pronoun"] += 1
            best, best_ov = None, 0.0
            for q in rows.get(stem, []):
                ov = overlap((q["quote_start"], q["quote_end"]), g["content"])
                if ov >= 0.5 and ov > best_ov:
                    best, best_ov = q, ov
            if best is None and g["cue"]:
                best = next((q for q in rows.get(stem, []) if (q["cue_start"], q["cue_end"]) == g["cue"]), None)
            if best is None:
                c["no_row"] += 1
                continue
            c["row"] += 1
            ours = {re.sub(r"(['’]s?|\.)$", "", w).lower() for w in best["speaker"].split()}
            want = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pron)
            fitting = [s for s in earlier if want is None or known.get(s) in (None, want)]
            if fitting and fitting[-1] in ours:
                c["fitting"] += 1
                by_pronoun[pron]["fitting"] += 1
            if earlier[-1] in ours:
                c["nearest"] += 1
                by_pronoun[pron]["nearest"] += 1
            if any(s in ours for s in earlier):
                c["any"] += 1
            if best["speaker"].strip().lower() in PRONOUNS or not best["speaker"].strip():
                c["unresolved"] += 1

    def pct(a, b):
        return f"{100 * a / b:.1f}%" if b else "-"

    n = c["pronoun"]
    print(f"gold attributions with a pronoun Source and an earlier named Source: {n} "
          f"({c['no_earlier_name']} more with no earlier named Source, not counted)")
    print(f"  with a matching quote row:               {c['row']:4d}  {pct(c['row'], n)}")
    print(f"  speaker names the nearest earlier Source: {c['nearest']:4d}  {pct(c['nearest'], n)} of all, "
          f"{pct(c['nearest'], c['row'])} of matched rows")
    print(f"  speaker names the nearest fitting one:   {c['fitting']:4d}  {pct(c['fitting'], n)} of all, "
          f"{pct(c['fitting'], c['row'])} of matched rows")
    print(f"  speaker names any earlier Source:        {c['any']:4d}  {pct(c['any'], n)} of all, "
          f"{pct(c['any'], c['row'])} of matched rows")
    print(f"  speaker left as a pronoun or empty:      {c['unresolved']:4d}")
    for p, pc in sorted(by_pronoun.items()):
        print(f"  {p:5s} {pc['pronoun']:4d}  nearest {pc['nearest']:4d} {pct(pc['nearest'], pc['pronoun']):>6s}"
              f"  fitting {pc['fitting']:4d} {pct(pc['fitting'], pc['pronoun']):>6s}")


def h_not_pronoun(s):
    return s not in PRONOUNS and s not in NOT_NAMES


if __name__ == "__main__":
    main()
