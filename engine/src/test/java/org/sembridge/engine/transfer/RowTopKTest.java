package org.sembridge.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowTopKTest {

    @ParameterizedTest(name = "row {0}, k {1}, distinct values {2}")
    @CsvSource({"1,1,100", "10,10,100", "500,64,1000000", "500,64,7", "3000,256,50", "64,63,2"})
    void selectionEqualsTheSortedPrefixWithTiesByAscendingId(int length, int k, int distinct) {
        long seed = 31L * length + k + distinct;
        Random random = new Random(seed);
        float[] row = new float[length];
        for (int i = 0; i < length; i++) {
            row[i] = random.nextInt(distinct) / (float) distinct;
        }
        Integer[] order = IntStream.range(0, length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -row[i]).thenComparingInt(i -> i));
        int[] expectedIds = Arrays.stream(order).limit(k).mapToInt(i -> i).toArray();
        float[] expectedScores = new float[k];
        for (int j = 0; j < k; j++) {
            expectedScores[j] = row[expectedIds[j]];
        }
        try (Arena arena = Arena.ofConfined()) {
            // The row sits behind another row, as in a block.
            MemorySegment block = arena.allocate(2L * length * Float.BYTES);
            MemorySegment.copy(row, 0, block, ValueLayout.JAVA_FLOAT, (long) length * Float.BYTES, length);
            float[] scores = new float[k + 3];
            int[] ids = new int[k + 3];
            new RowTopK(4).select(block, (long) length * Float.BYTES, length, k, scores, ids, 3);
            String where = "seed " + seed;
            assertArrayEquals(expectedIds, Arrays.copyOfRange(ids, 3, k + 3), where);
            assertArrayEquals(expectedScores, Arrays.copyOfRange(scores, 3, k + 3), where);
        }
    }

    @ParameterizedTest(name = "row {0}, k {1}")
    @CsvSource({"200,64", "1000,10", "64,64"})
    void negativeValuesAndSignedZerosRankByValueThenAscendingId(int length, int k) {
        Random random = new Random(7L * length + k);
        float[] row = new float[length];
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(4);
            row[i] = pick == 0 ? -0.0f : pick == 1 ? 0.0f : (random.nextInt(21) - 10) / 10.0f;
        }
        // Float comparison: -0.0 equals 0.0, so those ties go by id as well.
        Integer[] order = IntStream.range(0, length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> row[a] > row[b] ? -1 : row[a] < row[b] ? 1 : Integer.compare(a, b));
        int[] expectedIds = Arrays.stream(order).limit(k).mapToInt(i -> i).toArray();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate((long) length * Float.BYTES);
            MemorySegment.copy(row, 0, block, ValueLayout.JAVA_FLOAT, 0, length);
            float[] scores = new float[k];
            int[] ids = new int[k];
            new RowTopK(1).select(block, 0, length, k, scores, ids, 0);
            assertArrayEquals(expectedIds, ids);
            for (int j = 0; j < k; j++) {
                assertEquals(row[expectedIds[j]], scores[j], 0.0f, "position " + j);
            }
        }
    }
}
