package org.sembridge.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;

/// The topics, qrels and run readers and the run writer: formats accepted, and a specific message
/// naming file and line for every malformed input.
class EvalFileReadersTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void topicsFromTsv() throws Exception {
        assertEquals(List.of(new Topic("1", "first query"), new Topic("2", "둘째 질문")),
                TopicsReader.read(write("q.tsv", "1\tfirst query\n\n2\t둘째 질문\n")));
    }

    @Test
    void topicsFromBeirAndPlainJsonLines() throws Exception {
        assertEquals(List.of(new Topic("a", "x"), new Topic("b", "y")),
                TopicsReader.read(write("q.jsonl", "{\"_id\":\"a\",\"text\":\"x\",\"metadata\":{}}\n"
                        + "{\"id\":\"b\",\"query\":\"y\"}\n")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "q.tsv   | `1\tx\n1\ty\n`          | line 2: duplicate query id '1' (first seen at line 1)",
        "q.tsv   | `1\tx\n2\t \n`          | line 2: query '2' has an empty text",
        "q.tsv   | `1\tx\ty\n`             | line 1: expected 2 tab-separated columns (qid, text), found 3",
        "q.tsv   | `a b\tx\n`              | line 1: query id 'a b' contains whitespace; TREC runs and qrels cannot represent it",
        "q.jsonl | `{\"_id\":\"1\"}\n`      | line 1: missing field (one of \"text\", \"query\"); found fields [_id]",
        "q.jsonl | `{\"_id\":\"1\",}\n`     | line 1: malformed JSON"})
    void malformedTopicsNameFileLineAndProblem(String name, String content, String problem) throws Exception {
        Path file = write(name, content.replace("\\n", "\n").replace("\\t", "\t"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> TopicsReader.read(file));
        assertEquals(true, e.getMessage().startsWith(file + " " + problem), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "q.tsv   | ``",
        "q.jsonl | `\n\n`"})
    void topicsFileWithoutAnyQueryIsRefusedRatherThanScoredZero(String name, String content) throws Exception {
        Path file = write(name, content.replace("\\n", "\n"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> TopicsReader.read(file));
        assertEquals(true, e.getMessage().startsWith(file + ": holds no queries"), e.getMessage());
    }

    @Test
    void qrelsFileWithoutAnyJudgementIsRefusedRatherThanScoredZero() throws Exception {
        Path file = write("qrels.tsv", "query-id\tcorpus-id\tscore\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> QrelsReader.read(file));
        assertEquals(true, e.getMessage().startsWith(file + ": holds no relevance judgements"), e.getMessage());
    }

    @Test
    void qrelsLineOverTheLimitIsRefusedWithItsLine() throws Exception {
        Path file = write("qrels.txt", "q1 0 d1 1\nq1 0 " + "d".repeat(100) + " 1\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> QrelsReader.read(file, 64));
        assertEquals(true, e.getMessage().startsWith(file + " line 2: longer than the limit of 64 bytes"),
                e.getMessage());
    }

    @Test
    void numericJsonIdsAreKeptAsWritten() throws Exception {
        assertEquals(List.of(new Topic("7", "x"), new Topic("1.50", "y")),
                TopicsReader.read(write("q.jsonl", "{\"_id\":7,\"text\":\"x\"}\n{\"_id\":1.50,\"text\":\"y\"}\n")));
    }

    @Test
    void qrelsInTrecFormat() throws Exception {
        Qrels qrels = QrelsReader.read(write("qrels.txt", "q1 0 d1 2\nq1 Q0 d2 0\nq2\t0\td3\t1\n"));
        assertEquals(Map.of("d1", 2, "d2", 0), qrels.of("q1"));
        assertEquals(Map.of("d3", 1), qrels.of("q2"));
        assertEquals(3, qrels.judgementCount());
    }

    @Test
    void qrelsInBeirTsvWithHeader() throws Exception {
        Qrels qrels = QrelsReader.read(write("test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n"));
        assertEquals(Map.of("d1", 1), qrels.of("q1"));
    }

    @Test
    void beirQrelsLineWithFourColumnsIsRejected() throws Exception {
        Path file = write("test.tsv", "query-id\tcorpus-id\tscore\nq1\t0\td1\t1\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> QrelsReader.read(file));
        assertEquals(file + " line 2: expected 3 tab-separated columns (query-id corpus-id score), found 4",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`q1 0 d1 1\nq1 0 d2\n`    | line 2: expected 4 whitespace-separated columns (qid iteration docid grade), found 3",
        "`q1 0 d1 high\n`          | line 1: relevance grade 'high' is not an integer",
        "`q1 0 d1 1\nq1 0 d1 2\n`  | line 2: document 'd1' is judged twice for query 'q1' (first at line 1)"})
    void malformedQrelsNameFileLineAndProblem(String content, String problem) throws Exception {
        Path file = write("qrels.txt", content.replace("\\n", "\n"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> QrelsReader.read(file));
        assertEquals(file + " " + problem, e.getMessage());
    }

    @Test
    void runRoundTripsThroughWriterAndReader() throws Exception {
        SequencedMap<String, List<RankedDocument>> rankings = new LinkedHashMap<>();
        rankings.put("q1", List.of(new RankedDocument("d1", 2.5f), new RankedDocument("d2", 0.1f)));
        rankings.put("q2", List.of(new RankedDocument("d3", 1e-7)));
        Run run = new Run(rankings);
        Path file = dir.resolve("runs/bm25.run");
        RunWriter.write(file, run, "bm25");
        assertEquals(List.of("q1 Q0 d1 1 2.5 bm25", "q1 Q0 d2 2 0.1 bm25", "q2 Q0 d3 1 1.0E-7 bm25"),
                Files.readAllLines(file));
        // Scores come back as the shortest decimals of the floats: equal as floats, same order.
        Run read = RunReader.read(file);
        assertEquals(run.rankings().keySet(), read.rankings().keySet());
        for (String query : run.rankings().keySet()) {
            assertEquals(run.of(query).stream().map(d -> d.docId() + "=" + (float) d.score()).toList(),
                    read.of(query).stream().map(d -> d.docId() + "=" + (float) d.score()).toList());
        }
        assertEquals(List.of("bm25.run"), Files.list(file.getParent()).map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`q1 Q0 d1 1 2.0\n`                       | line 1: expected 6 whitespace-separated columns (qid Q0 docid rank score tag), found 5",
        "`q1 Q0 d1 1 high t\n`                    | line 1: score 'high' is not a number",
        "`q1 Q0 d1 1 NaN t\n`                     | line 1: score 'NaN' is not finite",
        "`q1 Q0 d1 1 2.0 t\nq1 Q0 d1 2 1.0 t\n`   | line 2: document 'd1' is retrieved twice for query 'q1'"})
    void malformedRunsNameFileLineAndProblem(String content, String problem) throws Exception {
        Path file = write("r.run", content.replace("\\n", "\n"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> RunReader.read(file));
        assertEquals(file + " " + problem, e.getMessage());
    }

    @Test
    void invalidUtf8InQrelsNamesTheLine() throws Exception {
        Path file = Files.write(dir.resolve("qrels.txt"), new byte[] {'q', ' ', '0', ' ', (byte) 0xFF, ' ', '1', '\n'});
        InputFormatException e = assertThrows(InputFormatException.class, () -> QrelsReader.read(file));
        assertEquals(file + " line 1: invalid UTF-8 at byte 5 of the line (bytes 0xff); expected a UTF-8 encoded file",
                e.getMessage());
    }
}
