package org.sembridge.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class TopKSupportSearchTest {

    private static final TopKSupportSearch SEARCH = new TopKSupportSearch(SelectedDevice.cpu());

    /// 50 rows per block against 400 sources, so every search below runs several blocks.
    private static final long SMALL_BLOCKS = 50L * 400 * Float.BYTES;

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {1.25, 1.5, 2.0, 4.0, 8.0})
    void smallTopKWithFallbacksGivesTheFullRowAlignments(double alpha) throws Exception {
        long seed = TestVectors.seed("smallTopKWithFallbacksGivesTheFullRowAlignments(alpha " + alpha + ")");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.gaussian(random, 240, 12);
        FloatMatrix sources = TestVectors.skewedDuplicates(random, 400, 12, 25);
        int[] rows = TestVectors.allRows(targets.rows());
        AlignmentOptions options = new AlignmentOptions(alpha, 2, SMALL_BLOCKS);

        AlignmentResult narrow = search(targets, sources, rows, options);
        AlignmentResult whole = search(targets, sources, rows, options.withTopK(sources.rows()));

        AlignmentStatistics statistics = narrow.statistics();
        System.out.println("alpha " + alpha + ": " + statistics);
        assertTrue(statistics.rowsExactOnWiderK() + statistics.rowsOnFullRow() > 0,
                "seed " + seed + ": tie groups of copied sources must send rows to a fallback: " + statistics);
        assertEquals(whole.statistics().rowsExactOnTopK(), rows.length, "K = nS is always exact");
        for (int r = 0; r < rows.length; r++) {
            TokenAlignment expected = whole.alignments().get(r);
            TokenAlignment actual = narrow.alignments().get(r);
            String where = "seed " + seed + ", row " + r;
            assertArrayEquals(expected.sourceIds(), actual.sourceIds(), where);
            assertArrayEquals(expected.weights(), actual.weights(), 0.0f, where);
            assertArrayEquals(expected.similarities(), actual.similarities(), 0.0f, where);
        }
    }

    @Test
    void tieGroupsOfEverySizeSendRowsDownEveryPath() throws Exception {
        long seed = TestVectors.seed("tieGroupsOfEverySizeSendRowsDownEveryPath");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.gaussian(random, 240, 12);
        FloatMatrix sources = TestVectors.skewedDuplicates(random, 400, 12, 25);

        AlignmentStatistics statistics = search(targets, sources, TestVectors.allRows(240),
                new AlignmentOptions(4.0, 2, SMALL_BLOCKS)).statistics();

        assertTrue(statistics.rowsExactOnTopK() > 0 && statistics.rowsExactOnWiderK() > 0
                && statistics.rowsOnFullRow() > 0, "seed " + seed + ": " + statistics);
    }

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {1.5, 2.0, 3.0, 4.0, 8.0})
    void searchMatchesNumpyOnExactDyadicSimilarities(double alpha) throws Exception {
        long seed = TestVectors.seed("searchMatchesNumpyOnExactDyadicSimilarities(alpha " + alpha + ")");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.dyadicUnitVectors(random, 80);
        FloatMatrix sources = TestVectors.dyadicUnitVectors(random, 400);
        int[] rows = {3, 0, 79, 41, 41, 17, 60, 5, 33, 70, 12, 25};

        AlignmentResult result = search(targets, sources, rows, new AlignmentOptions(alpha, 3, SMALL_BLOCKS / 10));
        EntmaxReference.Alignment expected = EntmaxReference.align(alpha, targets, sources, rows);

        for (int r = 0; r < rows.length; r++) {
            TokenAlignment alignment = result.alignments().get(r);
            String where = "seed " + seed + ", request " + r + " (target " + rows[r] + ")";
            assertEquals(rows[r], alignment.targetId(), where);
            double[] weights = new double[sources.rows()];
            for (int k = 0; k < alignment.size(); k++) {
                int id = alignment.sourceIds()[k];
                weights[id] = alignment.weights()[k];
                assertEquals(expected.similarities()[r][id], alignment.similarities()[k], 0.0, where);
            }
            for (int i = 0; i < weights.length; i++) {
                // numpy's entmax-1.5 closed form leaves ~1e-34 on entries exactly at the threshold.
                assertEquals(expected.weights()[r][i] > 1e-12, weights[i] > 0, where + ": support differs at source " + i);
                assertEquals(expected.weights()[r][i], weights[i], 1e-6, where + ", source " + i);
            }
        }
    }

    @Test
    void softmaxListsTheLargestWeightsOfTheFullRow() throws Exception {
        long seed = TestVectors.seed("softmaxListsTheLargestWeightsOfTheFullRow");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.gaussian(random, 30, 12);
        FloatMatrix sources = TestVectors.gaussian(random, 400, 12);
        int[] rows = TestVectors.allRows(targets.rows());

        AlignmentResult result = search(targets, sources, rows, new AlignmentOptions(1.0, 16, SMALL_BLOCKS / 5));
        EntmaxReference.Alignment expected = EntmaxReference.align(1.0, targets, sources, rows);

        assertEquals(rows.length, result.statistics().rowsDense());
        for (int r = 0; r < rows.length; r++) {
            TokenAlignment alignment = result.alignments().get(r);
            assertTrue(alignment.truncated());
            assertEquals(16, alignment.size());
            double[] sorted = expected.weights()[r].clone();
            Arrays.sort(sorted);
            for (int k = 0; k < alignment.size(); k++) {
                double reference = expected.weights()[r][alignment.sourceIds()[k]];
                assertEquals(reference, alignment.weights()[k], 1e-5 * reference, "seed " + seed + ", row " + r);
                assertEquals(sorted[sorted.length - 1 - k], reference, 1e-5 * reference,
                        "seed " + seed + ", row " + r + ": listed weights must be the largest, in order");
            }
        }
    }

    @Test
    void softmaxRowsCarryTheDenseRowsEntropyNotTheListedWeightsOne() throws Exception {
        long seed = TestVectors.seed("softmaxRowsCarryTheDenseRowsEntropyNotTheListedWeightsOne");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.gaussian(random, 25, 12);
        FloatMatrix sources = TestVectors.gaussian(random, 500, 12);
        int[] rows = TestVectors.allRows(targets.rows());

        AlignmentResult result = search(targets, sources, rows, new AlignmentOptions(1.0, 16, SMALL_BLOCKS / 5));
        EntmaxReference.Alignment expected = EntmaxReference.align(1.0, targets, sources, rows);

        for (int r = 0; r < rows.length; r++) {
            TokenAlignment alignment = result.alignments().get(r);
            assertEquals(sources.rows(), expected.supports()[r], "softmax support is the whole source vocabulary");
            assertEquals(expected.entropies()[r], alignment.denseEntropyNats(), 1e-4,
                    "seed " + seed + ", row " + r + ": float32 device entropy vs the float64 numpy reference");
            double listedOnly = org.sembridge.engine.run.AlignmentRecord.entropyNats(alignment.weights());
            assertTrue(listedOnly < expected.entropies()[r] - 0.5,
                    "seed " + seed + ", row " + r + ": the 16 listed weights alone give " + listedOnly);
        }
    }

    @Test
    void nearestListsTheTenMostSimilarSourcesWhateverTheirWeight() throws Exception {
        long seed = TestVectors.seed("nearestListsTheTenMostSimilarSourcesWhateverTheirWeight");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.gaussian(random, 20, 12);
        FloatMatrix sources = TestVectors.gaussian(random, 400, 12);
        int[] rows = TestVectors.allRows(targets.rows());

        AlignmentResult result = search(targets, sources, rows, new AlignmentOptions(8.0, 2, SMALL_BLOCKS));
        EntmaxReference.Alignment expected = EntmaxReference.align(8.0, targets, sources, rows);

        for (int r = 0; r < rows.length; r++) {
            TokenAlignment alignment = result.alignments().get(r);
            Integer[] order = new Integer[sources.rows()];
            Arrays.setAll(order, i -> i);
            double[] similarities = expected.similarities()[r];
            Arrays.sort(order, (a, b) -> Double.compare(similarities[b], similarities[a]));
            int[] nearest = Arrays.stream(order).limit(TopKSupportSearch.NEAREST_COUNT).mapToInt(i -> i).toArray();
            assertArrayEquals(nearest, alignment.nearestSourceIds(), "seed " + seed + ", row " + r);
            for (int k = 0; k < nearest.length; k++) {
                assertEquals(similarities[nearest[k]], alignment.nearestSimilarities()[k], 1e-6);
            }
        }
    }

    @Test
    void statisticsCountEveryRowOnce() throws Exception {
        Random random = new Random(TestVectors.seed("statisticsCountEveryRowOnce"));
        FloatMatrix targets = TestVectors.gaussian(random, 130, 8);
        FloatMatrix sources = TestVectors.gaussian(random, 400, 8);

        AlignmentStatistics statistics = search(targets, sources, TestVectors.allRows(130),
                new AlignmentOptions(1.5, 3, SMALL_BLOCKS)).statistics();

        assertEquals(130, statistics.rows());
        assertEquals(3, statistics.blocks(), "130 rows in blocks of 50");
        assertEquals(10, statistics.topK(), "K' = max(K, 10) for the nearest list");
        assertEquals(40, statistics.widerK(), "4 K'");
    }

    @Test
    void cancellingAfterTheFirstBlockThrowsAndReturnsNothing() {
        Random random = new Random(TestVectors.seed("cancellingAfterTheFirstBlockThrowsAndReturnsNothing"));
        FloatMatrix targets = TestVectors.gaussian(random, 200, 8);
        FloatMatrix sources = TestVectors.gaussian(random, 400, 8);
        CancellationToken cancel = CancellationToken.create();
        AtomicInteger reports = new AtomicInteger();
        ProgressListener cancelAfterFirstBlock = (stage, done, total) -> {
            if (done > 0) {
                reports.incrementAndGet();
                cancel.cancel();
            }
        };

        assertThrows(OperationCancelledException.class, () -> SEARCH.search(targets, sources,
                TestVectors.allRows(200), new AlignmentOptions(4.0, 8, SMALL_BLOCKS), cancelAfterFirstBlock, cancel));
        assertEquals(1, reports.get(), "exactly one block ran");
    }

    @Test
    void zeroTargetVectorIsRejectedNamingTheRow() {
        FloatMatrix targets = new FloatMatrix(3, 2, new float[] {1f, 0f, 0f, 0f, 0f, 1f});
        FloatMatrix sources = new FloatMatrix(2, 2, new float[] {1f, 1f, 0f, 1f});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(targets, sources, new int[] {0, 1, 2}, AlignmentOptions.of(4.0)));
        assertTrue(e.getMessage().contains("target bridge vector 1") && e.getMessage().contains("norm 0.0"),
                e.getMessage());
    }

    @Test
    void mismatchedBridgeDimensionsAreRejected() {
        FloatMatrix targets = new FloatMatrix(1, 3, new float[] {1f, 0f, 0f});
        FloatMatrix sources = new FloatMatrix(1, 2, new float[] {1f, 0f});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(targets, sources, new int[] {0}, AlignmentOptions.of(4.0)));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void emptyRequestGivesAnEmptyResult() throws Exception {
        FloatMatrix vectors = new FloatMatrix(1, 2, new float[] {1f, 0f});
        AlignmentResult result = search(vectors, vectors, new int[0], AlignmentOptions.of(4.0));
        assertEquals(List.of(), result.alignments());
        assertEquals(0, result.statistics().rows());
    }

    private static AlignmentResult search(FloatMatrix targets, FloatMatrix sources, int[] rows, AlignmentOptions options)
            throws OperationCancelledException {
        return SEARCH.search(targets, sources, rows, options, ProgressListener.NONE, CancellationToken.create());
    }
}
