package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.transfer.TokenAlignment;

class FocusInitializerTest {

    @Test
    void supportLiesWithinTheOverlappingSourceTokens() throws Exception {
        long seed = BaselineFixture.seed("supportLiesWithinTheOverlappingSourceTokens");
        BaselineFixture fixture = BaselineFixture.of(seed);
        int[] overlap = fixture.input().overlapSourceIds();

        InitializationPlan plan = BaselineFixture.plan(new FocusInitializer(BaselineFixture.SMALL_BLOCKS),
                fixture.input());

        for (TokenAlignment alignment : plan.alignments()) {
            for (int id : alignment.sourceIds()) {
                assertTrue(BaselineFixture.contains(overlap, id), "seed " + seed + ": target " + alignment.targetId()
                        + " uses source " + id + ", which does not overlap");
            }
            for (int id : alignment.nearestSourceIds()) {
                assertTrue(BaselineFixture.contains(overlap, id), "seed " + seed + ": nearest " + id);
            }
        }
    }

    @Test
    void weightsEqualNumpySparsemaxOverTheOverlapRows() throws Exception {
        long seed = BaselineFixture.seed("weightsEqualNumpySparsemaxOverTheOverlapRows");
        BaselineFixture fixture = BaselineFixture.of(seed);

        InitializationPlan plan = BaselineFixture.plan(new FocusInitializer(BaselineFixture.SMALL_BLOCKS),
                fixture.input());

        double[][] expected = BaselineReference.focus(fixture.input());
        for (int k = 0; k < expected.length; k++) {
            TokenAlignment alignment = plan.alignments().get(k);
            double[] actual = new double[BaselineFixture.SOURCES];
            for (int j = 0; j < alignment.size(); j++) {
                actual[alignment.sourceIds()[j]] = alignment.weights()[j];
            }
            for (int i = 0; i < actual.length; i++) {
                String where = "seed " + seed + ", row " + k + ", source " + i;
                assertEquals(expected[k][i] > 0, actual[i] > 0, where + ": support");
                assertEquals(expected[k][i], actual[i], 1e-5, where);
            }
        }
    }

    @Test
    void noOverlappingTokenIsAnInputError() {
        BaselineFixture fixture = BaselineFixture.of(7);

        InputFormatException error = assertThrows(InputFormatException.class,
                () -> BaselineFixture.plan(new FocusInitializer(), fixture.withOverlap(new int[0])));

        assertTrue(error.getMessage().contains("overlapping") && error.getMessage().contains("sembridge"),
                error.getMessage());
    }
}
