package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.Vocabulary;
import org.sembridge.engine.vocab.VocabularyScheme;

class TargetRowRulesTest {

    /// ids: 0 <pad> (special), 1 <0xEC> (a Korean lead byte), 2 ▁집 (bytes EC A7 91), 3 ▁한 (ED 95 9C),
    /// 4 <unused0>, 5 <0xFF> (in no token), 6 house, 7 <0x0A> (whitespace, bridged by name).
    private static final CanonicalVocabulary TARGET = new Vocabulary(
            List.of("<pad>", "<0xEC>", "▁집", "▁한", "<unused0>", "<0xFF>", "house", "<0x0A>"), Set.of(0),
            VocabularyScheme.SENTENCEPIECE).canonicalize();

    private static final int[] NOTHING_COPIED = {-1, -1, -1, -1, -1, -1, -1, -1};

    @Test
    void reservedEntriesAndRawBytesGetRulesWhitespaceBytesDoNot() {
        TargetRowRules rules = TargetRowRules.decide(TARGET, NOTHING_COPIED, new boolean[8], UnknownBridgeRule.ENTMAX);

        assertEquals(TargetRowRules.Rule.BYTE_MEAN, rules.rule(1));
        assertEquals(TargetRowRules.Rule.SOURCE_MEAN, rules.rule(4));
        assertEquals(TargetRowRules.Rule.BYTE_MEAN, rules.rule(5));
        assertEquals(TargetRowRules.Rule.NONE, rules.rule(7));
        assertEquals(TargetRowRules.Rule.NONE, rules.rule(2));
        assertEquals(1, rules.reservedCount());
        assertEquals(2, rules.rawByteCount());
        assertEquals(1, rules.rawBytesWithoutContributors());
    }

    @Test
    void aCopiedTokenNeverGetsARule() {
        int[] copied = NOTHING_COPIED.clone();
        copied[4] = 3;
        TargetRowRules rules = TargetRowRules.decide(TARGET, copied, new boolean[8], UnknownBridgeRule.ENTMAX);

        assertEquals(TargetRowRules.Rule.NONE, rules.rule(4));
        assertFalse(rules.isReserved(4));
    }

    @Test
    void byteRowIsTheMeanOfTheTokensContainingTheByteAndOthersTheSourceMean() {
        TargetRowRules rules = TargetRowRules.decide(TARGET, NOTHING_COPIED, new boolean[8], UnknownBridgeRule.ENTMAX);
        FloatMatrix target = FloatMatrix.zeros(8, 2);
        target.values()[2 * 2] = 2f;
        target.values()[2 * 2 + 1] = 4f;
        target.values()[3 * 2] = 6f;
        target.values()[3 * 2 + 1] = 8f;
        FloatMatrix source = new FloatMatrix(3, 2, new float[] {1f, 10f, 3f, 20f, 5f, 30f});

        rules.fill(List.of(target), List.of(source), 3);

        assertArrayEquals(new float[] {2f, 4f}, row(target, 1), "<0xEC> is only in ▁집 (EC A7 91); ▁한 is ED ...");
        assertArrayEquals(new float[] {3f, 20f}, row(target, 4), "<unused0>: the mean of the 3 source rows");
        assertArrayEquals(new float[] {3f, 20f}, row(target, 5), "<0xFF> is in no token: the source mean");
        assertArrayEquals(new float[] {0f, 0f}, row(target, 7), "the method fills whitespace pieces");
    }

    @Test
    void unknownBridgeTokensGetTheSourceMeanOnlyWithTheMeanRule() {
        boolean[] unknown = new boolean[8];
        unknown[6] = true;

        TargetRowRules entmax = TargetRowRules.decide(TARGET, NOTHING_COPIED, unknown, UnknownBridgeRule.ENTMAX);
        TargetRowRules mean = TargetRowRules.decide(TARGET, NOTHING_COPIED, unknown, UnknownBridgeRule.MEAN);

        assertEquals(TargetRowRules.Rule.NONE, entmax.rule(6));
        assertTrue(entmax.isBridgeUnknown(6));
        assertEquals(TargetRowRules.Rule.SOURCE_MEAN, mean.rule(6));
        assertEquals(1, mean.bridgeUnknownCount());
    }

    @Test
    void ruleRowsAreLeftOutOfThePlan() {
        TargetRowRules rules = TargetRowRules.decide(TARGET, NOTHING_COPIED, new boolean[8], UnknownBridgeRule.ENTMAX);

        int[] planned = rules.withRuleRows(NOTHING_COPIED);

        assertEquals(TargetRowRules.RULE_ROW, planned[1]);
        assertEquals(TargetRowRules.RULE_ROW, planned[4]);
        assertEquals(-1, planned[2]);
    }

    @Test
    void vectorsWithinTheToleranceOfTheUnknownVectorAreFlagged() {
        FloatMatrix vectors = new FloatMatrix(3, 2, new float[] {2f, 0f, 1f, 1e-4f, 1f, 1e-2f});

        boolean[] flags = TargetRowRules.nearUnknown(vectors, new float[] {1f, 0f});

        assertArrayEquals(new boolean[] {true, true, false}, flags,
                "cosine 1 is flagged, 1 - 5e-9 too (within 1e-6), 1 - 5e-5 is not");
    }

    private static float[] row(FloatMatrix matrix, int row) {
        return java.util.Arrays.copyOfRange(matrix.values(), row * matrix.columns(), (row + 1) * matrix.columns());
    }
}
