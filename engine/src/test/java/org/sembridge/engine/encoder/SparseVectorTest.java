package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

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

    @Test
    void orderEqualsAComparatorSortOfBoxedIdsOnSeededRows() {
        long seed = new Random().nextLong();
        System.out.println("SparseVectorTest seed " + seed);
        Random random = new Random(seed);
        float[] row = new float[5_000];
        for (int v = 0; v < row.length; v++) {
            int kind = random.nextInt(4);
            row[v] = kind == 0 ? 0f : kind == 1 ? -random.nextFloat() : kind == 2 ? random.nextInt(5) * 0.25f
                    : random.nextFloat() * 1e3f;
        }
        row[7] = Float.MIN_VALUE;
        row[8] = Float.POSITIVE_INFINITY;
        Integer[] ids = new Integer[row.length];
        Arrays.setAll(ids, v -> v);
        int[] expected = Arrays.stream(ids).filter(v -> row[v] > 0).sorted((a, b) -> {
            int byWeight = Float.compare(row[b], row[a]);
            return byWeight != 0 ? byWeight : Integer.compare(a, b);
        }).mapToInt(Integer::intValue).toArray();

        SparseVector vector = SparseVector.fromDense(row, 0, row.length, 0, false);

        assertArrayEquals(expected, vector.tokenIds(), "seed " + seed);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(new float[] {row[expected[i]]}, new float[] {vector.weights()[i]}, "seed " + seed);
        }
    }
}
