package org.sembridge.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class BlockedCosineSimilarityTest {

    @Test
    void similarityRowsMatchNumpyCosine() throws Exception {
        long seed = TestVectors.seed("similarityRowsMatchNumpyCosine");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.gaussian(random, 40, 24);
        FloatMatrix sources = TestVectors.gaussian(random, 300, 24);
        int[] rows = {39, 0, 7, 7, 21};

        FloatMatrix actual = new BlockedCosineSimilarity(SelectedDevice.cpu(), 2L * 300 * Float.BYTES)
                .similarityRows(targets, sources, rows, ProgressListener.NONE, CancellationToken.create());
        double[][] expected = EntmaxReference.align(4.0, targets, sources, rows).similarities();

        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < sources.rows(); i++) {
                assertEquals(expected[r][i], actual.get(r, i), 1e-6, "seed " + seed + ", row " + r + ", source " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} bytes against {1} sources -> {2} rows")
    @CsvSource({"67108864, 30522, 549", "67108864, 1, 16777216", "4, 30522, 1", "1600, 400, 1"})
    void blockRowsKeepTheSimilarityBlockWithinTheBound(long maxBlockBytes, int sources, int expectedRows) {
        assertEquals(expectedRows, new BlockedCosineSimilarity(SelectedDevice.cpu(), maxBlockBytes).blockRows(sources));
    }

    @Test
    void similarityOnlyRunCountsItsBlocks() throws Exception {
        Random random = new Random(TestVectors.seed("similarityOnlyRunCountsItsBlocks"));
        FloatMatrix targets = TestVectors.gaussian(random, 101, 8);
        FloatMatrix sources = TestVectors.gaussian(random, 50, 8);

        SimilarityTiming timing = new BlockedCosineSimilarity(SelectedDevice.cpu(), 10L * 50 * Float.BYTES)
                .timeSimilarityOnly(targets, sources, TestVectors.allRows(101), ProgressListener.NONE,
                        CancellationToken.create());

        assertEquals(11, timing.blocks());
        assertEquals(101, timing.targetRows());
        assertTrue(timing.elapsedNanos() > 0);
    }

    @Test
    void nonFiniteSourceVectorIsRejectedNamingTheRow() {
        FloatMatrix targets = new FloatMatrix(1, 2, new float[] {1f, 0f});
        FloatMatrix sources = new FloatMatrix(2, 2, new float[] {1f, 0f, Float.NaN, 1f});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BlockedCosineSimilarity(SelectedDevice.cpu(), 1024).similarityRows(targets, sources, new int[] {0},
                        ProgressListener.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains("source bridge vector 1") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void targetRowOutsideTheMatrixIsRejected() {
        FloatMatrix vectors = new FloatMatrix(2, 2, new float[] {1f, 0f, 0f, 1f});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BlockedCosineSimilarity(SelectedDevice.cpu(), 1024).similarityRows(vectors, vectors, new int[] {0, 2},
                        ProgressListener.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains("target row 2") && e.getMessage().contains("[0, 2)"), e.getMessage());
    }
}
