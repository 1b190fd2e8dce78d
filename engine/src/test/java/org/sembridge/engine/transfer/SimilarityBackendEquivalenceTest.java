package org.sembridge.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.bench.SyntheticBridgeSpace;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The OpenBLAS path of [TopKSupportSearch] against the DJL path on the same seeded bridge
/// vectors: the same supports except at near-ties, weights within 1e-5.
///
/// The two paths multiply bit-identical normalised inputs; only the GEMMs' summation orders
/// differ, so similarities differ by a few units in the last place (below 1e-6). A source whose
/// similarity lies within such a gap of the row's entmax threshold `tau / (alpha - 1)` may then
/// be in one support and not the other; its weight where present is at most
/// `((alpha - 1) 1e-6)^(1 / (alpha - 1))`, which is what a differing source is checked against.
///
/// Weights: within 1e-5, except where the entmax map itself amplifies the similarity difference.
/// `p = ((alpha - 1) s - tau)^(1 / (alpha - 1))` has slope `dp/ds = p^(2 - alpha)` (`tau` moving
/// too at most doubles it), which for `alpha > 2` grows without bound as `p -> 0`: at `alpha = 4`
/// a weight of 0.036 moves by 1.1e-4 when its similarity moves by 1.4e-7 (measured). So each
/// weight is checked against `max(1e-5, 2 * 2 * 1e-6 * p^(2 - alpha))` (a similarity gap of 1e-6,
/// twice for `tau`, twice again as margin); for `alpha <= 2` that is 1e-5 everywhere.
class SimilarityBackendEquivalenceTest {

    private static final double SIMILARITY_GAP = 1e-6;
    private static final float WEIGHT_TOLERANCE = 1e-5f;
    private static final float SIMILARITY_TOLERANCE = 1e-6f;

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {1.5, 2.0, 4.0})
    void openBlasPathMatchesTheDjlPathOnSeededBridgeVectors(double alpha) throws Exception {
        assumeTrue(OpenBlas.available().isPresent(), () -> "OpenBLAS not loadable here: "
                + OpenBlas.unavailableReason().orElse("?"));
        long seed = 20261206L;
        SyntheticBridgeSpace space = SyntheticBridgeSpace.create(3000, 96, seed);
        FloatMatrix sources = space.sourceVectors();
        FloatMatrix targets = space.targetVectors(700);
        int[] rows = TestVectors.allRows(targets.rows());
        // 128 rows per block: six blocks, the last one partial.
        AlignmentOptions options = new AlignmentOptions(alpha, 16, 128L * 3000 * Float.BYTES);

        TopKSupportSearch blas = new TopKSupportSearch(SelectedDevice.cpu());
        assertTrue(blas.backend().usesBlas(), "a CPU with OpenBLAS must take the OpenBLAS path");
        AlignmentResult fromBlas = blas.search(targets, sources, rows, options, ProgressListener.NONE,
                CancellationToken.create());
        AlignmentResult fromDjl = new TopKSupportSearch(SimilarityBackend.djl(SelectedDevice.cpu())).search(targets, sources,
                rows, options, ProgressListener.NONE, CancellationToken.create());

        double nearTieWeight = Math.pow((alpha - 1) * SIMILARITY_GAP, 1 / (alpha - 1));
        int differing = 0;
        for (int r = 0; r < rows.length; r++) {
            TokenAlignment a = fromBlas.alignments().get(r);
            TokenAlignment b = fromDjl.alignments().get(r);
            String where = "seed " + seed + ", alpha " + alpha + ", row " + r;
            assertEquals(b.targetId(), a.targetId(), where);
            if (Arrays.equals(a.sourceIds(), b.sourceIds())) {
                for (int j = 0; j < a.size(); j++) {
                    double p = Math.max(a.weights()[j], b.weights()[j]);
                    double tolerance = Math.max(WEIGHT_TOLERANCE, 4 * SIMILARITY_GAP * Math.pow(p, 2 - alpha));
                    assertEquals(b.weights()[j], a.weights()[j], tolerance, where + ", source " + a.sourceIds()[j]);
                }
                assertArrayEquals(b.similarities(), a.similarities(), SIMILARITY_TOLERANCE, where);
            } else {
                differing++;
                assertOnlyNearTiesDiffer(a, b, nearTieWeight, where);
                assertOnlyNearTiesDiffer(b, a, nearTieWeight, where);
            }
            assertArrayEquals(b.nearestSimilarities(), a.nearestSimilarities(), SIMILARITY_TOLERANCE, where);
        }
        System.out.println("alpha " + alpha + ": " + differing + " of " + rows.length + " rows differ at near-ties; "
                + "OpenBLAS " + fromBlas.statistics() + ", DJL " + fromDjl.statistics());
    }

    @ParameterizedTest(name = "rows per block {0}")
    @ValueSource(ints = {1, 7, 64})
    void similarityRowsAgreeBetweenThePaths(int rowsPerBlock) throws Exception {
        assumeTrue(OpenBlas.available().isPresent(), "OpenBLAS not loadable here");
        SyntheticBridgeSpace space = SyntheticBridgeSpace.create(500, 40, 7L);
        FloatMatrix sources = space.sourceVectors();
        FloatMatrix targets = space.targetVectors(90);
        int[] rows = {89, 3, 3, 40, 0, 77, 12, 55, 61, 20};
        long blockBytes = (long) rowsPerBlock * sources.rows() * Float.BYTES;
        FloatMatrix blas = new BlockedCosineSimilarity(SelectedDevice.cpu(), blockBytes).similarityRows(targets, sources, rows,
                ProgressListener.NONE, CancellationToken.create());
        FloatMatrix djl = new BlockedCosineSimilarity(SimilarityBackend.djl(SelectedDevice.cpu()), blockBytes)
                .similarityRows(targets, sources, rows, ProgressListener.NONE, CancellationToken.create());
        assertArrayEquals(djl.values(), blas.values(), SIMILARITY_TOLERANCE);
    }

    /// Every source in `a`'s support and not in `b`'s carries at most the near-tie weight in `a`.
    private static void assertOnlyNearTiesDiffer(TokenAlignment a, TokenAlignment b, double nearTieWeight,
            String where) {
        List<Integer> other = Arrays.stream(b.sourceIds()).boxed().toList();
        for (int j = 0; j < a.size(); j++) {
            if (!other.contains(a.sourceIds()[j])) {
                assertTrue(a.weights()[j] <= nearTieWeight, where + ": source " + a.sourceIds()[j] + " has weight "
                        + a.weights()[j] + " in one path and none in the other; a near-tie weighs at most "
                        + nearTieWeight);
            }
        }
    }
}
