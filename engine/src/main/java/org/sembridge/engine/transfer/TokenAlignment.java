package org.sembridge.engine.transfer;

/// How one target token is built from source tokens: its alpha-entmax weights over the bridge
/// similarities, and its nearest source tokens for inspection.
///
/// For `alpha > 1` the weight lists are the exact support of the token's row (every source token
/// with a positive weight), so `E_t[x] = sum_k weights[k] E_s[sourceIds[k]]` is the SemBridge
/// reconstruction. For `alpha = 1` (softmax) every source token has a positive weight; the record
/// then lists only the `K` largest weights for inspection, `truncated` is true and the weights sum
/// to less than 1: reconstruct such rows with [DenseSoftmaxReconstruction], not from this record.
///
/// Lists are ordered by weight (equivalently similarity) descending, equal values by ascending
/// source id. Which source ids appear among equal similarities cut off at the end of the nearest
/// list (or of a truncated list) is unspecified.
///
/// @param targetId the target token (row of the target bridge matrix)
/// @param sourceIds source tokens with a positive weight
/// @param weights their weights, each in `(0, 1]`, summing to 1 within `float` rounding unless
///     `truncated`
/// @param similarities their cosine similarities to the target token
/// @param nearestSourceIds the (up to) 10 most similar source tokens, whether weighted or not
/// @param nearestSimilarities their cosine similarities, descending
/// @param truncated true only for softmax rows, whose dense weights are cut to the `K` largest
/// @param denseEntropyNats for a `truncated` row, the entropy `-sum p ln p` of the dense row over
///     every source token, in nats (`log Z - sum p s` of the softmax); `NaN` otherwise (the entropy
///     of the listed weights is then the row's)
public record TokenAlignment(int targetId, int[] sourceIds, float[] weights, float[] similarities,
        int[] nearestSourceIds, float[] nearestSimilarities, boolean truncated, double denseEntropyNats) {

    /// A record without a dense entropy (exact supports, or a caller that does not know it).
    public TokenAlignment(int targetId, int[] sourceIds, float[] weights, float[] similarities,
            int[] nearestSourceIds, float[] nearestSimilarities, boolean truncated) {
        this(targetId, sourceIds, weights, similarities, nearestSourceIds, nearestSimilarities, truncated, Double.NaN);
    }

    /// Checks that the parallel lists have equal lengths.
    public TokenAlignment {
        if (sourceIds.length != weights.length || sourceIds.length != similarities.length) {
            throw new IllegalArgumentException("sourceIds, weights and similarities must have equal lengths, found "
                    + sourceIds.length + ", " + weights.length + ", " + similarities.length);
        }
        if (nearestSourceIds.length != nearestSimilarities.length) {
            throw new IllegalArgumentException("nearestSourceIds and nearestSimilarities must have equal lengths, found "
                    + nearestSourceIds.length + ", " + nearestSimilarities.length);
        }
    }

    /// Number of listed source tokens (the support size unless `truncated`).
    public int size() {
        return sourceIds.length;
    }
}
