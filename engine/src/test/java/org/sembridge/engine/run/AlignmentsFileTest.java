package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.transfer.TokenAlignment;

/// `alignments.jsonl`: writing, indexing and reading back records of every kind.
class AlignmentsFileTest {

    private static final List<String> SOURCE = List.of("[CLS]", "house", "home", "dwelling", "casa");

    @TempDir
    Path dir;

    private static List<AlignmentRecord> records() {
        TokenAlignment alignment = new TokenAlignment(2, new int[] {1, 2}, new float[] {0.6f, 0.4f},
                new float[] {0.9f, 0.85f}, new int[] {1, 2, 3}, new float[] {0.9f, 0.85f, 0.5f}, false);
        return List.of(
                AlignmentRecord.copied(0, "[CLS]", TargetTokenKind.SPECIAL, 0, "[CLS]", -1.5f),
                AlignmentRecord.copied(1, "casa", TargetTokenKind.OVERLAP, 4, "casa", 0.25f),
                AlignmentRecord.built("집 \"quoted\"\n", TargetTokenKind.NEW, alignment, SOURCE, SOURCE.size(), 0.0f),
                AlignmentRecord.drawn(3, "▁집", TargetTokenKind.NEW, 0.0f));
    }

    private Path written() throws Exception {
        Path file = dir.resolve(AlignmentsFile.FILE_NAME);
        List<AlignmentRecord> records = records();
        AlignmentsFile.write(file, records.size(), records::get);
        return file;
    }

    @Test
    void everyRecordReadsBackEqual() throws Exception {
        AlignmentsFile file = AlignmentsFile.open(written());
        List<AlignmentRecord> records = records();
        assertEquals(records.size(), file.size());
        for (int id = 0; id < records.size(); id++) {
            assertEquals(records.get(id), file.read(id));
        }
    }

    @Test
    void aRangeReadsTheSameRecordsAsOneByOne() throws Exception {
        AlignmentsFile file = AlignmentsFile.open(written());
        List<AlignmentRecord> records = records();
        assertEquals(records, file.read(0, records.size()));
        assertEquals(records.subList(1, 3), file.read(1, 3));
        assertEquals(List.of(), file.read(2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> file.read(3, records.size() + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> file.read(3, 2));
    }

    @Test
    void indexKnowsTokensKindsAndCopiesWithoutParsingLines() throws Exception {
        AlignmentsFile file = AlignmentsFile.open(written());
        assertEquals("▁집", file.tokens().get(3));
        assertEquals(TargetTokenKind.SPECIAL, file.kind(0));
        assertTrue(file.isCopy(1));
        assertFalse(file.isCopy(2));
        assertEquals(2, file.idOf("집 \"quoted\"\n").orElseThrow());
    }

    @Test
    void lineHoldsTheDocumentedFields() throws Exception {
        String line = Files.readAllLines(written(), StandardCharsets.UTF_8).get(2);
        assertEquals("{\"id\":2,\"token\":\"집 \\\"quoted\\\"\\n\",\"kind\":\"new\",\"sources\":[{\"id\":1,"
                + "\"token\":\"house\",\"weight\":0.6,\"similarity\":0.9},{\"id\":2,\"token\":\"home\",\"weight\":0.4,"
                + "\"similarity\":0.85}],\"support\":2,\"entropy\":0.6730116548474838,\"nearest\":[{\"id\":1,\"token\":"
                + "\"house\",\"similarity\":0.9},{\"id\":2,\"token\":\"home\",\"similarity\":0.85},{\"id\":3,\"token\":"
                + "\"dwelling\",\"similarity\":0.5}],\"bias\":0.0}", line);
    }

    @Test
    void entropyIsInNats() {
        assertEquals(Math.log(2), AlignmentRecord.entropyNats(new float[] {0.5f, 0.5f}), 1e-7);
        assertEquals(0.0, AlignmentRecord.entropyNats(new float[] {1.0f}));
    }

    @Test
    void truncatedFileIsRefusedNamingTheLine() throws Exception {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        InputFormatException e = assertThrows(InputFormatException.class, () -> AlignmentsFile.open(file));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void lineOfAnotherTokenIsRefused() throws Exception {
        Path file = dir.resolve(AlignmentsFile.FILE_NAME);
        Files.writeString(file, "{\"id\":5,\"token\":\"x\",\"kind\":\"new\"}\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> AlignmentsFile.open(file));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void missingFileIsBadInputNotAnIoError() {
        Path file = dir.resolve(AlignmentsFile.FILE_NAME);
        InputFormatException e = assertThrows(InputFormatException.class, () -> AlignmentsFile.open(file));
        assertTrue(e.getMessage().startsWith(file + ": file not found"), e.getMessage());
    }

    @Test
    void malformedJsonPrefixIsWordedWithoutGsonAdvice() throws Exception {
        Path file = dir.resolve(AlignmentsFile.FILE_NAME);
        Files.writeString(file, "{\"id\":0,\"token\" \"x\"}\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> AlignmentsFile.open(file));
        assertTrue(e.getMessage().contains("line 1 is not an alignment record of token 0: malformed JSON at column"),
                e.getMessage());
        assertFalse(e.getMessage().contains("setStrictness") || e.getMessage().contains("gson"), e.getMessage());
    }

    @Test
    void aLineOfTheWrongJsonTypeIsWordedWithoutGsonAdvice() throws Exception {
        Path file = dir.resolve(AlignmentsFile.FILE_NAME);
        Files.writeString(file, "-1\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> AlignmentsFile.open(file));
        assertTrue(e.getMessage().startsWith(file + ": line 1 is not an alignment record of token 0: malformed JSON"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("gson"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve(AlignmentsFile.FILE_NAME), "");
        InputFormatException e = assertThrows(InputFormatException.class, () -> AlignmentsFile.open(file));
        assertTrue(e.getMessage().startsWith(file + ": empty"), e.getMessage());
    }

    @Test
    void anAlignmentsFileOfTheFirstRunFormatStillReadsAndWritesBackByteForByte() throws Exception {
        Path old = dir.resolve("old.jsonl");
        try (var in = getClass().getResourceAsStream("/formats/alignments-v1.jsonl")) {
            Files.copy(in, old);
        }
        AlignmentsFile file = AlignmentsFile.open(old);

        assertEquals(40, file.size());
        assertEquals("[CLS]", file.tokens().get(2));
        assertEquals(TargetTokenKind.NEW, file.kind(39));
        AlignmentRecord last = file.read(39);
        assertEquals(3, last.support());
        assertEquals(87, last.sources().get(0).id());
        assertEquals(0.4823253f, last.sources().get(0).weight());
        Path again = dir.resolve("again.jsonl");
        List<AlignmentRecord> records = new java.util.ArrayList<>();
        for (int id = 0; id < file.size(); id++) {
            records.add(file.read(id));
        }
        AlignmentsFile.write(again, records.size(), records::get);
        assertEquals(Files.readString(old), Files.readString(again));
    }
}
