package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.transfer.FloatMatrix;

class MeanInitializerTest {

    /// Rows whose column sums are multiples of 4: every mean is exact in `float`.
    private static final FloatMatrix SOURCE = BaselineFixture.matrix(new float[][] {
        {1, -2, 0.5f}, {3, 2, 0.5f}, {-1, 6, 1.5f}, {5, 10, -0.5f}});
    private static final FloatMatrix BIAS = BaselineFixture.matrix(new float[][] {{0.25f}, {-1}, {2}, {0.75f}});

    @Test
    void everyNewRowIsTheExactColumnMeanOfEachMatrix() throws Exception {
        InitializationInput input = new InitializationInput(SOURCE, null, null, new int[] {4, 7, 9}, new int[0], 1L,
                SelectedDevice.cpu());

        List<FloatMatrix> rows = BaselineFixture.apply(BaselineFixture.plan(new MeanInitializer(), input),
                List.of(SOURCE, BIAS));

        assertEquals(3, rows.getFirst().rows());
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(new float[] {2, 4, 0.5f}, rows.getFirst().row(r), 0.0f, "row " + r);
            assertArrayEquals(new float[] {0.5f}, rows.get(1).row(r), 0.0f, "bias row " + r);
        }
    }
}
