package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.transfer.FloatMatrix;

class MatrixMomentsTest {

    @Test
    void momentsMatchNumpyAcrossSeveralBlocks() throws Exception {
        long seed = BaselineFixture.seed("momentsMatchNumpyAcrossSeveralBlocks");
        // 2,051 rows: two full blocks of 1,024 and a tail of 3 (not a multiple of the 4-row unrolling).
        FloatMatrix matrix = BaselineFixture.gaussian(new Random(seed), 2 * MatrixMoments.BLOCK_ROWS + 3, 9);
        for (int i = 0; i < matrix.values().length; i++) {
            matrix.values()[i] += i % 9;
        }

        double[] means = MatrixMoments.columnMeans(matrix);
        double[] covariance = MatrixMoments.covariance(matrix, means, "test", CancellationToken.create());

        BaselineReference.Moments expected = BaselineReference.moments(matrix).getFirst();
        assertArrayEquals(expected.mean(), means, 1e-12, "seed " + seed);
        assertArrayEquals(expected.std(), MatrixMoments.columnStandardDeviations(matrix, means), 1e-12, "seed " + seed);
        assertEquals(expected.entryStd(), MatrixMoments.entryStandardDeviation(matrix), 1e-12, "seed " + seed);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(expected.cov()[i][j], covariance[i * 9 + j], 1e-12, "seed " + seed + ", entry " + i + "," + j);
            }
        }
    }
}
