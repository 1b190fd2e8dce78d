package org.sembridge.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class SparseReconstructionTest {

    @Test
    void reconstructionMatchesNumpy() throws Exception {
        long seed = TestVectors.seed("reconstructionMatchesNumpy");
        Random random = new Random(seed);
        FloatMatrix targets = TestVectors.gaussian(random, 50, 16);
        FloatMatrix sources = TestVectors.gaussian(random, 300, 16);
        FloatMatrix embeddings = TestVectors.gaussian(random, 300, 24);
        List<TokenAlignment> alignments = new TopKSupportSearch(SelectedDevice.cpu()).search(targets, sources,
                TestVectors.allRows(50), AlignmentOptions.of(2.0), ProgressListener.NONE,
                CancellationToken.create()).alignments();

        FloatMatrix actual = reconstruct(alignments, embeddings);
        double[][] expected = EntmaxReference.reconstruct(alignments, embeddings);

        for (int r = 0; r < alignments.size(); r++) {
            for (int c = 0; c < embeddings.columns(); c++) {
                assertEquals(expected[r][c], actual.get(r, c), 1e-6 * (1 + Math.abs(expected[r][c])),
                        "seed " + seed + ", row " + r + ", column " + c);
            }
        }
    }

    @Test
    void reconstructionIsTheConvexCombinationOfTheSupport() throws Exception {
        FloatMatrix embeddings = new FloatMatrix(3, 2, new float[] {4f, -8f, 100f, 100f, 2f, 6f});
        TokenAlignment alignment = new TokenAlignment(7, new int[] {2, 0}, new float[] {0.75f, 0.25f},
                new float[] {0.9f, 0.8f}, new int[] {2, 0, 1}, new float[] {0.9f, 0.8f, 0.1f}, false);

        FloatMatrix actual = reconstruct(List.of(alignment), embeddings);

        assertArrayEquals(new float[] {0.75f * 2f + 0.25f * 4f, 0.75f * 6f + 0.25f * -8f}, actual.row(0));
    }

    @Test
    void truncatedSoftmaxRowIsRejected() {
        FloatMatrix embeddings = new FloatMatrix(1, 1, new float[] {1f});
        TokenAlignment truncated = new TokenAlignment(4, new int[] {0}, new float[] {0.5f}, new float[] {0.1f},
                new int[] {0}, new float[] {0.1f}, true);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reconstruct(List.of(truncated), embeddings));
        assertTrue(e.getMessage().contains("target token 4") && e.getMessage().contains("DenseSoftmaxReconstruction"),
                e.getMessage());
    }

    @Test
    void sourceIdOutsideTheEmbeddingMatrixIsRejected() {
        FloatMatrix embeddings = new FloatMatrix(2, 1, new float[] {1f, 2f});
        TokenAlignment alignment = new TokenAlignment(9, new int[] {2}, new float[] {1f}, new float[] {0.1f},
                new int[] {2}, new float[] {0.1f}, false);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reconstruct(List.of(alignment), embeddings));
        assertTrue(e.getMessage().contains("source id 2") && e.getMessage().contains("[0, 2)"), e.getMessage());
    }

    private static FloatMatrix reconstruct(List<TokenAlignment> alignments, FloatMatrix embeddings)
            throws OperationCancelledException {
        return SparseReconstruction.reconstruct(alignments, embeddings, ProgressListener.NONE, CancellationToken.create());
    }
}
