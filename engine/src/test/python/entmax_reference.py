#!/usr/bin/env python3
"""Independent numpy reference for alpha-entmax, the SemBridge alignment and the reconstruction.

Used by the Java tests of org.sembridge.engine.transfer. The algorithms deliberately differ from
the Java ones (which bisect on the threshold tau over the whole row):

- alpha = 1: softmax, max-shifted.
- alpha = 2: sparsemax closed form (sort, cumulative sums, k = max{k : 1 + k z_k > sum_{j<=k} z_j}).
- alpha = 1.5: the exact sort-based entmax-1.5 of Peters, Niculae and Martins (2019): candidate
  thresholds from running means and variances, support = {tau_k <= z_k}.
- any other alpha: the support is found first, exactly, from the sorted scaled scores x = (alpha-1) z:
  x_k is in the support iff sum_{x_j > x_k} (x_j - x_k)^(1/(alpha-1)) < 1; then tau is found on that
  fixed support by bisection in float64 and the weights are normalised.

Everything is float64. Usage (input and output are JSON; output goes to stdout):

    entmax_reference.py entmax IN.json               {"alpha", "rows"} -> {"weights"}
    entmax_reference.py align IN.json                {"alpha", "targets", "sources", "rows"}
                                                     -> {"similarities", "weights", "entropies", "supports"}
                                                     (entropy -sum p ln p over p > 0 of the dense row, in
                                                     nats; support = number of p > 0)
    entmax_reference.py reconstruct IN.json          {"rows": [{"ids", "weights"}], "embeddings"}
                                                     -> {"embeddings"}
    entmax_reference.py softmax_reconstruct IN.json  {"targets", "sources", "rows", "embeddings"}
                                                     -> {"embeddings"}
"""
import json
import sys

import numpy as np


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def sparsemax(z):
    order = np.argsort(-z, kind="stable")
    zs = z[order]
    k = np.arange(1, len(z) + 1)
    cumulative = np.cumsum(zs)
    support = k[1 + k * zs > cumulative]
    size = support[-1]
    tau = (cumulative[size - 1] - 1.0) / size
    return np.maximum(z - tau, 0.0)


def entmax15(z):
    x = z / 2.0
    x = x - x.max()
    xs = np.sort(x)[::-1]
    rho = np.arange(1, len(x) + 1)
    mean = np.cumsum(xs) / rho
    mean_sq = np.cumsum(xs ** 2) / rho
    ss = rho * (mean_sq - mean ** 2)
    delta = (1.0 - ss) / rho
    tau = mean - np.sqrt(np.maximum(delta, 0.0))
    size = int(np.sum(tau <= xs))
    p = np.maximum(x - tau[size - 1], 0.0) ** 2
    return p / p.sum()


def entmax_by_support(z, alpha):
    e = 1.0 / (alpha - 1.0)
    x = (alpha - 1.0) * z
    xs = np.sort(x)[::-1]
    size = 1
    for k in range(1, len(xs)):
        gaps = xs[:k] - xs[k]
        if np.sum(np.power(gaps[gaps > 0], e)) < 1.0:
            size = k + 1
        else:
            break
    top = xs[:size]
    lo, hi = xs[0] - 1.0, top[-1]
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if mid <= lo or mid >= hi:
            break
        if np.sum(np.power(top - mid, e)) >= 1.0:
            lo = mid
        else:
            hi = mid
    p = np.where(x >= top[-1], np.power(np.maximum(x - lo, 0.0), e), 0.0)
    return p / p.sum()


def entmax(z, alpha):
    z = np.asarray(z, dtype=np.float64)
    if alpha == 1.0:
        return softmax(z)
    if alpha == 2.0:
        return sparsemax(z)
    if alpha == 1.5:
        return entmax15(z)
    return entmax_by_support(z, alpha)


def cosine(targets, sources, rows):
    t = np.asarray(targets, dtype=np.float64)[rows]
    s = np.asarray(sources, dtype=np.float64)
    t = t / np.linalg.norm(t, axis=1, keepdims=True)
    s = s / np.linalg.norm(s, axis=1, keepdims=True)
    return t @ s.T


def main():
    command, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if command == "entmax":
        out = {"weights": [entmax(row, data["alpha"]).tolist() for row in data["rows"]]}
    elif command == "align":
        similarities = cosine(data["targets"], data["sources"], data["rows"])
        weights = [entmax(row, data["alpha"]) for row in similarities]
        out = {"similarities": similarities.tolist(),
               "weights": [w.tolist() for w in weights],
               "entropies": [float(-(w[w > 0] * np.log(w[w > 0])).sum()) for w in weights],
               "supports": [int((w > 0).sum()) for w in weights]}
    elif command == "reconstruct":
        embeddings = np.asarray(data["embeddings"], dtype=np.float64)
        out = {"embeddings": [(np.asarray(r["weights"], dtype=np.float64) @ embeddings[r["ids"]]).tolist()
                              if r["ids"] else [0.0] * embeddings.shape[1] for r in data["rows"]]}
    elif command == "softmax_reconstruct":
        similarities = cosine(data["targets"], data["sources"], data["rows"])
        embeddings = np.asarray(data["embeddings"], dtype=np.float64)
        out = {"embeddings": (np.stack([softmax(row) for row in similarities]) @ embeddings).tolist()}
    else:
        raise SystemExit("unknown command " + command)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
