package org.sembridge.engine.transfer;

import java.util.Arrays;

/// Alpha-entmax of a row of scores (Peters, Niculae and Martins 2019), the sparse weighting that
/// SemBridge applies to the bridge similarities of a target token.
///
/// `p_i = [(alpha - 1) z_i - tau]_+ ^ (1 / (alpha - 1))`, with the threshold `tau` chosen so that
/// `sum_i p_i = 1`; no temperature, no top-k in the definition. `alpha = 1` is softmax (the limit),
/// `alpha = 2` sparsemax, larger `alpha` is sparser. Valid range: `1 <= alpha <= 8`.
///
/// How each `alpha` is solved, all in `double` from the `float` scores:
///
/// - `alpha = 1`: softmax, max-shifted, `p_i = exp(z_i - m) / sum_j exp(z_j - m)`;
/// - `alpha = 2`: the exact sort-based sparsemax: the support size `k` is the longest prefix of
///   the scores sorted in descending order with `1 + k z_(k) > sum_(j <= k) z_(j)`, and
///   `tau = (sum_(j <= k) z_(j) - 1) / k`;
/// - any other `alpha`: bisection on `tau` in `[(alpha - 1) max - 1, (alpha - 1) max]` (the
///   largest entry alone has mass 1 at the lower end and every entry has mass 0 at the upper end)
///   until the bracket is one ulp wide (about 52 halvings, at most [#MAX_BISECTION_STEPS]); the
///   lower end, where the mass is still `>= 1`, is kept. Entries within that ulp of `tau` are then
///   classified by the exact support test "`z_k` is in the support iff
///   `sum_(z_j > z_k) ((alpha - 1)(z_j - z_k))^(1/(alpha - 1)) < 1`", and the weights are divided by
///   their sum so that they sum to 1 (as `entmax_bisect(..., ensure_sum_one=True)` does).
///
/// Only the scores above `max - 1 / (alpha - 1)` can ever carry weight; they are sorted (value
/// descending, id ascending) in `O(m log m)` and each bisection step visits only the prefix that
/// still carries mass, stopping as soon as the mass reaches 1. Ties are treated alike: equal
/// scores always get equal weights, so a group of equal scores is entirely in or out of the
/// support.
///
/// Precision: the weights are exact to a few ulps of `double` relative to the `float` inputs,
/// except for entries whose distance to the threshold is within rounding, which is inherent:
/// for `alpha > 2` the map from scores to weights is only Hölder continuous with exponent
/// `1 / (alpha - 1)` at the support boundary.
///
/// Instances are immutable and thread-safe.
public final class EntmaxSolver {

    /// Smallest supported `alpha` (softmax).
    public static final double MIN_ALPHA = 1.0;
    /// Largest supported `alpha`.
    public static final double MAX_ALPHA = 8.0;
    /// Upper bound on bisection steps; the loop normally stops after about 52, when the bracket
    /// has shrunk below one ulp of the threshold.
    static final int MAX_BISECTION_STEPS = 100;

    /// Candidate counts up to this size are sorted and solved in per-thread buffers: the search
    /// solves hundreds of thousands of rows of `K` candidates, and fresh arrays per row let the
    /// garbage collector grow the heap by hundreds of MiB in `bench init` at 250,002 rows.
    private static final int KEPT_BUFFER = 4096;
    private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(() -> new Workspace(KEPT_BUFFER));

    /// Sort keys, sorted scores and scaled scores of one solve.
    private record Workspace(long[] keys, float[] sortedScores, double[] x) {
        Workspace(int size) {
            this(new long[size], new float[size], new double[size]);
        }
    }

    private enum Method { SOFTMAX, SPARSEMAX, BISECTION }

    private enum Power { IDENTITY, SQUARE, SQUARE_ROOT, CUBE_ROOT, GENERAL }

    private final double alpha;
    private final double scale;
    private final double exponent;
    private final Method method;
    private final Power power;

    /// A solver for one `alpha`.
    ///
    /// @param alpha the entmax order, `1 <= alpha <= 8`
    /// @throws IllegalArgumentException when `alpha` is NaN or outside `[1, 8]`
    public EntmaxSolver(double alpha) {
        this(alpha, false);
    }

    /// A solver that takes the bisection path even for `alpha = 2`; tests compare it with the
    /// sparsemax closed form.
    EntmaxSolver(double alpha, boolean forceBisection) {
        requireValidAlpha(alpha);
        this.alpha = alpha;
        this.scale = alpha - 1.0;
        this.exponent = alpha == 1.0 ? Double.POSITIVE_INFINITY : 1.0 / (alpha - 1.0);
        if (alpha == 1.0) {
            this.method = Method.SOFTMAX;
        } else if (alpha == 2.0 && !forceBisection) {
            this.method = Method.SPARSEMAX;
        } else {
            this.method = Method.BISECTION;
        }
        this.power = alpha == 2.0 ? Power.IDENTITY
                : alpha == 1.5 ? Power.SQUARE
                : alpha == 3.0 ? Power.SQUARE_ROOT
                : alpha == 4.0 ? Power.CUBE_ROOT
                : Power.GENERAL;
    }

    /// Throws unless `1 <= alpha <= 8` (NaN fails).
    static void requireValidAlpha(double alpha) {
        if (!(alpha >= MIN_ALPHA && alpha <= MAX_ALPHA)) {
            throw new IllegalArgumentException("alpha must be in [" + MIN_ALPHA + ", " + MAX_ALPHA
                    + "], found " + alpha);
        }
    }

    /// The entmax order of this solver.
    public double alpha() {
        return alpha;
    }

    /// The alpha-entmax of a whole row.
    ///
    /// Cost `O(n)` plus `O(m log m)` for the `m` scores above `max - 1 / (alpha - 1)` (softmax:
    /// `O(n log n)`, all of them).
    ///
    /// @param scores the row, at least one finite value
    /// @return the weights of the row, ids being positions in `scores`; always complete
    /// @throws IllegalArgumentException when `scores` is empty or holds a NaN or infinite value
    ///     (the message names the index)
    public EntmaxSolution solve(float[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("cannot take the entmax of an empty row");
        }
        return solveCandidates(scores, null, 0, scores.length, scores.length);
    }

    /// The alpha-entmax of the `K` largest scores of a row, and whether it is the entmax of the
    /// whole row.
    ///
    /// Exactness: for `alpha > 1` the support is `{i : (alpha - 1) z_i > tau}`. If the smallest
    /// candidate gets weight 0, every score left out of the top-K is no larger, so adding it adds
    /// zero mass at every `tau` the solution passes through: `tau`, and hence every weight, is
    /// unchanged. The solver then even takes the same steps (bisection midpoints and decisions, or
    /// the sparsemax prefix scan), so the complete result is bit-for-bit the one
    /// [#solve(float[])] gives on the full row.
    /// Softmax has full support: its top-K result is complete only when `K` is the whole row.
    ///
    /// @param topScores the `K` largest scores of the row, in any order, all finite
    /// @param topIds the row positions (e.g. source token ids) of `topScores`, distinct, in
    ///     `[0, rowLength)`
    /// @param rowLength the length of the full row, `>= K`
    /// @return the entmax of the candidates, with [EntmaxSolution#complete()] telling whether it is
    ///     the entmax of the full row
    /// @throws IllegalArgumentException on empty or unequal arrays, a score that is NaN or
    ///     infinite, an id outside `[0, rowLength)`, or `rowLength < K`
    public EntmaxSolution solveTopK(float[] topScores, int[] topIds, int rowLength) {
        if (topScores.length == 0 || topScores.length != topIds.length) {
            throw new IllegalArgumentException("need as many top-K ids as scores (at least one), found "
                    + topIds.length + " ids for " + topScores.length + " scores");
        }
        if (rowLength < topScores.length) {
            throw new IllegalArgumentException("row length " + rowLength + " is smaller than the "
                    + topScores.length + " top-K candidates");
        }
        for (int i = 0; i < topIds.length; i++) {
            if (topIds[i] < 0 || topIds[i] >= rowLength) {
                throw new IllegalArgumentException("top-K id at index " + i + " is " + topIds[i]
                        + ", expected an id in [0, " + rowLength + ")");
            }
        }
        return solveCandidates(topScores, topIds, 0, topScores.length, rowLength);
    }

    /// The unnormalised entmax weight of one score at a known threshold:
    /// `[(alpha - 1) score - threshold]_+^(1/(alpha - 1))`, or `exp(score - threshold)` for
    /// `alpha = 1`. With the threshold of a solution (for softmax: the log-partition of the full
    /// row) this is the score's weight in that solution.
    public double weightAt(double score, double threshold) {
        if (method == Method.SOFTMAX) {
            return Math.exp(score - threshold);
        }
        double distance = scale * score - threshold;
        return distance > 0 ? power(distance) : 0.0;
    }

    /// Solves `count` candidates `scores[offset ..]` with ids `ids[offset ..]` (or, when `ids` is
    /// null, ids `0 .. count - 1`) taken from a row of `rowLength` scores. No copies: the search
    /// passes slices of its top-K buffers.
    EntmaxSolution solveCandidates(float[] scores, int[] ids, int offset, int count, int rowLength) {
        float maxScore = maxFinite(scores, ids, offset, count);
        boolean wholeRow = count == rowLength;
        if (method == Method.SOFTMAX) {
            return softmax(scores, ids, offset, count, maxScore, wholeRow);
        }
        // Nothing at or below the initial lower end of the bracket ever carries mass.
        double floor = scale * maxScore - 1.0;
        Workspace workspace = count <= KEPT_BUFFER ? WORKSPACES.get() : new Workspace(count);
        long[] keys = workspace.keys();
        int m = 0;
        for (int i = 0; i < count; i++) {
            float z = scores[offset + i];
            if (scale * z > floor) {
                keys[m++] = sortKey(z, ids == null ? i : ids[offset + i]);
            }
        }
        Arrays.sort(keys, 0, m);
        float[] sortedScores = workspace.sortedScores();
        double[] x = workspace.x();
        for (int i = 0; i < m; i++) {
            sortedScores[i] = keyScore(keys[i]);
            x[i] = scale * sortedScores[i];
        }
        // Candidates at or below the floor prove that the smallest one carries no weight.
        boolean smallestBelowFloor = m < count;
        return method == Method.SPARSEMAX
                ? sparsemax(keys, sortedScores, x, m, wholeRow || smallestBelowFloor)
                : bisection(keys, sortedScores, x, m, wholeRow || smallestBelowFloor);
    }

    /// `x[0 .. m)` are the scaled candidates, descending; the arrays may be longer.
    private EntmaxSolution sparsemax(long[] keys, float[] sortedScores, double[] x, int m, boolean knownComplete) {
        double cumulative = 0.0;
        int k = 0;
        while (k < m && 1.0 + (k + 1) * x[k] > cumulative + x[k]) {
            cumulative += x[k];
            k++;
        }
        // Equal scores share one fate: a tie group split by rounding at the boundary leaves whole.
        while (k > 1 && k < m && x[k - 1] == x[k]) {
            k--;
        }
        cumulative = 0.0;
        for (int i = 0; i < k; i++) {
            cumulative += x[i];
        }
        double tau = (cumulative - 1.0) / k;
        double[] weights = new double[k];
        for (int i = 0; i < k; i++) {
            weights[i] = Math.max(0.0, x[i] - tau);
        }
        return listPositive(keys, sortedScores, weights, k, tau, knownComplete || k < m);
    }

    /// `x[0 .. m)` are the scaled candidates, descending; the arrays may be longer.
    private EntmaxSolution bisection(long[] keys, float[] sortedScores, double[] x, int m, boolean knownComplete) {
        double lo = x[0] - 1.0;
        double step = 1.0;
        for (int i = 0; i < MAX_BISECTION_STEPS; i++) {
            step *= 0.5;
            double mid = lo + step;
            if (mid == lo) {
                break;
            }
            if (massReachesOne(x, m, mid)) {
                lo = mid;
            }
        }
        int support = 0;
        while (support < m && x[support] > lo) {
            support++;
        }
        boolean complete = knownComplete || x[m - 1] <= lo;
        support = dropGroupsOutsideSupport(x, support);
        double[] weights = new double[support];
        for (int i = 0; i < support; i++) {
            weights[i] = power(x[i] - lo);
        }
        return listPositive(keys, sortedScores, weights, support, lo, complete);
    }

    /// Whether the mass `sum_i [x_i - tau]_+^(1/(alpha-1))` of the descending `x` is at least 1;
    /// stops at the first entry without mass or as soon as the partial sum reaches 1 (terms are
    /// non-negative, so the answer cannot change).
    private boolean massReachesOne(double[] x, int m, double tau) {
        double mass = 0.0;
        for (int i = 0; i < m; i++) {
            double distance = x[i] - tau;
            if (distance <= 0.0) {
                return false;
            }
            mass += power(distance);
            if (mass >= 1.0) {
                return true;
            }
        }
        return false;
    }

    /// Shrinks the bisection support while its last tie group fails the exact support test
    /// `sum_(x_j > x_k) (x_j - x_k)^(1/(alpha-1)) < 1`; only groups within rounding of `tau` can.
    private int dropGroupsOutsideSupport(double[] x, int support) {
        int size = support;
        while (size > 1) {
            double boundary = x[size - 1];
            int groupStart = size - 1;
            while (groupStart > 0 && x[groupStart - 1] == boundary) {
                groupStart--;
            }
            if (groupStart == 0 || !massReachesOne(x, groupStart, boundary)) {
                break;
            }
            size = groupStart;
        }
        return size;
    }

    private EntmaxSolution softmax(float[] scores, int[] ids, int offset, int count, float maxScore,
            boolean complete) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = sortKey(scores[offset + i], ids == null ? i : ids[offset + i]);
        }
        Arrays.sort(keys);
        float[] sortedScores = new float[count];
        double[] weights = new double[count];
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            sortedScores[i] = keyScore(keys[i]);
            weights[i] = Math.exp((double) sortedScores[i] - maxScore);
            sum += weights[i];
        }
        return listPositive(keys, sortedScores, weights, count, maxScore + Math.log(sum), complete);
    }

    /// Normalises `weights[0 .. size)` to sum 1 and lists the positive ones.
    private static EntmaxSolution listPositive(long[] keys, float[] sortedScores, double[] weights, int size,
            double threshold, boolean complete) {
        double total = 0.0;
        int positive = 0;
        for (int i = 0; i < size; i++) {
            total += weights[i];
            if (weights[i] > 0.0) {
                positive++;
            }
        }
        int[] ids = new int[positive];
        double[] normalised = new double[positive];
        float[] scores = new float[positive];
        int j = 0;
        for (int i = 0; i < size; i++) {
            if (weights[i] > 0.0) {
                ids[j] = keyId(keys[i]);
                normalised[j] = weights[i] / total;
                scores[j] = sortedScores[i];
                j++;
            }
        }
        return new EntmaxSolution(ids, normalised, scores, threshold, complete);
    }

    private double power(double distance) {
        return switch (power) {
            case IDENTITY -> distance;
            case SQUARE -> distance * distance;
            case SQUARE_ROOT -> Math.sqrt(distance);
            case CUBE_ROOT -> Math.cbrt(distance);
            case GENERAL -> Math.pow(distance, exponent);
        };
    }

    private static float maxFinite(float[] scores, int[] ids, int offset, int count) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            float z = scores[offset + i];
            if (!Float.isFinite(z)) {
                throw new IllegalArgumentException("score at index " + i
                        + (ids == null ? "" : " (id " + ids[offset + i] + ")") + " is " + z
                        + "; expected a finite number");
            }
            max = Math.max(max, z);
        }
        return max;
    }

    /// A `long` whose natural order is score descending, then id ascending; `-0.0` counts as `0.0`.
    static long sortKey(float score, int id) {
        int bits = Float.floatToRawIntBits(score + 0.0f);
        int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~ascending << 32) | (id & 0xffffffffL);
    }

    static float keyScore(long key) {
        int ascending = ~(int) (key >> 32);
        return Float.intBitsToFloat(ascending ^ ((ascending >> 31) & 0x7fffffff));
    }

    static int keyId(long key) {
        return (int) key;
    }
}
