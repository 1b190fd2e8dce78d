package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sembridge.engine.run.TargetTokenKind;

/// The unknown-bridge, kind and English-source conditions of the token filter, on small tables.
class TokenFilterTest {

    private static TokenFigures figures() {
        TokenFigures.Builder builder = TokenFigures.builder(4, List.of("house", "[UNK]"));
        builder.set(0, "집", TargetTokenKind.NEW, 2, 0, 0.6f, 0.5f, LexiconOutcome.NOT_AVAILABLE);
        builder.set(1, "ᚠ", TargetTokenKind.NEW, 3, 1, 0.4f, 1.0f, LexiconOutcome.NOT_AVAILABLE);
        builder.set(2, "<unused0>", TargetTokenKind.RESERVED, 0, -1, Float.NaN, 0f, LexiconOutcome.NOT_AVAILABLE);
        builder.set(3, "ᚢ", TargetTokenKind.NEW, 3, 1, 0.4f, 1.0f, LexiconOutcome.NOT_AVAILABLE);
        return builder.markBridgeUnknown(1).markBridgeUnknown(3).build();
    }

    @Test
    void unknownBridgeOnlyKeepsTheMarkedRows() {
        TokenFilter filter = new TokenFilter("", null, false, 0, Integer.MAX_VALUE, LexiconFilter.ANY, true);

        assertArrayEquals(new int[] {3, 1}, filter.apply(figures(), new int[] {3, 2, 1, 0}, Set.of(), null));
    }

    @Test
    void withoutTheConditionEveryRowPasses() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, TokenFilter.ALL.apply(figures(), new int[] {0, 1, 2, 3}, Set.of(),
                null));
    }

    @Test
    void kindFilterSelectsTheNewReservedKind() {
        TokenFilter filter = new TokenFilter("", TargetTokenKind.RESERVED, false, 0, Integer.MAX_VALUE,
                LexiconFilter.ANY);

        assertArrayEquals(new int[] {2}, filter.apply(figures(), new int[] {0, 1, 2, 3}, Set.of(), null));
    }

    @Test
    void textInSourcesFindsTheTargetsBuiltFromAMatchingSourceInAnyCase() {
        TokenFigures.Builder builder = TokenFigures.builder(3, List.of("house", "##House", "tree", "dog"));
        builder.set(0, "집", TargetTokenKind.NEW, 2, 2, 0.6f, 0.5f, LexiconOutcome.NOT_AVAILABLE).sources(0, new int[] {2, 0});
        builder.set(1, "나무", TargetTokenKind.NEW, 1, 2, 1f, 0f, LexiconOutcome.NOT_AVAILABLE).sources(1, new int[] {2});
        builder.set(2, "들", TargetTokenKind.NEW, 1, 1, 1f, 0f, LexiconOutcome.NOT_AVAILABLE);
        TokenFigures figures = builder.build();
        TokenFilter filter = new TokenFilter("HOUSE", null, false, 0, Integer.MAX_VALUE, LexiconFilter.ANY, false, true);

        assertArrayEquals(new int[] {2, 0}, filter.apply(figures, new int[] {2, 1, 0}, Set.of(), null));
    }

    @Test
    void onlyTheHeaviestSourcesAreLookedAt() {
        List<String> sources = java.util.stream.IntStream.rangeClosed(0, TokenFigures.SOURCES_KEPT)
                .mapToObj(k -> "s" + k + "x").toList();
        int[] heaviestFirst = java.util.stream.IntStream.rangeClosed(0, TokenFigures.SOURCES_KEPT).toArray();
        TokenFigures figures = TokenFigures.builder(1, sources)
                .set(0, "집", TargetTokenKind.NEW, heaviestFirst.length, 0, 0.2f, 1f, LexiconOutcome.NOT_AVAILABLE)
                .sources(0, heaviestFirst).build();
        String lightest = "s" + TokenFigures.SOURCES_KEPT + "x";
        String kept = "s" + (TokenFigures.SOURCES_KEPT - 1) + "x";

        assertArrayEquals(new int[] {}, new TokenFilter(lightest, null, false, 0, Integer.MAX_VALUE, LexiconFilter.ANY,
                false, true).apply(figures, new int[] {0}, Set.of(), null));
        assertArrayEquals(new int[] {0}, new TokenFilter(kept, null, false, 0, Integer.MAX_VALUE, LexiconFilter.ANY,
                false, true).apply(figures, new int[] {0}, Set.of(), null));
    }
}
