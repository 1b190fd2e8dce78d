package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;

/// `results.json` as values: a record survives JSON and a file, today's file (the fixture
/// `formats/experiment-results-v1.json`, written by [ExperimentReport]) reads, one without
/// `format_version` reads as version 1, and bad files are refused naming the file and the member.
class ExperimentResultsCodecTest {

    @TempDir
    Path temp;

    private static ExperimentResults results() {
        Map<String, ExperimentResults.Cell> cells = new LinkedHashMap<>();
        cells.put("ko", new ExperimentResults.Cell(0.8, 0.4, 0.2, 40, 0, 1, "/out/runs/ko/sembridge-a4",
                "/out/indexes/ko/sembridge-a4", true, false, 1.5));
        cells.put("zh", new ExperimentResults.Cell(0.6, 0.3, 0.15, 40, 2, 0, null, "/out/indexes/zh/bm25", false,
                true, 0.25));
        ExperimentResults.Row sembridge = new ExperimentResults.Row("sembridge-a4", "sembridge", 4.0, "SemBridge α=4",
                cells, new ExperimentResults.Average(0.7, 0.35, null));
        ExperimentResults.Row bm25 = new ExperimentResults.Row("bm25", "bm25", null, "BM25", Map.of(),
                new ExperimentResults.Average(null, null, null));
        ExperimentResults.Row reference = new ExperimentResults.Row("base", "base", null, "source encoder",
                Map.of("en", new ExperimentResults.Cell(0.96, 0.5, 0.4, 10, 0, 0, null, "/out/indexes/en/base", false,
                        false, 3)), null);
        JsonObject provenance = JsonParser.parseString("{\"engine\": {\"version\": \"development\"}}").getAsJsonObject();
        return new ExperimentResults(1, "/experiments/demo.json", "/out", "nDCG@10",
                new ExperimentResults.Settings("/models/splade", null, "index", "cpu", 9_007_199_254_740_993L, 100,
                        1024),
                List.of("ko", "zh"), List.of(sembridge, bm25),
                Optional.of(new ExperimentResults.Reference("en", List.of(reference))), provenance);
    }

    @Test
    void resultsSurviveJson() throws Exception {
        ExperimentResults results = results();
        JsonObject json = ExperimentResultsCodec.toJson(results);
        assertEquals(results, ExperimentResultsCodec.fromJson(JsonParser.parseString(json.toString()).getAsJsonObject(),
                "results.json"));
    }

    @Test
    void resultsSurviveAFile() throws Exception {
        Path file = temp.resolve(ExperimentReport.JSON_FILE);
        ExperimentResultsCodec.write(results(), file);
        assertEquals(results(), ExperimentResultsCodec.read(file));
        assertTrue(Files.readString(file).contains("\"bridge\": null"), "null members are kept as before");
    }

    @Test
    void todaysResultsFileReads() throws Exception {
        ExperimentResults read = ExperimentResultsCodec.read(fixture());

        assertEquals(1, read.formatVersion());
        assertEquals(Path.of("/experiments/demo.json").toString(), read.config());
        assertEquals("nDCG@10", read.metric());
        assertEquals(new ExperimentResults.Settings("/models/splade", "/models/bridge", "index", "cpu", 42, 100, 1024),
                read.settings());
        assertEquals(List.of("ko", "zh"), read.languages());
        assertEquals(List.of("base", "sembridge-a4", "bm25"), read.rows().stream().map(ExperimentResults.Row::id)
                .toList());
        ExperimentResults.Row sembridge = read.rows().get(1);
        assertEquals(4.0, sembridge.alpha());
        assertNull(read.rows().get(0).alpha());
        ExperimentResults.Cell ko = sembridge.cells().get("ko");
        assertEquals(0.8, ko.ndcgAt10());
        assertEquals(0.4, ko.recallAt100());
        assertEquals(0.2, ko.mrrAt10());
        assertEquals(40, ko.queries());
        assertEquals(1.5, ko.seconds());
        assertTrue(ko.run().endsWith("sembridge-a4"), ko.run());
        assertNull(read.rows().get(2).cells().get("ko").run());
        assertEquals(0.35, sembridge.average().recallAt100(), 1e-12);
        assertEquals("en", read.reference().orElseThrow().language());
        assertEquals(0.96, read.reference().orElseThrow().rows().get(0).cells().get("en").ndcgAt10());
        assertNull(read.reference().orElseThrow().rows().get(0).average());
        assertEquals("cpu()", read.provenance().getAsJsonObject("device").get("name").getAsString());
    }

    @Test
    void todaysResultsFileIsWrittenAgainUnchanged() throws Exception {
        JsonObject today = JsonParser.parseString(Files.readString(fixture())).getAsJsonObject();
        assertEquals(today, ExperimentResultsCodec.toJson(ExperimentResultsCodec.fromJson(today, "fixture")));
    }

    @Test
    void aResultsFileWithoutFormatVersionReadsAsVersionOne() throws Exception {
        JsonObject today = JsonParser.parseString(Files.readString(fixture())).getAsJsonObject();
        today.remove("format_version");
        assertEquals(1, ExperimentResultsCodec.fromJson(today, "old.json").formatVersion());
    }

    @Test
    void aNewerResultsFileIsRefusedNamingTheFile() throws Exception {
        Path file = temp.resolve("results.json");
        JsonObject json = ExperimentResultsCodec.toJson(results());
        json.addProperty("format_version", 2);
        Files.writeString(file, json.toString());
        InputFormatException error = assertThrows(InputFormatException.class, () -> ExperimentResultsCodec.read(file));
        assertTrue(error.getMessage().startsWith(file + ": experiment results format version 2 is newer"),
                error.getMessage());
    }

    @Test
    void aCellOfTheWrongTypeIsRefusedNamingTheFileAndTheMember() throws Exception {
        Path file = temp.resolve("results.json");
        JsonObject json = ExperimentResultsCodec.toJson(results());
        json.getAsJsonArray("rows").get(0).getAsJsonObject().getAsJsonObject("cells").getAsJsonObject("zh")
                .addProperty("ndcg@10", "high");
        Files.writeString(file, json.toString());
        InputFormatException error = assertThrows(InputFormatException.class, () -> ExperimentResultsCodec.read(file));
        assertEquals(file + ": field \"rows[0].cells.zh.ndcg@10\" must be a number, found a string (\"high\")",
                error.getMessage());
    }

    @Test
    void aMissingMemberIsRefusedNamingIt() {
        JsonObject json = ExperimentResultsCodec.toJson(results());
        json.getAsJsonObject("settings").remove("seed");
        InputFormatException error = assertThrows(InputFormatException.class,
                () -> ExperimentResultsCodec.fromJson(json, "results.json"));
        assertEquals("results.json: field \"settings.seed\" is missing; expected a whole number", error.getMessage());
    }

    @Test
    void anotherFormatIsRefused() {
        JsonObject json = ExperimentResultsCodec.toJson(results());
        json.addProperty("format", "sembridge-run");
        InputFormatException error = assertThrows(InputFormatException.class,
                () -> ExperimentResultsCodec.fromJson(json, "results.json"));
        assertTrue(error.getMessage().startsWith("results.json: field \"format\" is \"sembridge-run\""),
                error.getMessage());
    }

    private Path fixture() throws Exception {
        Path file = temp.resolve("experiment-results-v1.json");
        try (InputStream in = getClass().getResourceAsStream("/formats/experiment-results-v1.json")) {
            Files.copy(in, file);
        }
        return file;
    }
}
