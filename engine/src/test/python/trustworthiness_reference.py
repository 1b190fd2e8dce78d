"""Independent numpy reference for org.sembridge.engine.projection.QualityEvaluator.

Usage: trustworthiness_reference.py VECTORS MAP LINKS K
  VECTORS  text file, one original float32 vector per line (n x d)
  MAP      text file, one 2-D map point per line (n x 2)
  LINKS    text file, one "from to" pair per line (may be empty)
  K        neighbourhood size, 1 <= K < n / 2
Prints one JSON object: trustworthiness, linked_points, linked_original, linked_map.

Trustworthiness (Venna and Kaski 2001):
  T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U_k(i)} (r(i, j) - k)
with U_k(i) the map k-neighbours of i that are not original k-neighbours and r(i, j) the
1-based rank of j by original distance from i (i itself unranked). Distances are computed
directly as sums of squared differences in float64; ties are ordered by point index (a
stable argsort), the same rule as the Java code. Written from the formula, not from the
Java implementation: full rank matrices instead of heaps and counting scans.
"""
import json
import sys

import numpy as np


def squared_distances(points):
    diff = points[:, None, :] - points[None, :, :]
    return (diff * diff).sum(axis=-1)


def ranks_and_neighbours(distances, k):
    n = distances.shape[0]
    rank = np.zeros((n, n), dtype=np.int64)
    neighbours = np.zeros((n, k), dtype=np.int64)
    for i in range(n):
        order = np.argsort(distances[i], kind="stable")
        order = order[order != i]
        rank[i, order] = np.arange(1, n)
        neighbours[i] = order[:k]
    return rank, neighbours


def main():
    # The Java side writes float32 values as shortest decimals: parse them as float32, then widen.
    vectors = np.loadtxt(sys.argv[1], dtype=np.float32, ndmin=2).astype(np.float64)
    layout = np.loadtxt(sys.argv[2], dtype=np.float64, ndmin=2)
    links_text = open(sys.argv[3], encoding="utf-8").read().split()
    k = int(sys.argv[4])
    n = vectors.shape[0]

    original_rank, original_neighbours = ranks_and_neighbours(squared_distances(vectors), k)
    _, map_neighbours = ranks_and_neighbours(squared_distances(layout), k)

    penalty = 0
    for i in range(n):
        original_set = set(original_neighbours[i].tolist())
        for j in map_neighbours[i]:
            if j not in original_set:
                penalty += original_rank[i, j] - k
    trust = 1.0 - 2.0 * penalty / (n * k * (2.0 * n - 3.0 * k - 1.0))

    targets = {}
    pairs = [int(v) for v in links_text]
    for f, t in zip(pairs[0::2], pairs[1::2]):
        if f != t:
            targets.setdefault(f, set()).add(t)
    hit_original = sum(1 for f, ts in targets.items() if ts & set(original_neighbours[f].tolist()))
    hit_map = sum(1 for f, ts in targets.items() if ts & set(map_neighbours[f].tolist()))
    linked = len(targets)
    print(json.dumps({
        "trustworthiness": trust,
        "linked_points": linked,
        "linked_original": hit_original / linked if linked else None,
        "linked_map": hit_map / linked if linked else None,
    }))


if __name__ == "__main__":
    main()
