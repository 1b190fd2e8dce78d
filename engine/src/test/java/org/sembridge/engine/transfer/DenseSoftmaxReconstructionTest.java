package org.sembridge.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class DenseSoftmaxReconstructionTest {

    @Test
    void reconstructionMatchesNumpySoftmaxTimesEmbeddings() throws Exception {
        long seed = TestVectors.seed("reconstructionMatchesNumpySoftmaxTimesEmbeddings");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.gaussian(random, 45, 16);
        FloatMatrix sources = TestVectors.gaussian(random, 300, 16);
        FloatMatrix embeddings = TestVectors.gaussian(random, 300, 20);
        int[] rows = {44, 3, 3, 0, 17, 29, 30, 31, 32, 33, 34, 35};

        FloatMatrix actual = new DenseSoftmaxReconstruction(SelectedDevice.cpu(), 5L * 300 * Float.BYTES).reconstruct(targets,
                sources, rows, embeddings, ProgressListener.NONE, CancellationToken.create());
        double[][] expected = EntmaxReference.softmaxReconstruct(targets, sources, rows, embeddings);

        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < embeddings.columns(); c++) {
                assertEquals(expected[r][c], actual.get(r, c), 1e-5, "seed " + seed + ", row " + r + ", column " + c);
            }
        }
    }

    @Test
    void embeddingRowCountMustMatchTheSources() {
        FloatMatrix vectors = new FloatMatrix(2, 2, new float[] {1f, 0f, 0f, 1f});
        FloatMatrix embeddings = new FloatMatrix(3, 1, new float[] {1f, 2f, 3f});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DenseSoftmaxReconstruction(SelectedDevice.cpu(), 1024).reconstruct(vectors, vectors, new int[] {0},
                        embeddings, ProgressListener.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains("3 rows") && e.getMessage().contains("2 source"), e.getMessage());
    }
}
