package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sembridge.engine.index.TestIndexes.vector;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class ExportTest {

    @TempDir
    Path dir;

    private Path index;

    @BeforeEach
    void writeIndex() throws Exception {
        Map<CorpusDocument, TermWeights> documents = new LinkedHashMap<>();
        documents.put(new CorpusDocument("d1", "Title", "body"), vector("a", 0.5, "b", 1.234, "c", 0.004));
        documents.put(new CorpusDocument("d2", "", "second"), vector("##ing", 2.005));
        index = TestIndexes.write(dir.resolve("index"), "enc", Optional.empty(), documents);
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void anseriniDocumentVectorsHoldRoundedHundredfoldWeights() throws Exception {
        // round(0.5 x 100) = 50, round(1.234 x 100) = 123, round(0.004 x 100) = 0 (dropped),
        // round(2.005f x 100) = round(200.500011) = 201 (the float 2.005f is 2.00500011...).
        Path file = dir.resolve("out/vectors.jsonl");
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals(2, AnseriniExporter.writeDocumentVectors(opened, file, AnseriniExporter.DEFAULT_SCALE,
                    ProgressListener.NONE, CancellationToken.create()));
        }
        assertEquals(List.of(
                "{\"id\":\"d1\",\"contents\":\"\",\"vector\":{\"b\":123,\"a\":50}}",
                "{\"id\":\"d2\",\"contents\":\"\",\"vector\":{\"##ing\":201}}"), lines(file));
    }

    @Test
    void anseriniQueriesRepeatEachTokenByItsRoundedWeight() throws Exception {
        // round(0.034 x 100) = 3, round(0.011 x 100) = 1, round(0.002 x 100) = 0 (dropped).
        SequencedMap<String, SparseQuery> queries = new LinkedHashMap<>();
        queries.put("q1", new SparseQuery("t", "enc", QueryWeighting.ENCODER,
                vector("b", 0.011, "a", 0.034, "z", 0.002)));
        queries.put("q2", new SparseQuery("t", "enc", QueryWeighting.INFERENCE_FREE, vector("x", 1)));
        Path file = dir.resolve("queries.tsv");
        AnseriniExporter.writeQueries(queries, file, AnseriniExporter.DEFAULT_SCALE);
        assertEquals(List.of("q1\ta a a b", "q2\t" + String.join(" ", Collections.nCopies(100, "x"))),
                lines(file));
    }

    @Test
    void tokenWithWhitespaceIsRejectedAndNothingIsWritten() {
        SequencedMap<String, SparseQuery> queries = new LinkedHashMap<>();
        queries.put("q1", new SparseQuery("t", "enc", QueryWeighting.ENCODER, vector("new york", 1)));
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> AnseriniExporter.writeQueries(queries, dir.resolve("queries.tsv"), 100));
        assertEquals("token 'new york' of query q1 is empty or contains whitespace; Anserini's pre-tokenized formats"
                + " cannot represent it", e.getMessage());
        assertEquals(List.of("index"), TestFiles.list(dir));
    }

    @Test
    void openSearchBulkHasAnActionAndASourceLinePerDocument() throws Exception {
        Path file = dir.resolve("bulk.ndjson");
        try (SparseIndex opened = SparseIndex.open(index)) {
            OpenSearchBulkExporter.write(opened, file, "sembridge", ProgressListener.NONE, CancellationToken.create());
        }
        List<String> lines = lines(file);
        assertEquals(4, lines.size());
        assertEquals(JsonParser.parseString("{\"index\":{\"_index\":\"sembridge\",\"_id\":\"d1\"}}"),
                JsonParser.parseString(lines.get(0)));
        assertEquals(JsonParser.parseString("{\"title\":\"Title\",\"text\":\"body\",\"tokens\":{\"a\":0.5,\"b\":1.234,"
                + "\"c\":0.004}}"), JsonParser.parseString(lines.get(1)));
        assertEquals("{\"title\":\"\",\"text\":\"second\",\"tokens\":{\"##ing\":2.005}}", lines.get(3));
    }

    @Test
    void cancelledExportLeavesNoFile() throws Exception {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertThrows(OperationCancelledException.class, () -> OpenSearchBulkExporter.write(opened,
                    dir.resolve("bulk.ndjson"), "x", ProgressListener.NONE, cancel));
        }
        assertEquals(List.of("index"), TestFiles.list(dir));
    }
}
