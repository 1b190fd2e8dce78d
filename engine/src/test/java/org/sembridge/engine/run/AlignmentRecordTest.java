package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.transfer.TokenAlignment;

class AlignmentRecordTest {

    private static final List<String> SOURCES = List.of("house", "casa", "home", "the");

    @Test
    void softmaxRowReportsTheDenseEntropyAndTheWholeVocabularyAsSupport() {
        TokenAlignment truncated = new TokenAlignment(0, new int[] {0, 1}, new float[] {0.4f, 0.3f},
                new float[] {0.9f, 0.8f}, new int[] {0, 1}, new float[] {0.9f, 0.8f}, true, 1.2799);

        AlignmentRecord record = AlignmentRecord.built("집", TargetTokenKind.NEW, truncated, SOURCES, 4, 0f);

        assertEquals(1.2799, record.entropyNats(), 1e-12, "the dense row's, not -(0.4 ln 0.4 + 0.3 ln 0.3)");
        assertEquals(4, record.support());
    }

    @Test
    void exactRowsKeepTheEntropyOfTheirWeights() {
        TokenAlignment exact = new TokenAlignment(0, new int[] {0, 1}, new float[] {0.5f, 0.5f},
                new float[] {0.9f, 0.8f}, new int[] {0, 1}, new float[] {0.9f, 0.8f}, false);

        AlignmentRecord record = AlignmentRecord.built("집", TargetTokenKind.NEW, exact, SOURCES, 4, 0f);

        assertEquals(Math.log(2), record.entropyNats(), 1e-7);
        assertEquals(2, record.support());
    }

    @Test
    void ruleAndUnknownBridgeMarkSurviveTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(AlignmentsFile.FILE_NAME);
        TokenAlignment exact = new TokenAlignment(1, new int[] {0}, new float[] {1f}, new float[] {0.9f},
                new int[] {0}, new float[] {0.9f}, false);
        List<AlignmentRecord> records = List.of(
                AlignmentRecord.drawn(0, "<0xEC>", TargetTokenKind.BYTE, 0f).withRule("byte_mean", false),
                AlignmentRecord.built("ᚠ", TargetTokenKind.NEW, exact, SOURCES, 4, 0f).withRule("", true),
                AlignmentRecord.copied(2, "▁house", TargetTokenKind.OVERLAP, 0, "house", 0f));
        AlignmentsFile.write(file, records.size(), records::get);

        AlignmentsFile read = AlignmentsFile.open(file);

        assertEquals(records, List.of(read.read(0), read.read(1), read.read(2)));
        assertTrue(read.isRuleRow(0));
        assertFalse(read.isRuleRow(1));
        assertTrue(read.isBridgeUnknown(1));
        assertFalse(read.isBridgeUnknown(0));
        assertTrue(read.isCopy(2));
        assertEquals(TargetTokenKind.BYTE, read.kind(0));
    }
}
