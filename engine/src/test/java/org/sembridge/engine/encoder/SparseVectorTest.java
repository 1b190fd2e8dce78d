package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SparseVectorTest {

    private static final float[] POOLED = {0f, 0.5f, 2f, 0f, 0.5f, 1f};

    @Test
    void positiveWeightsAreSortedDescendingWithTiesBySmallerId() {
        SparseVector vector = SparseVector.fromDense(POOLED, 0, POOLED.length, 0, false);

        assertArrayEquals(new int[] {2, 5, 1, 4}, vector.tokenIds());
        assertArrayEquals(new float[] {2f, 1f, 0.5f, 0.5f}, vector.weights());
    }

    @Test
    void maxTermsCutsAfterSorting() {
        SparseVector vector = SparseVector.fromDense(POOLED, 0, POOLED.length, 2, false);

        assertArrayEquals(new int[] {2, 5}, vector.tokenIds());
    }

    @Test
    void offsetSelectsTheRowOfABlock() {
        float[] twoRows = {1f, 0f, 0f, 3f};

        assertArrayEquals(new int[] {1}, SparseVector.fromDense(twoRows, 2, 2, 0, false).tokenIds());
    }
}
