#!/usr/bin/env python3
"""Does whosaid's speaker name the person behind each quote it finds? PolNeAR's stand-in for #14's held-out check.

    tools/speaker-person.py [SPLIT_DIR] [QUOTES_JSONL] [--errors N]
        SPLIT_DIR     a PolNeAR split (text/X.txt, attributions/X_*.ann); default ../shared/corpus/polnear/dev
        QUOTES_JSONL  whosaid's quote rows for that split's texts; default: run target/release/whosaid on them
        --errors N    also print N wrong rows (gold person, our speaker, resolution, the words around the cue)

Every gold attribution whose quote we find (a row of ours, kind other than term, whose content overlaps the gold
Content by at least half of the longer span, else whose cue span is the gold Cue's) is counted. Its gold person
is the surname in its Source before any comma, parenthesis or " of " (the last capitalized word that is no pronoun,
title or party word: "Sen. Lindsey Graham (R-S.C.)" -> graham); for a Source
that is a pronoun (he, she, they, it, him, her) or a nominal with no name ("the senator"), the person named by
the nearest earlier named gold Source of the same article. Attributions with no person that way are not counted.
Our speaker is right when its words hold that surname. The figure printed is the share right, by the Source's
shape (name, pronoun, nominal).

Only the lexicographically first .ann of an article is its gold (as in ../shared/eval). Standard library only.
"""
import importlib.util
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("antecedents", os.path.join(HERE, "pronoun-antecedents.py"))
ant = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ant)


def main():
    args = [a for a in sys.argv[1:]]
    errors = 0
    if "--errors" in args:
        i = args.index("--errors")
        errors = int(args[i + 1])
        del args[i:i + 2]
    split = args[0] if args else os.path.join(HERE, "..", "..", "shared", "corpus", "polnear", "dev")
    if not os.path.isdir(os.path.join(split, "attributions")):
        print(f"speaker-person: {split} is absent (workplace data, not part of the repository): nothing scored")
        return
    rows = ant.quote_rows(split, args[1] if len(args) > 1 else None)
    anns = defaultdict(list)
    for name in sorted(os.listdir(os.path.join(split, "attributions"))):
        if name.endswith(".ann"):
            anns[re.sub(r"_[0-9a-f]{4}\.ann$", "", name)].append(os.path.join(split, "attributions", name))

    counts = defaultdict(Counter)
    by_kind = defaultdict(Counter)
    wrong = []
    for stem, paths in sorted(anns.items()):
        gold = ant.read_gold(sorted(paths)[0])
        with open(os.path.join(split, "text", stem + ".txt"), encoding="utf-8") as f:
            text = f.read()
        for i, g in enumerate(gold):
            words = g["source_text"].strip()
            person = ant.surname(re.split(r"[(,]| of ", words)[0])
            if words.lower() in ant.PRONOUNS:
                shape = "pronoun"
            elif person:
                shape = "name"
            else:
                shape = "nominal"
            if shape != "name":
                earlier = [ant.surname(re.split(r"[(,]| of ", h["source_text"])[0])
                           for h in gold[:i] if h["source"][0] < g["source"][0]]
                earlier = [s for s in earlier if s and ant.h_not_pronoun(s)]
                person = earlier[-1] if earlier else None
            if not person:
                continue
            best, best_ov = None, 0.0
            for q in rows.get(stem, []):
                ov = ant.overlap((q["quote_start"], q["quote_end"]), g["content"])
                if ov >= 0.5 and ov > best_ov:
                    best, best_ov = q, ov
            if best is None and g["cue"]:
                best = next((q for q in rows.get(stem, []) if (q["cue_start"], q["cue_end"]) == g["cue"]), None)
            if best is None:
                continue
            ours = {re.sub(r"(['’]s?|\.)$", "", w).lower() for w in best["speaker"].split()}
            counts[shape]["found"] += 1
            direct = "direct" if best["kind"] in ("direct", "partial") else "reported (kinds mixed, indirect)"
            by_kind[direct]["found"] += 1
            if person in ours:
                counts[shape]["right"] += 1
                by_kind[direct]["right"] += 1
            else:
                at = best["cue_start"] if best["cue_start"] is not None else best["quote_start"]
                wrong.append((stem, shape, person, best["speaker"], best["speaker_mention"],
                              best["speaker_resolution"], text[max(0, at - 90):at + 30].replace("\n", " ")))

    total = Counter()
    for shape in ("name", "pronoun", "nominal"):
        c = counts[shape]
        total.update(c)
        if c["found"]:
            print(f"  {shape:8s} {c['right']:5d} / {c['found']:5d}  {100 * c['right'] / c['found']:5.1f}%")
    print(f"speaker names the gold person: {total['right']} / {total['found']} quotes found, "
          f"{100 * total['right'] / max(total['found'], 1):.1f}%")
    for kind in ("direct", "reported (kinds mixed, indirect)"):
        c = by_kind[kind]
        if c["found"]:
            print(f"  {kind} rows: {c['right']} / {c['found']} "
                  f"{100 * c['right'] / c['found']:.1f}%")
    for w in wrong[:errors]:
        print("\t".join(w))


if __name__ == "__main__":
    main()
