package org.sembridge.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
}
