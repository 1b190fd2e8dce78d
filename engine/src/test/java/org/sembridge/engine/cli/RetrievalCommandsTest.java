package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `index`, `search`, `eval` and `export` on the English demo collection with the English sample
/// encoder: output shapes (text and one JSON document), files written, and the defaults (the
/// query model is the one recorded in the index).
class RetrievalCommandsTest {

    @TempDir
    static Path temp;

    static Path index;
    static JsonObject indexReport;

    @BeforeAll
    static void buildIndex() {
        index = temp.resolve("en-index");
        indexReport = json(SampleData.indexEnglishDemo(index));
    }

    @Test
    void indexReportsDocumentsPostingsAndFingerprint() {
        assertEquals(204, indexReport.get("documents").getAsInt());
        assertTrue(indexReport.get("postings").getAsLong() > 204, indexReport.toString());
        assertTrue(indexReport.get("fingerprint").getAsString().matches("sha256:[0-9a-f]{64}"));
        assertEquals("en", indexReport.get("bm25_language").getAsString());
        assertEquals(SampleData.englishModel().toAbsolutePath().normalize().toString(),
                indexReport.get("model").getAsString());
    }

    @Test
    void indexPrintsProgressOnStderr() {
        CliRun run = CliRun.of("index", "--model", SampleData.englishModel().toString(), "--corpus",
                SampleData.demo("en").resolve("corpus.jsonl").toString(), "--index", temp.resolve("progress").toString(),
                "--device", "cpu", "--batch", "64");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("indexing corpus.jsonl: 100%"), run.err());
        assertTrue(run.out().startsWith("indexed 204 documents"), run.out());
    }

    @Test
    void indexInfoListsTokensByDocumentFrequencyAndTheirPostings() {
        CliRun tokens = CliRun.of("index-info", "--index", index.toString(), "--top", "5", "--json");
        assertEquals(ExitCodes.OK, tokens.exitCode(), tokens.err());
        JsonObject info = json(tokens);
        assertEquals(204, info.get("documents").getAsInt());
        JsonArray top = info.getAsJsonArray("tokens");
        assertEquals(5, top.size());
        int previous = Integer.MAX_VALUE;
        for (JsonElement element : top) {
            JsonObject token = element.getAsJsonObject();
            int frequency = token.get("document_frequency").getAsInt();
            assertTrue(frequency <= previous, info.toString());
            previous = frequency;
            assertTrue(token.get("min_weight").getAsDouble() <= token.get("mean_weight").getAsDouble()
                    && token.get("mean_weight").getAsDouble() <= token.get("max_weight").getAsDouble(), token.toString());
        }
        String first = top.get(0).getAsJsonObject().get("token").getAsString();
        CliRun postings = CliRun.of("index-info", "--index", index.toString(), "--token", first, "--top", "3",
                "--json");
        assertEquals(ExitCodes.OK, postings.exitCode(), postings.err());
        JsonObject list = json(postings);
        assertEquals(top.get(0).getAsJsonObject().get("document_frequency").getAsInt(),
                list.get("document_frequency").getAsInt());
        JsonObject heaviest = list.getAsJsonArray("postings").get(0).getAsJsonObject();
        assertEquals(top.get(0).getAsJsonObject().get("max_weight").getAsFloat(),
                heaviest.get("exact_weight").getAsFloat());
        CliRun document = CliRun.of("index-info", "--index", index.toString(), "--doc",
                heaviest.get("doc_id").getAsString());
        assertEquals(ExitCodes.OK, document.exitCode(), document.err());
        assertTrue(document.out().startsWith("document " + heaviest.get("doc_id").getAsString()), document.out());
        assertTrue(document.out().contains(first), document.out());
    }

    @Test
    void indexInfoNamesATokenTheIndexLacks() {
        CliRun run = CliRun.of("index-info", "--index", index.toString(), "--token", "no-such-token");
        assertEquals(ExitCodes.INPUT_FORMAT, run.exitCode(), run.err());
        assertTrue(run.err().contains("token 'no-such-token' is in no document of index"), run.err());
    }

    @Test
    void searchJsonListsRankedHitsWithTitlesAndSnippets() {
        JsonObject result = json(search("--query", "restroom and pillow", "--json"));
        JsonArray hits = result.getAsJsonArray("hits");
        // The sample encoder's vectors are short (4-6 tokens), so a query matches only a few documents.
        assertTrue(hits.size() >= 3 && hits.size() <= 10, result.toString());
        float previous = Float.MAX_VALUE;
        for (int i = 0; i < hits.size(); i++) {
            JsonObject hit = hits.get(i).getAsJsonObject();
            assertEquals(i + 1, hit.get("rank").getAsInt());
            float score = hit.get("score").getAsFloat();
            assertTrue(score > 0 && score <= previous, result.toString());
            previous = score;
            assertFalse(hit.get("title").getAsString().isEmpty());
            assertFalse(hit.get("snippet").getAsString().isEmpty());
        }
        assertEquals("encoder", result.get("weighting").getAsString());
    }

    @Test
    void searchTopHitIsAFullyRelevantDocument() {
        // qrels: q01 "restroom and pillow" -> d006 and d039 have grade 2.
        String top = json(search("--query", "restroom and pillow", "--json")).getAsJsonArray("hits").get(0)
                .getAsJsonObject().get("id").getAsString();
        assertTrue(List.of("d006", "d039").contains(top), top);
    }

    @Test
    void explainedContributionsSumToTheHitScore() {
        JsonArray hits = json(search("--query", "couch seat", "--explain", "--json")).getAsJsonArray("hits");
        for (JsonElement element : hits) {
            JsonObject hit = element.getAsJsonObject();
            JsonObject explanation = hit.getAsJsonObject("explanation");
            double indexed = 0;
            for (JsonElement token : explanation.getAsJsonArray("tokens")) {
                JsonObject t = token.getAsJsonObject();
                indexed += t.get("indexed_contribution").getAsDouble();
                assertTrue(t.get("indexed_document_weight").getAsFloat() <= t.get("exact_document_weight").getAsFloat());
            }
            float score = hit.get("score").getAsFloat();
            assertEquals(score, indexed, 1e-5 * score, hit.toString());
            assertTrue(explanation.get("exact_score").getAsDouble() >= explanation.get("lucene_score").getAsDouble()
                    * (1 - 1e-6), hit.toString());
        }
    }

    @Test
    void explainTextShowsTokenTableAndSums() {
        CliRun run = search("--query", "couch seat", "--explain", "--k", "3");
        assertTrue(run.out().contains("exact doc w"), run.out());
        assertTrue(run.out().contains("sum: exact"), run.out());
    }

    @Test
    void bm25RankingComesWithTheSparseOne() {
        JsonObject result = json(search("--query", "key, chamber and candle", "--bm25", "--json"));
        JsonObject bm25 = result.getAsJsonObject("bm25");
        assertEquals("en", bm25.get("language").getAsString());
        assertTrue(bm25.getAsJsonArray("hits").size() > 0);
        assertTrue(bm25.getAsJsonArray("terms").size() >= 3, bm25.toString());
        CliRun text = search("--query", "key, chamber and candle", "--bm25");
        assertTrue(text.out().contains("BM25 (en analyzer"), text.out());
    }

    @Test
    void inferenceFreeQueriesHaveUnitWeights() {
        JsonObject result = json(search("--query", "couch seat", "--inference-free", "--json"));
        assertEquals("inference_free", result.get("weighting").getAsString());
        for (JsonElement weight : result.getAsJsonArray("query_weights")) {
            assertEquals(1.0f, weight.getAsJsonObject().get("weight").getAsFloat());
        }
    }

    @Test
    void evalJsonReportsMeansPerQueryFiguresAndCoverage() throws Exception {
        Path runFile = temp.resolve("runs").resolve("sparse.txt");
        Files.createDirectories(runFile.getParent());
        JsonObject report = json(CliRun.of("eval", "--index", index.toString(), "--queries",
                SampleData.demo("en").resolve("queries.tsv").toString(), "--qrels",
                SampleData.demo("en").resolve("qrels.txt").toString(), "--run", runFile.toString(), "--device", "cpu",
                "--json"));
        assertEquals(40, report.get("queries").getAsInt());
        assertEquals(40, report.getAsJsonArray("per_query").size());
        assertEquals(0, report.get("unknown_queries").getAsInt());
        assertEquals(0, report.get("unknown_documents").getAsInt());
        for (String metric : List.of("ndcg@10", "recall@100", "mrr@10")) {
            double value = report.get(metric).getAsDouble();
            assertTrue(value > 0 && value <= 1, metric + " " + value);
        }
        List<String> lines = Files.readAllLines(runFile);
        assertTrue(lines.getFirst().matches("q01 Q0 d\\d+ 1 \\S+ sembridge-sparse"), lines.getFirst());
        assertTrue(lines.size() >= 40 && lines.size() <= 40 * 100, "lines: " + lines.size());
        assertEquals(List.of("sparse.txt"), SampleData.list(runFile.getParent()));
    }

    @Test
    void evalTextShowsBothColumnsWithBm25() {
        CliRun run = CliRun.of("eval", "--index", index.toString(), "--queries",
                SampleData.demo("en").resolve("queries.tsv").toString(), "--qrels",
                SampleData.demo("en").resolve("qrels.txt").toString(), "--bm25", "--device", "cpu");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("nDCG@10\\s+[0-9.]+\\s+[0-9.]+")), run.out());
    }

    @Test
    void anseriniExportWritesIntegerVectorsAndRepeatedQueryTokens() throws Exception {
        Path out = temp.resolve("anserini");
        CliRun run = CliRun.of("export", "--index", index.toString(), "--format", "anserini", "--out", out.toString(),
                "--queries", SampleData.demo("en").resolve("queries.tsv").toString(), "--device", "cpu", "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> documents = Files.readAllLines(out.resolve(ExportCommand.ANSERINI_DOCUMENTS));
        assertEquals(204, documents.size());
        JsonObject vector = JsonParser.parseString(documents.getFirst()).getAsJsonObject().getAsJsonObject("vector");
        for (var entry : vector.entrySet()) {
            assertTrue(entry.getValue().getAsJsonPrimitive().getAsString().matches("[1-9][0-9]*"), entry.toString());
        }
        List<String> queries = Files.readAllLines(out.resolve(ExportCommand.ANSERINI_QUERIES));
        assertEquals(40, queries.size());
        String[] tokens = queries.getFirst().split("\t")[1].split(" ");
        assertTrue(tokens.length > List.of(tokens).stream().distinct().count(),
                "weights ~1-2 x 100 repeat each token: " + queries.getFirst());
        assertEquals(204, json(run).get("documents").getAsInt());
    }

    @Test
    void openSearchExportWritesBulkPairsAndMapping() throws Exception {
        Path out = temp.resolve("opensearch");
        CliRun run = CliRun.of("export", "--index", index.toString(), "--format", "opensearch", "--out",
                out.toString(), "--index-name", "demo-en");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out.resolve(ExportCommand.OPENSEARCH_BULK));
        assertEquals(2 * 204, lines.size());
        JsonObject action = JsonParser.parseString(lines.getFirst()).getAsJsonObject().getAsJsonObject("index");
        assertEquals("demo-en", action.get("_index").getAsString());
        assertTrue(JsonParser.parseString(lines.get(1)).getAsJsonObject().getAsJsonObject("tokens").size() > 0);
        JsonObject mapping = JsonParser.parseString(Files.readString(out.resolve(ExportCommand.OPENSEARCH_MAPPING)))
                .getAsJsonObject();
        assertEquals("rank_features", mapping.getAsJsonObject("mappings").getAsJsonObject("properties")
                .getAsJsonObject("tokens").get("type").getAsString());
    }

    @Test
    void exportRefusesAFolderWithForeignFilesAndLeavesThemAlone() throws Exception {
        Path out = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(out.resolve(ExportCommand.ANSERINI_DOCUMENTS), "my own documents\n");
        CliRun run = CliRun.of("export", "--index", index.toString(), "--format", "anserini", "--out", out.toString());
        assertEquals(ExitCodes.INPUT_FORMAT, run.exitCode(), run.err());
        assertTrue(run.err().contains("refusing to replace " + out + ": it is not empty and is not a SemBridge export"),
                run.err());
        assertEquals("my own documents\n", Files.readString(out.resolve(ExportCommand.ANSERINI_DOCUMENTS)));
        assertEquals(List.of(), hiddenLeftovers("mine"));
    }

    @Test
    void exportReplacesAnEarlierExportAsAWholeLeavingNoStaleFile() throws Exception {
        Path out = temp.resolve("again");
        CliRun first = CliRun.of("export", "--index", index.toString(), "--format", "anserini", "--out",
                out.toString(), "--queries", SampleData.demo("en").resolve("queries.tsv").toString(), "--device", "cpu");
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertTrue(Files.isRegularFile(out.resolve(ExportCommand.ANSERINI_QUERIES)));
        CliRun second = CliRun.of("export", "--index", index.toString(), "--format", "opensearch", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, second.exitCode(), second.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of(".sembridge-output", ExportCommand.OPENSEARCH_BULK, ExportCommand.OPENSEARCH_MAPPING),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of(), hiddenLeftovers("again"));
    }

    private static List<Path> hiddenLeftovers(String name) throws Exception {
        try (var entries = Files.list(temp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("." + name + ".")).toList();
        }
    }

    private static CliRun search(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "search";
        args[1] = "--index";
        args[2] = index.toString();
        args[3] = "--device";
        args[4] = "cpu";
        System.arraycopy(options, 0, args, 5, options.length);
        CliRun run = CliRun.of(args);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return run;
    }

    static JsonObject json(CliRun run) {
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }
}
