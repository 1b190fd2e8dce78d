#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate the generated demo collection and print its figures.

Usage (from the repository root): python3 assets/demo/check_demo.py
Checks for every language: each corpus line is JSON with non-empty id/title/text, ids are the
same in every language, queries have 2-5 words (zh: 2-12 characters) and the same qids in every
language, every qrels line is `qid 0 docid rel` with rel in {1, 2} and a known qid and docid, and
every query has at least one relevant passage. Also reports how many relevant passages share no
word with their English query (what a purely lexical ranker cannot find). Exit status 1 on error.
"""
import json
import re
import statistics
import sys
from pathlib import Path

LANGS = ("en", "ko", "ru", "ar", "hi", "zh")


def words(lang, text):
    """Whitespace words; Chinese counts characters other than punctuation."""
    if lang == "zh":
        return [c for c in text if re.match(r"\w", c)]
    return text.split()


def main() -> int:
    root = Path(__file__).resolve().parent
    errors = []
    reference_ids = reference_qids = None
    for lang in LANGS:
        folder = root / lang
        ids, lengths = [], []
        for number, line in enumerate((folder / "corpus.jsonl").read_text(encoding="utf-8")
                                      .splitlines(), start=1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{lang}/corpus.jsonl line {number}: not JSON ({e})")
                continue
            if set(record) != {"id", "title", "text"} or not all(
                    isinstance(record[k], str) and record[k].strip() for k in record):
                errors.append(f"{lang}/corpus.jsonl line {number}: need non-empty id, title, text")
                continue
            ids.append(record["id"])
            lengths.append(len(words(lang, record["text"])))
        queries = {}
        for number, line in enumerate((folder / "queries.tsv").read_text(encoding="utf-8")
                                      .splitlines(), start=1):
            qid, _, text = line.partition("\t")
            size = len(words(lang, text))
            if not text or not (2 <= size <= (12 if lang == "zh" else 5)):
                errors.append(f"{lang}/queries.tsv line {number}: {size} words in {text!r}")
            queries[qid] = text
        relevant = {qid: {} for qid in queries}
        id_set = set(ids)
        for number, line in enumerate((folder / "qrels.txt").read_text(encoding="utf-8")
                                      .splitlines(), start=1):
            parts = line.split(" ")
            if len(parts) != 4 or parts[1] != "0" or parts[3] not in ("1", "2") \
                    or parts[0] not in queries or parts[2] not in id_set:
                errors.append(f"{lang}/qrels.txt line {number}: bad line {line!r}")
                continue
            relevant[parts[0]][parts[2]] = int(parts[3])
        errors += [f"{lang}: query {q} has no relevant passage" for q, r in relevant.items() if not r]
        if len(ids) != len(id_set):
            errors.append(f"{lang}: duplicate passage ids")
        if reference_ids is None:
            reference_ids, reference_qids = ids, list(queries)
        elif ids != reference_ids or list(queries) != reference_qids:
            errors.append(f"{lang}: passage or query ids differ from {LANGS[0]}")
        counts = [len(r) for r in relevant.values()]
        unit = "chars" if lang == "zh" else "words"
        print(f"{lang}: {len(ids)} passages ({unit} per text min {min(lengths)} "
              f"median {statistics.median(lengths)} max {max(lengths)}), {len(queries)} queries, "
              f"{sum(counts)} qrels (rel 2: {sum(v == 2 for r in relevant.values() for v in r.values())}), "
              f"relevant per query min {min(counts)} median {statistics.median(counts)} "
              f"max {max(counts)}")
        if lang == "en":
            texts = {}
            for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                texts[record["id"]] = set(re.findall(r"\w+", (record["title"] + " "
                                                              + record["text"]).lower()))
            stop = {"and"}
            missed = total = 0
            for qid, docs in relevant.items():
                terms = set(re.findall(r"\w+", queries[qid].lower())) - stop
                for docid in docs:
                    total += 1
                    missed += not (terms & texts[docid])
            print(f"en: {missed} of {total} relevant passages share no word with their query")
    for error in errors:
        print("ERROR", error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
