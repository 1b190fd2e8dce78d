package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sembridge.engine.run.TargetTokenKind;

/// The unknown-bridge condition of the token filter, on a four-row table.
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
}
