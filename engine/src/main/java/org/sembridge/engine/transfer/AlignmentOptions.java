package org.sembridge.engine.transfer;

/// Settings of a [TopKSupportSearch].
///
/// @param alpha entmax order, `1 <= alpha <= 8` (the paper uses 4)
/// @param topK candidates per row tried first, `>= 1` (default 64; at least 10 are taken for the
///     nearest list); rows whose support reaches the last candidate are retried with four times as
///     many, then solved on the full row. The result does not depend on it, only the cost does
/// @param maxBlockBytes bound on one block's `float32` similarity matrix on the device, `>= 4`
///     (default 128 MiB)
public record AlignmentOptions(double alpha, int topK, long maxBlockBytes) {

    /// Default `topK`: 64 candidates, far above the 2-16 source tokens a SemBridge row keeps for
    /// `alpha >= 2`.
    public static final int DEFAULT_TOP_K = 64;

    /// Validates the ranges.
    ///
    /// @throws IllegalArgumentException when a value is outside its range
    public AlignmentOptions {
        EntmaxSolver.requireValidAlpha(alpha);
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, found " + topK);
        }
        if (maxBlockBytes < Float.BYTES) {
            throw new IllegalArgumentException("maxBlockBytes must be >= " + Float.BYTES + ", found "
                    + maxBlockBytes);
        }
    }

    /// The defaults for `alpha`: `topK` 64, blocks of at most 128 MiB.
    public static AlignmentOptions of(double alpha) {
        return new AlignmentOptions(alpha, DEFAULT_TOP_K, BlockedCosineSimilarity.DEFAULT_MAX_BLOCK_BYTES);
    }

    /// A copy with another `topK`.
    public AlignmentOptions withTopK(int newTopK) {
        return new AlignmentOptions(alpha, newTopK, maxBlockBytes);
    }

    /// A copy with another block bound.
    public AlignmentOptions withMaxBlockBytes(long newMaxBlockBytes) {
        return new AlignmentOptions(alpha, topK, newMaxBlockBytes);
    }
}
