package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.run.SourceWeight;

/// The Jensen-Shannon divergence of source weights against closed forms: `JSD = H(M) - (H(P) +
/// H(Q)) / 2` in bits.
class SourceWeightDivergenceTest {

    private static final double TOLERANCE = 1e-6;

    private static List<SourceWeight> weights(Object... tokenWeightPairs) {
        List<SourceWeight> list = new ArrayList<>();
        for (int i = 0; i < tokenWeightPairs.length; i += 2) {
            list.add(new SourceWeight(i, (String) tokenWeightPairs[i], ((Number) tokenWeightPairs[i + 1]).floatValue(),
                    0.5f));
        }
        return list;
    }

    @Test
    void sameWeightsDivergeByZeroBits() {
        List<SourceWeight> p = weights("house", 0.6, "home", 0.3, "hut", 0.1);
        assertEquals(0.0, SourceWeightDivergence.bits(p, p), TOLERANCE);
    }

    @Test
    void disjointSourcesDivergeByOneBit() {
        assertEquals(1.0, SourceWeightDivergence.bits(weights("house", 0.5, "home", 0.5), weights("cat", 1.0)),
                TOLERANCE);
    }

    @Test
    void halfAndHalfAgainstACopyIsEntropyOfThreeQuartersMinusOneHalf() {
        // M = (3/4, 1/4): H(M) = 0.811278 bits; H(P) = 1, H(Q) = 0 -> JSD = 0.811278 - 0.5
        double expected = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2) - 0.5;
        assertEquals(expected, SourceWeightDivergence.bits(weights("house", 0.5, "home", 0.5), weights("house", 1.0)),
                TOLERANCE);
        assertEquals(0.311278, expected, 1e-6);
    }

    @Test
    void sourcesMatchByTextNotById() {
        List<SourceWeight> a = List.of(new SourceWeight(7, "house", 1.0f, 0.9f));
        List<SourceWeight> b = List.of(new SourceWeight(99, "house", 1.0f, Float.NaN));
        assertEquals(0.0, SourceWeightDivergence.bits(a, b), TOLERANCE);
    }

    @Test
    void listedWeightsAreNormalisedSoATruncatedRowComparesByItsShape() {
        assertEquals(0.0, SourceWeightDivergence.bits(weights("a", 0.2, "b", 0.1), weights("a", 0.6, "b", 0.3)),
                TOLERANCE);
    }

    @Test
    void aSideWithoutSourcesHasNoDivergence() {
        assertTrue(Double.isNaN(SourceWeightDivergence.bits(List.of(), weights("house", 1.0))));
        assertTrue(Double.isNaN(SourceWeightDivergence.bits(weights("house", 1.0), List.of())));
    }

    @Test
    void randomPairsAreSymmetricAndWithinZeroAndOne() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            List<SourceWeight> p = randomRow(random);
            List<SourceWeight> q = randomRow(random);
            double pq = SourceWeightDivergence.bits(p, q);
            double qp = SourceWeightDivergence.bits(q, p);
            assertEquals(pq, qp, 1e-12, "seed " + seed);
            assertTrue(pq >= 0 && pq <= 1, "seed " + seed + ": " + pq);
        }
    }

    private static List<SourceWeight> randomRow(Random random) {
        List<SourceWeight> row = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            row.add(new SourceWeight(i, "t" + random.nextInt(10), 0.01f + random.nextFloat(), 0f));
        }
        return row;
    }
}
