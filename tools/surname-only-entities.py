#!/usr/bin/env python3
"""Counts the PERSON rows of an entities.csv whose name is only the surname of another PERSON row of the same run
("Trump" beside "Donald Trump"): one person split into two entities.

    tools/surname-only-entities.py ENTITIES_CSV
    # e.g. target/release/whosaid extract --out-dir target/dev-out ../shared/corpus/polnear/dev/text
    #      tools/surname-only-entities.py target/dev-out/entities.csv

Prints the count, the mentions those rows hold, and the rows. Standard library only.
"""
import csv
import sys
from collections import defaultdict


def main():
    with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["type"] == "PERSON"]
    full = defaultdict(list)
    for r in rows:
        words = r["entity"].split()
        if len(words) >= 2:
            full[words[-1].lower()].append(r["entity"])
    split = [r for r in rows if len(r["entity"].split()) == 1 and r["entity"].lower() in full]
    print(f"PERSON entities named by a surname only, whose full name the run also has: {len(split)} "
          f"({sum(int(r['mentions']) for r in split)} mentions)")
    for r in split:
        print(f"  {r['entity']} ({r['mentions']}) beside {', '.join(full[r['entity'].lower()][:3])}")


if __name__ == "__main__":
    main()
