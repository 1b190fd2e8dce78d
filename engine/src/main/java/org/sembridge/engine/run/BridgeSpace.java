package org.sembridge.engine.run;

import java.util.stream.IntStream;

import org.sembridge.engine.linalg.FloatDot;
import org.sembridge.engine.transfer.EntmaxSolution;
import org.sembridge.engine.transfer.EntmaxSolver;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.TopKSupportSearch;

/// The bridge vectors of a run's two vocabularies, held for interactive re-alignment: the raw
/// matrices (for [TopKSupportSearch]) and the inverse L2 norm of every row, so that one target
/// token's similarity row is `nS` dot products, each scaled by the two inverse norms.
///
/// [#alignment] solves one token in Java: `nS * D` multiply-adds (30,000 x 1,024 is about 31 M,
/// split over the common fork-join pool, four accumulators per dot product) plus one entmax
/// solve of the row; no tensors, no embedding. Memory: the matrices once, plus one `float` per
/// row (no normalised copy: at XLM-R scale that copy alone was 250,002 x 1,024 floats, 1 GB).
final class BridgeSpace {

    /// Weights listed for a softmax row (whose support is the whole source vocabulary).
    private static final int SOFTMAX_LISTED = 64;

    private final FloatMatrix sources;
    private final FloatMatrix targets;
    private final float[] sourceInverseNorms;
    private final float[] targetInverseNorms;

    BridgeSpace(FloatMatrix sources, FloatMatrix targets) {
        if (sources.columns() != targets.columns()) {
            throw new IllegalArgumentException("bridge dimensions differ: source " + sources.columns() + ", target "
                    + targets.columns());
        }
        this.sources = sources;
        this.targets = targets;
        this.sourceInverseNorms = inverseNorms(sources);
        this.targetInverseNorms = inverseNorms(targets);
    }

    FloatMatrix sources() {
        return sources;
    }

    FloatMatrix targets() {
        return targets;
    }

    /// The cosine similarities of target token `targetId` to every source token.
    float[] similarities(int targetId) {
        int dimension = sources.columns();
        int offset = targetId * dimension;
        float[] scores = new float[sources.rows()];
        float targetScale = targetInverseNorms[targetId];
        float[] t = targets.values();
        float[] s = sources.values();
        IntStream.range(0, sources.rows()).parallel().forEach(i -> scores[i] =
                FloatDot.dot(t, offset, s, i * dimension, dimension) * targetScale * sourceInverseNorms[i]);
        return scores;
    }

    /// The alpha-entmax alignment of target token `targetId` to all source tokens, as
    /// [TopKSupportSearch] defines it (for `alpha = 1` only the 64 largest weights are listed,
    /// `truncated`, with the dense row's entropy over all weights).
    TokenAlignment alignment(int targetId, double alpha) {
        float[] scores = similarities(targetId);
        EntmaxSolution solution = new EntmaxSolver(alpha).solve(scores);
        boolean truncated = alpha == 1.0 && solution.size() > SOFTMAX_LISTED;
        int listed = truncated ? SOFTMAX_LISTED : solution.size();
        int kept = 0;
        for (int k = 0; k < listed; k++) {
            if ((float) solution.weights()[k] > 0.0f) {
                kept++;
            }
        }
        int[] ids = new int[kept];
        float[] weights = new float[kept];
        float[] similarities = new float[kept];
        for (int k = 0, j = 0; k < listed; k++) {
            if ((float) solution.weights()[k] > 0.0f) {
                ids[j] = solution.ids()[k];
                weights[j] = (float) solution.weights()[k];
                similarities[j] = solution.scores()[k];
                j++;
            }
        }
        int[] nearest = nearest(scores);
        float[] nearestSimilarities = new float[nearest.length];
        for (int k = 0; k < nearest.length; k++) {
            nearestSimilarities[k] = scores[nearest[k]];
        }
        double denseEntropy = Double.NaN;
        if (truncated) {
            denseEntropy = 0.0;
            for (double weight : solution.weights()) {
                if (weight > 0.0) {
                    denseEntropy -= weight * Math.log(weight);
                }
            }
        }
        return new TokenAlignment(targetId, ids, weights, similarities, nearest, nearestSimilarities, truncated,
                denseEntropy);
    }

    /// The [TopKSupportSearch#NEAREST_COUNT] highest scores' ids, descending, ties by ascending
    /// id: one pass keeping a sorted list of the best so far.
    private static int[] nearest(float[] scores) {
        int count = Math.min(TopKSupportSearch.NEAREST_COUNT, scores.length);
        int[] best = new int[count];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (size == count && scores[i] <= scores[best[count - 1]]) {
                continue;
            }
            int position = size == count ? count - 1 : size++;
            while (position > 0 && scores[best[position - 1]] < scores[i]) {
                best[position] = best[position - 1];
                position--;
            }
            best[position] = i;
        }
        return best;
    }

    /// `1 / |row|` per row, in `double` rounded to `float`, in parallel over rows.
    private static float[] inverseNorms(FloatMatrix matrix) {
        int columns = matrix.columns();
        float[] values = matrix.values();
        float[] result = new float[matrix.rows()];
        IntStream.range(0, matrix.rows()).parallel().forEach(r -> {
            double squares = 0;
            for (int c = r * columns, end = c + columns; c < end; c++) {
                squares += (double) values[c] * values[c];
            }
            result[r] = (float) (1.0 / Math.sqrt(squares));
        });
        return result;
    }
}
