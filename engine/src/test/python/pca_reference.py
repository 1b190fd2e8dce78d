"""Independent numpy reference for org.sembridge.engine.projection.PcaProjector.

Usage: pca_reference.py VECTORS
  VECTORS  text file, one float32 vector per line (n x d)
Prints the n x 2 PCA scores as JSON: [[pc1, pc2], ...].

Scores on the two leading eigenvectors of the sample covariance (numpy.linalg.eigh on
np.cov, float64), each eigenvector's sign fixed so that its entry of largest absolute value
(the first on ties) is positive - the convention the Java code documents.
"""
import json
import sys

import numpy as np


def main():
    # The Java side writes float32 values as shortest decimals: parse them as float32, then widen.
    vectors = np.loadtxt(sys.argv[1], dtype=np.float32, ndmin=2).astype(np.float64)
    centred = vectors - vectors.mean(axis=0)
    covariance = np.cov(vectors, rowvar=False, ddof=1)
    values, axes = np.linalg.eigh(covariance)
    order = np.argsort(-values, kind="stable")[:2]
    axes = axes[:, order]
    for c in range(axes.shape[1]):
        if axes[np.argmax(np.abs(axes[:, c])), c] < 0:
            axes[:, c] = -axes[:, c]
    print(json.dumps((centred @ axes).tolist()))


if __name__ == "__main__":
    main()
