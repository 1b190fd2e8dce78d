#!/usr/bin/env python3
"""Independent numpy reference for the baselines of org.sembridge.engine.transfer.baseline.

Reuses the float64 cosine and sparsemax of entmax_reference.py (same folder). Everything is
float64. Usage (input and output are JSON; output goes to stdout):

    baseline_reference.py focus IN.json     {"targets", "sources", "rows", "overlap"}
        -> {"weights"}: per requested target row, dense weights over ALL source ids:
           sparsemax of the cosine similarities to the overlap rows, 0 elsewhere
    baseline_reference.py ofa IN.json       {"targets", "sources", "rows", "k", "temperature"}
        -> {"ids", "weights"}: the k most similar source ids (similarity descending) and
           softmax(similarity / temperature) over them
    baseline_reference.py moments IN.json   {"matrices"}
        -> {"moments": [{"mean", "std", "entryStd", "cov"}]} per matrix: column means, column
           standard deviations (ddof=1), the standard deviation of all entries (ddof=1) and the
           covariance (numpy.cov, ddof=1)
"""
import json
import sys

import numpy as np

from entmax_reference import cosine, softmax, sparsemax


def focus(data):
    similarities = cosine(data["targets"], data["sources"], data["rows"])
    overlap = np.asarray(data["overlap"], dtype=np.int64)
    weights = np.zeros_like(similarities)
    for r, row in enumerate(similarities):
        weights[r, overlap] = sparsemax(row[overlap])
    return {"weights": weights.tolist()}


def ofa(data):
    similarities = cosine(data["targets"], data["sources"], data["rows"])
    k = data["k"]
    ids, weights = [], []
    for row in similarities:
        top = np.argsort(-row, kind="stable")[:k]
        ids.append(top.tolist())
        weights.append(softmax(row[top] / data["temperature"]).tolist())
    return {"ids": ids, "weights": weights}


def moments(data):
    out = []
    for matrix in data["matrices"]:
        m = np.asarray(matrix, dtype=np.float64)
        out.append({"mean": m.mean(axis=0).tolist(),
                    "std": m.std(axis=0, ddof=1).tolist(),
                    "entryStd": float(m.std(ddof=1)),
                    "cov": np.atleast_2d(np.cov(m, rowvar=False, ddof=1)).tolist()})
    return {"moments": out}


def main():
    command, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    commands = {"focus": focus, "ofa": ofa, "moments": moments}
    if command not in commands:
        raise SystemExit("unknown command " + command)
    json.dump(commands[command](data), sys.stdout)


if __name__ == "__main__":
    main()
