package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// The numeric core on synthetic matrices: copies, planned rows, and the rows a plan may see.
class MatrixTransferTest {

    /// Five source rows; the plan sees the first four (the fifth has no token).
    private static final FloatMatrix SOURCE = FloatMatrix.ofRows(new float[][] {
        {1, 0}, {0, 1}, {1, 1}, {3, 5}, {100, 100}});

    @Test
    void copiesTakeTheirSourceRowAndBuiltTokensTheMeanOfThePlannedRows() throws Exception {
        FloatMatrix planned = FloatMatrix.ofRows(new float[][] {{1, 0}, {0, 1}, {1, 1}, {3, 5}});
        MatrixTransfer transfer = MatrixTransfer.plan(InitializerRegistry.create("mean", 4.0), planned, null, null,
                new int[] {2, -1, 4, -1}, 42, SelectedDevice.cpu(), ProgressListener.NONE, CancellationToken.create());
        FloatMatrix target = transfer.apply(List.of(SOURCE), ProgressListener.NONE, CancellationToken.create())
                .getFirst();
        assertArrayEquals(new int[] {1, 3}, transfer.builtIds());
        assertArrayEquals(new float[] {1, 1}, target.row(0));
        assertArrayEquals(new float[] {1.25f, 1.75f}, target.row(1), 1e-6f);
        assertArrayEquals(new float[] {100, 100}, target.row(2));
        assertArrayEquals(new float[] {1.25f, 1.75f}, target.row(3), 1e-6f);
    }

    @Test
    void sembridgeBuildsConvexCombinationsOfTheClosestSources() throws Exception {
        FloatMatrix planned = FloatMatrix.ofRows(new float[][] {{1, 0}, {0, 1}, {1, 1}, {3, 5}});
        FloatMatrix sourceBridge = FloatMatrix.ofRows(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}});
        FloatMatrix targetBridge = FloatMatrix.ofRows(new float[][] {{1, 0, 0}, {0.05f, 1, 0}});
        MatrixTransfer transfer = MatrixTransfer.plan(InitializerRegistry.create("sembridge", 4.0), planned,
                sourceBridge, targetBridge, new int[] {0, -1}, 42, SelectedDevice.cpu(), ProgressListener.NONE,
                CancellationToken.create());
        FloatMatrix target = transfer.apply(List.of(planned), ProgressListener.NONE, CancellationToken.create())
                .getFirst();
        assertEquals(1, transfer.alignments().size());
        assertEquals(1, transfer.alignments().getFirst().sourceIds()[0]);
        float sum = 0;
        for (float weight : transfer.alignments().getFirst().weights()) {
            sum += weight;
        }
        assertEquals(1.0f, sum, 1e-6f);
        assertTrue(target.get(1, 1) > target.get(1, 0), "the row leans to source 1 = (0, 1)");
    }

    @Test
    void nothingIsPlannedWhenEveryTokenIsCopied() throws Exception {
        MatrixTransfer transfer = MatrixTransfer.plan(InitializerRegistry.create("sembridge", 4.0), SOURCE, null, null,
                new int[] {4, 0}, 42, SelectedDevice.cpu(), ProgressListener.NONE, CancellationToken.create());
        FloatMatrix target = transfer.apply(List.of(SOURCE), ProgressListener.NONE, CancellationToken.create())
                .getFirst();
        assertEquals(0, transfer.builtIds().length);
        assertEquals(List.of(), transfer.alignments());
        assertArrayEquals(new float[] {100, 100, 1, 0}, target.values());
    }
}
