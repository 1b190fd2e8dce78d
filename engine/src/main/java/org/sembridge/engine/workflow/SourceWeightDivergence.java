package org.sembridge.engine.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.run.SourceWeight;

/// The Jensen-Shannon divergence of two target tokens' source weights, in bits: `JSD(P, Q) =
/// H(M) - (H(P) + H(Q)) / 2` with `M = (P + Q) / 2` and `H` the Shannon entropy in bits, so `0`
/// for the same weights and `1` for weights on disjoint source tokens (range `[0, 1]`).
///
/// Source tokens are matched by their stored string (a source vocabulary holds each string
/// once), so two runs of different source models still compare by text. Each side is
/// normalised to sum 1 over the weights it lists: a softmax row (`truncated`) lists only its
/// largest weights and is compared over those. A side that lists no source token (a statistical
/// baseline, a rule row) has no distribution: the divergence is `NaN` then.
final class SourceWeightDivergence {

    private static final double LN2 = Math.log(2);

    private SourceWeightDivergence() {
    }

    /// `JSD(a, b)` in bits, `NaN` when either side lists no source token with a positive weight.
    static double bits(List<SourceWeight> a, List<SourceWeight> b) {
        double sumA = positiveSum(a);
        double sumB = positiveSum(b);
        if (!(sumA > 0) || !(sumB > 0)) {
            return Double.NaN;
        }
        Map<String, double[]> pairs = new HashMap<>(2 * (a.size() + b.size()));
        for (SourceWeight source : a) {
            if (source.weight() > 0) {
                pairs.computeIfAbsent(source.token(), t -> new double[2])[0] += source.weight() / sumA;
            }
        }
        for (SourceWeight source : b) {
            if (source.weight() > 0) {
                pairs.computeIfAbsent(source.token(), t -> new double[2])[1] += source.weight() / sumB;
            }
        }
        double divergence = 0;
        for (double[] pq : pairs.values()) {
            double m = (pq[0] + pq[1]) / 2;
            divergence += term(pq[0], m) + term(pq[1], m);
        }
        // half of each KL term; clamp the float noise of identical rows and of disjoint ones
        return Math.min(1.0, Math.max(0.0, divergence / 2 / LN2));
    }

    private static double term(double p, double m) {
        return p > 0 ? p * Math.log(p / m) : 0.0;
    }

    private static double positiveSum(List<SourceWeight> sources) {
        double sum = 0;
        for (SourceWeight source : sources) {
            if (source.weight() > 0) {
                sum += source.weight();
            }
        }
        return sum;
    }
}
