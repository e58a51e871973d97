#!/usr/bin/env python3
"""Lists the attribution errors of whosaid on a PolNeAR split, for reading by eye.

usage: tools/attribution-errors.py [SPLIT_DIR] [--predictions P.jsonl] [--kind missed|false|all] [--group G]
                                   [--sample N] [--seed S]

Reads the gold with the reference scorer's own reader (../shared/eval/score_attributions.py) and the
predictions that tools/eval-attributions.sh writes (target/eval-attributions/attributions.jsonl), matches them
as the scorer's end-to-end metric does (content lenient and source overlap, one to one), and prints each
missed gold attribution and each false prediction in its sentence, with [S:source], [C:cue] and [Q:content]
marked. The scorer and corpora are the workplace's data (../shared), not part of a user's clone.
"""
import argparse
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))


def context(text, spans):
    """The line around the spans, with each span marked."""
    lo = min(s for s, _, _ in spans)
    hi = max(e for _, e, _ in spans)
    lo = text.rfind("\n", 0, lo) + 1
    end = text.find("\n", hi)
    hi = end if end >= 0 else len(text)
    marks = sorted([(s, 1, f"[{tag}:") for s, _, tag in spans] + [(e, 0, f":{tag}]") for _, e, tag in spans])
    out, prev = [], lo
    for pos, _, mark in marks:
        out.append(text[prev:pos] + mark)
        prev = pos
    out.append(text[prev:hi])
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", nargs="?", default=os.path.join(SHARED, "corpus", "polnear", "dev"))
    ap.add_argument("--predictions", default=os.path.join(ROOT, "target", "eval-attributions", "attributions.jsonl"))
    ap.add_argument("--kind", choices=["missed", "false", "all"], default="all")
    ap.add_argument("--group", choices=["direct/mixed", "indirect"], help="only gold of this content type")
    ap.add_argument("--sample", type=int, default=0, help="print a random sample of this many errors")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    eval_dir = os.path.join(SHARED, "eval")
    if not os.path.isdir(args.split) or not os.path.isfile(os.path.join(eval_dir, "score_attributions.py")):
        print(f"attribution-errors: {args.split} or {eval_dir} is absent (workplace data): nothing to list")
        return 0
    sys.path.insert(0, eval_dir)
    import score_attributions as sa
    import score_quotes as sq

    gold, texts = sa.load_gold(args.split)
    preds, _, errors, _ = sa.load_predictions(args.predictions, texts)
    if errors:
        print("\n".join(errors[:5]), file=sys.stderr)
        return 2
    rows = []
    for doc in sorted(gold):
        G, P = gold[doc], preds.get(doc, [])
        edges = {pi: [gi for gi, g in enumerate(G) if p["content"] and sa.lenient(p["content"], g["content"])
                      and sa.source_ok(p, g)] for pi, p in enumerate(P)}
        matched = sq.max_matching(len(P), len(G), {k: v for k, v in edges.items() if v})
        # the scorer's matching maps gold index -> prediction index
        matched_gold, matched_pred = set(matched), set(matched.values())
        text = texts[doc]
        if args.kind in ("missed", "all"):
            for gi, g in enumerate(G):
                if gi in matched_gold or (args.group and g["group"] != args.group):
                    continue
                spans = [(sp[0], sp[1], tag) for sp, tag in ((g["source"], "S"), (g["cue"], "C"), (g["content"], "Q"))
                         if sp]
                rows.append(f"MISSED {g['group']} {doc}\n  {context(text, spans)}")
        if args.kind in ("false", "all") and not args.group:
            for pi, p in enumerate(P):
                if pi in matched_pred or not p["content"]:
                    continue
                spans = [(s, e, tag) for sp, tag in ((p["source"], "S"), (p["cue"], "C"), (p["content"], "Q"))
                         if sp for s, e in [sp]]
                rows.append(f"FALSE {doc}\n  {context(text, spans)}")
    if args.sample:
        random.seed(args.seed)
        rows = random.sample(rows, min(args.sample, len(rows)))
    print("\n".join(rows))
    print(f"({len(rows)} shown)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
