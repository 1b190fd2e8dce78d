#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate assets/lexicon/concepts.tsv and print the figures quoted in README.md.

Usage: python3 assets/lexicon/check_lexicon.py [path/to/concepts.tsv]
Exits with status 1 if a row is malformed (column count, empty cell, space in an entry,
duplicate concept id). Standard library only.
"""
import collections
import sys
from pathlib import Path

HEADER = ["concept", "topic", "en", "ko", "ru", "ar", "hi", "zh"]
LANGS = HEADER[2:]


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("concepts.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    errors = []
    if lines[0].split("\t") != HEADER:
        errors.append(f"header: expected {HEADER}, found {lines[0].split(chr(9))}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(HEADER):
            errors.append(f"line {number}: expected {len(HEADER)} columns, found {len(cells)}")
            continue
        for name, cell in zip(HEADER, cells):
            entries = cell.split("|") if name in LANGS else [cell]
            for entry in entries:
                if not entry or entry != entry.strip() or " " in entry:
                    errors.append(f"line {number}: column {name}: bad entry {entry!r}")
        rows.append(dict(zip(HEADER, cells)))
    ids = collections.Counter(row["concept"] for row in rows)
    errors += [f"duplicate concept id {cid}" for cid, n in ids.items() if n > 1]

    print(f"concepts: {len(rows)}")
    topics = collections.Counter(row["topic"] for row in rows)
    print(f"topics: {len(topics)}: " + ", ".join(f"{t} {n}" for t, n in sorted(topics.items())))
    print("language  entries  concepts-with-2+  words-shared-by-2+-concepts")
    for lang in LANGS:
        owners = collections.defaultdict(set)
        for row in rows:
            for entry in row[lang].split("|"):
                owners[entry].add(row["concept"])
        shared = sorted(w for w, c in owners.items() if len(c) > 1)
        with_synonyms = sum("|" in row[lang] for row in rows)
        entries = sum(len(row[lang].split("|")) for row in rows)
        print(f"{lang:8}  {entries:7}  {with_synonyms:16}  {len(shared)} {' '.join(shared)}")
    single = sum(len(row["zh"].split("|")[0]) == 1 for row in rows)
    print(f"zh single-character first entry: {single}")
    for error in errors:
        print("ERROR", error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
