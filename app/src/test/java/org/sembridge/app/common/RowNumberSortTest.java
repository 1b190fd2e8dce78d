package org.sembridge.app.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// [RowNumberSort] against the JDK's stable `List.sort` on boxed row numbers, for seeded random
/// keys with many ties, ascending and descending, sizes around the insertion-sort threshold.
class RowNumberSortTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 15, 16, 17, 31, 100, 1_000, 65_537})
    void sortsLikeAStableListSortWithTiesInRowOrder(int size) {
        long seed = 20_261_207L + size;
        System.out.println("RowNumberSortTest seed " + seed);
        Random random = new Random(seed);
        int[] keys = IntStream.range(0, size).map(i -> random.nextInt(Math.max(1, size / 4))).toArray();
        for (boolean ascending : new boolean[] {true, false}) {
            Comparator<Integer> byKey = Comparator.comparingInt(row -> keys[row]);
            List<Integer> expected = new ArrayList<>(IntStream.range(0, size).boxed().toList());
            expected.sort(ascending ? byKey : byKey.reversed());

            int[] rows = IntStream.range(0, size).toArray();
            RowNumberSort.sort(rows, ascending ? (a, b) -> Integer.compare(keys[a], keys[b])
                    : (a, b) -> Integer.compare(keys[b], keys[a]));

            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), rows,
                    "size " + size + (ascending ? " ascending" : " descending") + ", seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 5_000})
    void anOrderedOrReversedInputComesOutOrdered(int size) {
        int[] ordered = IntStream.range(0, size).toArray();
        int[] rows = ordered.clone();
        RowNumberSort.sort(rows, Integer::compare);
        assertArrayEquals(ordered, rows);

        int[] reversed = IntStream.range(0, size).map(i -> size - 1 - i).toArray();
        RowNumberSort.sort(reversed, Integer::compare);
        assertArrayEquals(ordered, reversed);
    }
}
