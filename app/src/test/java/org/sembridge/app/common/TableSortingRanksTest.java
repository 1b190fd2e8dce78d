package org.sembridge.app.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/// The text ranks [TableSorting] sorts by: for [TableSorting#TEXTS] they come from folded copies
/// of the texts, which must give exactly the comparator's order; checked against a stable sort
/// with the comparator itself on seeded random texts of letters whose case mapping is unusual
/// (µ, ÿ, ß, dotted and dotless i, final sigma, Cyrillic, Hangul), with and without surrogates.
class TableSortingRanksTest {

    private static final String ALPHABET = "aAbBzZ_▁#0µÿŸßẞİıiIΣσςЖжЁё집ﬁK";

    @Test
    void foldedRanksEqualTheCaseInsensitiveComparatorsRanks() {
        long seed = 151_515L;
        System.out.println("TableSortingRanksTest seed " + seed);
        Random random = new Random(seed);
        for (boolean surrogates : new boolean[] {false, true}) {
            String[] texts = new String[20_000];
            for (int row = 0; row < texts.length; row++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(5);
                for (int i = 0; i < length; i++) {
                    text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                if (surrogates && random.nextInt(100) == 0) {
                    text.appendCodePoint(0x1F600 + random.nextInt(3));
                }
                texts[row] = text.toString();
            }
            assertArrayEquals(reference(texts), TableSorting.ranks(texts, TableSorting.TEXTS),
                    "surrogates " + surrogates + ", seed " + seed);
        }
    }

    @Test
    void aRankSortKeepsTiesInTheGivenOrderInBothDirections() {
        int[] rank = {2, 0, 1, 0, 2, 1};
        int[] order = {5, 4, 3, 2, 1, 0};
        assertArrayEquals(new int[] {3, 1, 5, 2, 4, 0}, TableSorting.byRank(order, rank, 3, false));
        assertArrayEquals(new int[] {4, 0, 5, 2, 3, 1}, TableSorting.byRank(order, rank, 3, true));
    }

    /// Dense ranks from `List.sort` with the comparator.
    private static int[] reference(String[] texts) {
        List<Integer> rows = new ArrayList<>(IntStream.range(0, texts.length).boxed().toList());
        rows.sort((a, b) -> TableSorting.TEXTS.compare(texts[a], texts[b]));
        int[] rank = new int[texts.length];
        int current = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (i == 0 || TableSorting.TEXTS.compare(texts[rows.get(i - 1)], texts[rows.get(i)]) != 0) {
                current++;
            }
            rank[rows.get(i)] = current;
        }
        return rank;
    }
}
