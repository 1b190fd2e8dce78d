package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sembridge.engine.run.TargetTokenKind;

/// Sorting and filtering a synthetic 250,000-row store: the orders equal a boxed reference sort
/// (ties by id, rows without a source last), the filters equal a stream reference, and the
/// measured times are printed (a figure, not an assertion).
class RowQueryScaleTest {

    static final int ROWS = 250_000;
    static final long SEED = 20_260_525L;

    private static TokenFigures figures;

    @BeforeAll
    static void buildStore() {
        System.out.println("RowQueryScaleTest seed " + SEED);
        long start = System.nanoTime();
        figures = SyntheticFigures.of(ROWS, SEED);
        System.out.printf(Locale.ROOT, "synthetic store: %,d rows built (with text ranks) in %.0f ms%n", ROWS,
                (System.nanoTime() - start) / 1e6);
    }

    @ParameterizedTest
    @EnumSource(TokenColumn.class)
    void sortEqualsTheReferenceOrderInBothDirections(TokenColumn column) {
        for (boolean ascending : new boolean[] {true, false}) {
            int[] sorted = RowSorter.sort(figures, new TokenSort(column, ascending));
            assertArrayEquals(reference(column, ascending), sorted, column + (ascending ? " ascending" : " descending"));
        }
    }

    @Test
    void filterEqualsTheReferenceOnTheSortedOrder() {
        int[] order = RowSorter.sort(figures, new TokenSort(TokenColumn.TOP_WEIGHT, false));
        Set<String> bookmarks = Set.of(figures.token(1), figures.token(99), figures.token(12_345));
        TokenFilter filter = new TokenFilter("AB", TargetTokenKind.NEW, false, 3, 20, LexiconFilter.HIT_AT_5);
        int[] expected = IntStream.of(order)
                .filter(row -> figures.token(row).toLowerCase(Locale.ROOT).contains("ab"))
                .filter(row -> figures.kind(row) == TargetTokenKind.NEW)
                .filter(row -> figures.support(row) >= 3 && figures.support(row) <= 20)
                .filter(row -> figures.lexicon(row) == LexiconOutcome.HIT_AT_1
                        || figures.lexicon(row) == LexiconOutcome.HIT_AT_5)
                .toArray();
        assertTrue(expected.length > 100, "the filter keeps some rows: " + expected.length);
        assertArrayEquals(expected, filter.apply(figures, order, bookmarks, null));
        TokenFilter bookmarked = new TokenFilter("", null, true, 0, Integer.MAX_VALUE, LexiconFilter.ANY);
        assertEquals(3, bookmarked.apply(figures, order, bookmarks, null).length);
    }

    /// Prints the best of [#REPEATS] times per column (the best is the figure least disturbed
    /// by other work on a shared machine).
    @Test
    void printsSortAndFilterTimes() {
        TokenFilter text = new TokenFilter("ab", null, false, 0, Integer.MAX_VALUE, LexiconFilter.ANY);
        TokenFilter kindAndSupport = new TokenFilter("", TargetTokenKind.NEW, false, 2, 10, LexiconFilter.ANY);
        for (TokenColumn column : TokenColumn.values()) {
            TokenSort sort = new TokenSort(column, false);
            int[] sorted = RowSorter.sort(figures, sort);
            double sortMillis = bestMillis(() -> RowSorter.sort(figures, sort));
            double textMillis = bestMillis(() -> text.apply(figures, sorted, Set.of(), null));
            double kindMillis = bestMillis(() -> kindAndSupport.apply(figures, sorted, Set.of(), null));
            System.out.printf(Locale.ROOT, "250k rows: sort by %-14s %6.1f ms | filter 'ab' %5.1f ms (%,d rows) | "
                    + "filter new + support 2-10 %5.1f ms (%,d rows)%n", column.title(), sortMillis, textMillis,
                    text.apply(figures, sorted, Set.of(), null).length, kindMillis,
                    kindAndSupport.apply(figures, sorted, Set.of(), null).length);
        }
    }

    private static final int REPEATS = 7;

    private static double bestMillis(Runnable work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e6;
    }

    private static int[] reference(TokenColumn column, boolean ascending) {
        Comparator<Integer> byValue = switch (column) {
            case ID -> Comparator.comparingInt(row -> row);
            case TOKEN -> Comparator.comparing(figures::token);
            case KIND -> Comparator.comparing(figures::kind);
            case SUPPORT -> Comparator.comparingInt(figures::support);
            case TOP_SOURCE -> Comparator.comparing(figures::topSource);
            case TOP_WEIGHT -> Comparator.comparingDouble(figures::topWeight);
            case ENTROPY -> Comparator.comparingDouble(figures::entropyNats);
            case LEXICON -> Comparator.comparing(figures::lexicon);
        };
        Comparator<Integer> directed = ascending ? byValue : byValue.reversed();
        Comparator<Integer> missingLast = Comparator.comparing((Integer row) -> !figures.hasKey(column, row));
        Comparator<Integer> order = missingLast.thenComparing((a, b) ->
                figures.hasKey(column, a) ? directed.compare(a, b) : 0);
        return IntStream.range(0, ROWS).boxed()
                .sorted(column == TokenColumn.ID ? directed : order.thenComparingInt(row -> row))
                .mapToInt(Integer::intValue).toArray();
    }
}
