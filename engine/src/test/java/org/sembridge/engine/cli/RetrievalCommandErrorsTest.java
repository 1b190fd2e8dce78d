package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.progress.CancellationToken;

/// Bad input through the retrieval commands: each ends with its documented exit code and exactly
/// one line on stderr that names what is wrong and where.
class RetrievalCommandErrorsTest {

    @TempDir
    static Path temp;

    static Path index;

    @BeforeAll
    static void buildIndex() {
        index = temp.resolve("en-index");
        SampleData.indexEnglishDemo(index);
    }

    @Test
    void blankQueryIsAnInputError() {
        CliRun run = CliRun.of("search", "--index", index.toString(), "--query", "  ", "--device", "cpu");
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, "query is empty");
    }

    @Test
    void queryOfOnlyStopWordsIsAnInputError() {
        CliRun run = CliRun.of("search", "--index", index.toString(), "--query", "the and of", "--device", "cpu");
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, "is empty");
    }

    @Test
    void folderWithoutAnIndexIsAnInputErrorNamingIt() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(folder.resolve("notes.txt"), "not an index");
        CliRun run = CliRun.of("search", "--index", folder.toString(), "--query", "pillow", "--device", "cpu");
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, folder.toString());
    }

    @Test
    void missingIndexFolderIsAnInputError() {
        Path folder = temp.resolve("no-such-index");
        CliRun run = CliRun.of("eval", "--index", folder.toString(), "--queries",
                SampleData.demo("en").resolve("queries.tsv").toString(), "--qrels",
                SampleData.demo("en").resolve("qrels.txt").toString());
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, folder.toString());
    }

    @Test
    void queriesFromAnotherModelAreRefusedNamingBothFingerprints() throws Exception {
        Path other = temp.resolve("other-model");
        Files.createDirectories(other);
        try (var files = Files.list(SampleData.englishModel())) {
            for (Path file : files.toList()) {
                Files.copy(file, other.resolve(file.getFileName()));
            }
        }
        // Same weights, one more byte of configuration: another content fingerprint.
        Files.writeString(other.resolve("config.json"), "\n", StandardOpenOption.APPEND);
        CliRun run = CliRun.of("search", "--index", index.toString(), "--query", "pillow", "--model", other.toString(),
                "--device", "cpu");
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, "fingerprint");
        assertEquals(2, run.err().split("sha256:", -1).length - 1, run.err());
    }

    @Test
    void duplicateDocumentIdIsAnInputErrorNamingFileAndLine() throws Exception {
        Path corpus = Files.writeString(temp.resolve("duplicate.jsonl"), """
                {"id": "a", "text": "the cat sat on the mat"}
                {"id": "b", "text": "a dog in the house"}
                {"id": "a", "text": "another cat"}
                """);
        Path target = temp.resolve("duplicate-index");
        CliRun run = index(corpus, target);
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, "duplicate.jsonl");
        assertTrue(run.err().contains("3") && run.err().contains("'a'"), run.err());
        assertFalse(Files.exists(target), "nothing is published");
    }

    @Test
    void invalidUtf8CorpusIsAnInputErrorNamingFileAndLine() throws Exception {
        byte[] good = "{\"id\": \"a\", \"text\": \"the cat\"}\n{\"id\": \"b\", \"text\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28};
        byte[] end = "\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[good.length + bad.length + end.length];
        System.arraycopy(good, 0, content, 0, good.length);
        System.arraycopy(bad, 0, content, good.length, bad.length);
        System.arraycopy(end, 0, content, good.length + bad.length, end.length);
        Path corpus = Files.write(temp.resolve("latin1.jsonl"), content);
        CliRun run = index(corpus, temp.resolve("utf8-index"));
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, "latin1.jsonl");
        assertTrue(run.err().contains("UTF-8") && run.err().contains("2"), run.err());
    }

    @Test
    void missingModelFolderIsAModelError() {
        Path model = temp.resolve("no-model");
        CliRun run = CliRun.of("index", "--model", model.toString(), "--corpus",
                SampleData.demo("en").resolve("corpus.jsonl").toString(), "--index", temp.resolve("x").toString(),
                "--device", "cpu");
        assertOneLineError(run, ExitCodes.MODEL_FORMAT, "no-model");
    }

    @Test
    void unknownBm25LanguageIsAnInputErrorListingTheSupportedOnes() {
        CliRun run = CliRun.of("index", "--model", SampleData.englishModel().toString(), "--corpus",
                SampleData.demo("en").resolve("corpus.jsonl").toString(), "--index", temp.resolve("y").toString(),
                "--bm25-language", "fr", "--device", "cpu");
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, "ko");
    }

    @Test
    void bm25OnAnIndexWithoutBm25FieldIsAnInputError() {
        Path plain = temp.resolve("plain-index");
        CliRun built = CliRun.of("index", "--model", SampleData.englishModel().toString(), "--corpus",
                SampleData.demo("en").resolve("corpus.jsonl").toString(), "--index", plain.toString(), "--device", "cpu");
        assertEquals(ExitCodes.OK, built.exitCode(), built.err());
        CliRun run = CliRun.of("search", "--index", plain.toString(), "--query", "pillow", "--bm25", "--device", "cpu");
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, "BM25");
    }

    @Test
    void zeroHitsIsAUsageError() {
        CliRun run = CliRun.of("search", "--index", index.toString(), "--query", "pillow", "--k", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    }

    @Test
    void queriesWithOpenSearchIsAUsageError() {
        CliRun run = CliRun.of("export", "--index", index.toString(), "--format", "opensearch", "--out",
                temp.resolve("os").toString(), "--queries", SampleData.demo("en").resolve("queries.tsv").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    }

    @Test
    void exportWithAMissingQueryModelWritesNothing() {
        Path out = temp.resolve("anserini-without-model");
        Path model = temp.resolve("no-query-model");
        CliRun run = CliRun.of("export", "--index", index.toString(), "--format", "anserini", "--out", out.toString(),
                "--queries", SampleData.demo("en").resolve("queries.tsv").toString(), "--model", model.toString(),
                "--device", "cpu");
        assertOneLineError(run, ExitCodes.MODEL_FORMAT, "no-query-model");
        assertFalse(Files.exists(out), "the document vectors are not written before the queries are encoded");
    }

    @Test
    void cancelledIndexingExitsWith12AndPublishesNothing() {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        Path target = temp.resolve("cancelled-index");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SemBridgeCli.run(new String[] {"index", "--model", SampleData.englishModel().toString(),
            "--corpus", SampleData.demo("en").resolve("corpus.jsonl").toString(), "--index", target.toString(),
            "--device", "cpu"}, new PrintWriter(out, true), new PrintWriter(err, true), cancel);
        assertEquals(ExitCodes.CANCELLED, code, err.toString());
        assertFalse(Files.exists(target));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertEquals(0, SampleData.list(temp).stream().filter(name -> name.contains("cancelled-index")).count(),
                "no staging folder is left: " + SampleData.list(temp));
    }

    @Test
    void emptyQueriesFileIsAnInputErrorNotAScoreOfZero() throws Exception {
        Path queries = Files.writeString(temp.resolve("empty-queries.tsv"), "");
        CliRun run = CliRun.of("eval", "--index", index.toString(), "--queries", queries.toString(), "--qrels",
                SampleData.demo("en").resolve("qrels.txt").toString(), "--device", "cpu");
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, queries + ": holds no queries");
    }

    @Test
    void emptyQrelsFileIsAnInputErrorNotAScoreOfZero() throws Exception {
        Path qrels = Files.writeString(temp.resolve("empty-qrels.txt"), "\n");
        CliRun run = CliRun.of("eval", "--index", index.toString(), "--queries",
                SampleData.demo("en").resolve("queries.tsv").toString(), "--qrels", qrels.toString(), "--device", "cpu");
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, qrels + ": holds no relevance judgements");
    }

    @Test
    void documentOverTheLineLimitIsAnInputErrorAndLeavesNoStagingFolder() throws Exception {
        Path corpus = Files.writeString(temp.resolve("long-doc.jsonl"), "{\"id\": \"a\", \"text\": \"the cat\"}\n"
                + "{\"id\": \"b\", \"text\": \"" + "word ".repeat(300_000) + "\"}\n");
        Path target = temp.resolve("long-doc-index");
        CliRun run = index(corpus, target);
        assertOneLineError(run, ExitCodes.INPUT_FORMAT, corpus + " line 2: longer than the limit of 1 MiB");
        assertFalse(Files.exists(target));
        assertEquals(0, SampleData.list(temp).stream().filter(name -> name.contains("long-doc-index")).count(),
                "no staging folder is left: " + SampleData.list(temp));
    }

    @Test
    void raisedLineLimitAcceptsTheLongDocument() throws Exception {
        Path corpus = Files.writeString(temp.resolve("long-ok.jsonl"), "{\"id\": 7, \"text\": \""
                + "word ".repeat(300_000) + "\"}\n");
        Path target = temp.resolve("long-ok-index");
        CliRun run = CliRun.of("index", "--model", SampleData.englishModel().toString(), "--corpus", corpus.toString(),
                "--index", target.toString(), "--device", "cpu", "--max-line-mib", "2");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("indexed 1 documents"), run.out());
    }

    @Test
    void lineLimitOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("index", "--model", SampleData.englishModel().toString(), "--corpus",
                SampleData.demo("en").resolve("corpus.jsonl").toString(), "--index", temp.resolve("z").toString(),
                "--max-line-mib", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--max-line-mib must be in [1, 1024], found 0"), run.err());
    }

    private static CliRun index(Path corpus, Path target) {
        return CliRun.of("index", "--model", SampleData.englishModel().toString(), "--corpus", corpus.toString(),
                "--index", target.toString(), "--device", "cpu");
    }

    private static void assertOneLineError(CliRun run, int exitCode, String mentioned) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains(mentioned), run.err());
    }
}
