package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;

class CorpusReaderTest {

    @TempDir
    Path dir;

    private static List<CorpusDocument> readAll(Path file) throws Exception {
        List<CorpusDocument> documents = new ArrayList<>();
        try (CorpusReader reader = CorpusReader.open(file)) {
            CorpusDocument document;
            while ((document = reader.next()) != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    private InputFormatException failure(String name, String content) {
        Path file = TestFiles.write(dir, name, content);
        return assertThrows(InputFormatException.class, () -> readAll(file));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "_id   | BEIR",
        "docid | MIRACL",
        "id    | plain"})
    void jsonLinesAcceptsBeirMiraclAndPlainIdFields(String idField, String style) throws Exception {
        Path file = TestFiles.write(dir, style + ".jsonl",
                "{\"" + idField + "\":\"d1\",\"title\":\"T\",\"text\":\"body\",\"extra\":[1]}\n");
        assertEquals(List.of(new CorpusDocument("d1", "T", "body")), readAll(file));
    }

    @Test
    void jsonLinesAcceptsNumericIdsMissingTitlesAndAnseriniContents() throws Exception {
        Path file = TestFiles.write(dir, "c.jsonl", "{\"id\":7,\"contents\":\"x\"}\n{\"id\":\"8\",\"title\":null,\"text\":\"y\"}\n");
        assertEquals(List.of(new CorpusDocument("7", "", "x"), new CorpusDocument("8", "", "y")), readAll(file));
    }

    @Test
    void tsvHasIdTextAndOptionalTitle() throws Exception {
        Path file = TestFiles.write(dir, "c.tsv", "d1\tfirst text\n\nd2\tsecond text\tSecond title\n");
        assertEquals(List.of(new CorpusDocument("d1", "", "first text"),
                new CorpusDocument("d2", "Second title", "second text")), readAll(file));
    }

    @Test
    void gzipCorpusIsDecompressed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("{\"_id\":\"d1\",\"text\":\"zipped\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = TestFiles.write(dir, "c.jsonl.gz", bytes.toByteArray());
        assertEquals(List.of(new CorpusDocument("d1", "", "zipped")), readAll(file));
    }

    @Test
    void byteOrderMarkAndCarriageReturnsAreRemoved() throws Exception {
        Path file = TestFiles.write(dir, "c.tsv", "\uFEFFd1\tone\r\nd2\ttwo\r\n");
        assertEquals(List.of(new CorpusDocument("d1", "", "one"), new CorpusDocument("d2", "", "two")), readAll(file));
    }

    @Test
    void duplicateIdNamesFileLineAndFirstOccurrence() {
        InputFormatException e = failure("dup.jsonl",
                "{\"_id\":\"a\",\"text\":\"x\"}\n{\"_id\":\"b\",\"text\":\"y\"}\n{\"_id\":\"a\",\"text\":\"z\"}\n");
        assertEquals(dir.resolve("dup.jsonl") + " line 3: duplicate document id 'a' (first seen at line 1)",
                e.getMessage());
    }

    @Test
    void emptyDocumentsAreSkippedAndCounted() throws Exception {
        Path file = TestFiles.write(dir, "c.jsonl",
                "{\"_id\":\"a\",\"title\":\"\",\"text\":\" \"}\n{\"_id\":\"b\",\"text\":\"kept\"}\n{\"_id\":\"c\",\"text\":\"\"}\n");
        try (CorpusReader reader = CorpusReader.open(file)) {
            assertEquals(new CorpusDocument("b", "", "kept"), reader.next());
            assertNull(reader.next());
            assertEquals(2, reader.skippedEmptyDocuments());
        }
    }

    @Test
    void emptyDocumentIdsStillCountAsDuplicates() {
        InputFormatException e = failure("c.tsv", "a\t\nb\tx\na\ty\n");
        assertTrue(e.getMessage().endsWith("line 3: duplicate document id 'a' (first seen at line 1)"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesLineAndByte() {
        byte[] content = "d1\tfine\nd2\tcaf\u00e9 ok\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[content.length];
        System.arraycopy(content, 0, broken, 0, content.length);
        int e9 = indexOf(content, (byte) 0xA9);
        broken[e9] = (byte) 0x28; // 0xC3 followed by '(' is not a valid UTF-8 sequence
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> readAll(TestFiles.write(dir, "bad.tsv", broken)));
        assertEquals(dir.resolve("bad.tsv") + " line 2: invalid UTF-8 at byte 7 of the line (bytes 0xc3);"
                + " expected a UTF-8 encoded file", e.getMessage());
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"_id\":\"a\",\"text\":\"x\"`           | malformed JSON at column 22: the text ends in the middle of a value",
        "`{\"_id\":\"a\",\"text\":'x'}`            | malformed JSON at column 20: not strict JSON",
        "`{\"_id\":\"a\",\"text\":\"x\"} {}`       | malformed JSON at column 25: not strict JSON",
        "`[\"a\",\"x\"]`                           | expected a JSON object per line, found an array",
        "`{\"_id\":\"a\"}`                         | missing field (one of \"text\", \"contents\")",
        "`{\"_id\":[1],\"text\":\"x\"}`            | field \"_id\" must be a string, found an array",
        "`{\"text\":\"x\"}`                        | missing field (one of \"_id\", \"docid\", \"id\")",
        "`{\"_id\":\"a b\",\"text\":\"x\"}`        | document id 'a b' contains whitespace"})
    void malformedJsonLineNamesFileLineAndProblem(String line, String problem) {
        InputFormatException e = failure("bad.jsonl", "{\"_id\":\"ok\",\"text\":\"x\"}\n" + line + "\n");
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.jsonl") + " line 2: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void tsvWithWrongColumnCountNamesTheCount() {
        InputFormatException e = failure("bad.tsv", "a\tb\tc\td\n");
        assertEquals(dir.resolve("bad.tsv") + " line 1: expected 2 or 3 tab-separated columns (id, text[, title]),"
                + " found 4", e.getMessage());
    }

    @Test
    void emptyIdIsRejected() {
        InputFormatException e = failure("bad.tsv", "\ttext\n");
        assertEquals(dir.resolve("bad.tsv") + " line 1: empty document id", e.getMessage());
    }

    @Test
    void unknownExtensionNamesTheAcceptedOnes() {
        InputFormatException e = failure("corpus.csv", "a,b\n");
        assertTrue(e.getMessage().contains("expected a name ending in .jsonl, .json or .tsv"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(dir.resolve("none.jsonl")));
        assertEquals("file not found: " + dir.resolve("none.jsonl"), e.getMessage());
    }

    @Test
    void longLinesSpanningBuffersAreReadWhole() throws IOException, InputFormatException {
        String text = "w".repeat(200_000);
        Path file = TestFiles.write(dir, "long.tsv", "a\t" + text + "\nb\tshort\n");
        try (CorpusReader reader = CorpusReader.open(file)) {
            assertEquals(text, reader.next().text());
            assertEquals("short", reader.next().text());
            assertEquals(reader.sizeBytes(), reader.bytesRead());
        }
    }
}
