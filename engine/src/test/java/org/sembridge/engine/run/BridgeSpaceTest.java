package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.TopKSupportSearch;

/// The bridge vectors held for the alpha slider: the loaded matrices themselves (no normalised
/// duplicate of every vector: at XLM-R scale that was 1 GB on the first alpha move), and the same
/// weights as the search over all rows.
class BridgeSpaceTest {

    private static FloatMatrix gaussian(Random random, int rows, int columns) {
        FloatMatrix matrix = FloatMatrix.zeros(rows, columns);
        for (int i = 0; i < matrix.values().length; i++) {
            // Rows of different lengths: the space must normalise, not assume unit vectors.
            matrix.values()[i] = (float) (random.nextGaussian() * (1 + i / columns % 7));
        }
        return matrix;
    }

    @Test
    void holdsTheLoadedMatricesWithoutCopyingAVector() {
        Random random = new Random(7);
        FloatMatrix sources = gaussian(random, 300, 24);
        FloatMatrix targets = gaussian(random, 40, 24);

        BridgeSpace space = new BridgeSpace(sources, targets);

        assertSame(sources.values(), space.sources().values());
        assertSame(targets.values(), space.targets().values());
    }

    @Test
    void oneTokensWeightsEqualTheSearchOverAllRowsAtEveryAlpha() throws Exception {
        Random random = new Random(11);
        FloatMatrix sources = gaussian(random, 300, 24);
        FloatMatrix targets = gaussian(random, 40, 24);
        BridgeSpace space = new BridgeSpace(sources, targets);
        int[] rows = {0, 17, 39};
        for (double alpha : new double[] {1.5, 2.0, 4.0}) {
            var searched = new TopKSupportSearch(SelectedDevice.cpu()).search(targets, sources, rows,
                    AlignmentOptions.of(alpha), ProgressListener.NONE, CancellationToken.create()).alignments();
            for (int k = 0; k < rows.length; k++) {
                TokenAlignment expected = searched.get(k);
                TokenAlignment single = space.alignment(rows[k], alpha);
                String label = "alpha " + alpha + ", token " + rows[k];
                assertArrayEquals(expected.sourceIds(), single.sourceIds(), label);
                assertEquals(expected.size(), single.size(), label);
                for (int j = 0; j < expected.size(); j++) {
                    assertEquals(expected.weights()[j], single.weights()[j], 1e-5, label);
                }
            }
        }
    }
}
