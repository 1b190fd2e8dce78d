package org.sembridge.engine.transfer;

/// The alpha-entmax weights of one row of scores, listed sparsely: only entries with a positive
/// weight, largest weight first, equal weights (equal scores) by ascending id.
///
/// For `alpha > 1` the listed entries are the support of the row; for `alpha = 1` (softmax) every
/// entry whose weight does not underflow a `double` is listed. The weights are `double`s that sum
/// to 1 within a few ulps.
///
/// @param ids the entries with a positive weight: positions in the row for
///     [EntmaxSolver#solve(float[])], the caller's ids for [EntmaxSolver#solveTopK]
/// @param weights the weights, same order as `ids`, each in `(0, 1]`
/// @param scores the input score of each listed entry, same order as `ids`
/// @param threshold tau of `p_i = [(alpha - 1) z_i - tau]_+^(1/(alpha - 1))`; for `alpha = 1` the
///     log-partition `log sum_j exp(z_j)`, so that `p_i = exp(z_i - tau)`
/// @param complete whether these are the weights of the whole row: always true for
///     [EntmaxSolver#solve(float[])]; for [EntmaxSolver#solveTopK] true only when the smallest
///     candidate provably lies outside the support (never for softmax unless the candidates are
///     the whole row). An incomplete result is the entmax of the candidates alone and must not
///     be used as the row's weights
public record EntmaxSolution(int[] ids, double[] weights, float[] scores, double threshold, boolean complete) {

    /// Checks that the three lists have one entry per listed id.
    public EntmaxSolution {
        if (ids.length != weights.length || ids.length != scores.length) {
            throw new IllegalArgumentException("ids, weights and scores must have equal lengths, found "
                    + ids.length + ", " + weights.length + ", " + scores.length);
        }
    }

    /// Number of listed entries (the support size for `alpha > 1`).
    public int size() {
        return ids.length;
    }
}
