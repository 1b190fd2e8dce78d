package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.provenance.ProvenanceRecorder;
import org.sembridge.engine.run.BiasMode;

/// The table formats on a hand-made result: two languages, three methods, a reference.
class ExperimentReportTest {

    private static final Path OUT = Path.of("/experiments/out").toAbsolutePath();
    private static final ExperimentMethod BASE = ExperimentMethod.named("base");
    private static final ExperimentMethod SEMBRIDGE = ExperimentMethod.semBridge(4);
    private static final ExperimentMethod BM25 = ExperimentMethod.named("bm25");

    @TempDir
    Path temp;

    private static ExperimentResult result() {
        RetrievalCollection collection = new RetrievalCollection(Path.of("c"), Path.of("q"), Path.of("r"),
                Optional.of(Bm25Language.KO));
        List<ExperimentLanguage> languages = List.of(new ExperimentLanguage("ko", Optional.of(Path.of("t")), collection),
                new ExperimentLanguage("zh", Optional.of(Path.of("t")), collection));
        ExperimentConfig config = new ExperimentConfig(Path.of("/experiments/demo.json"), Path.of("/models/splade"),
                Optional.of(Path.of("/models/bridge")), BiasMode.INDEX, DeviceChoice.CPU, 42,
                List.of(BASE, SEMBRIDGE, BM25), languages,
                Optional.of(new ExperimentLanguage("en", Optional.empty(), collection)));
        List<ExperimentCell> cells = new ArrayList<>();
        cells.add(cell("ko", BASE, 0.1, 40, 0));
        cells.add(cell("ko", SEMBRIDGE, 0.8, 0, 0));
        cells.add(cell("ko", BM25, 0.9, 0, 0));
        cells.add(cell("zh", BASE, 0.2, 0, 3));
        cells.add(cell("zh", SEMBRIDGE, 0.6, 0, 0));
        cells.add(cell("zh", BM25, 0.5, 0, 0));
        List<ExperimentCell> reference = List.of(cell("en", BASE, 0.96, 0, 0), cell("en", BM25, 0.8, 0, 0));
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
        return new ExperimentResult(config, OUT, cells, reference,
                ProvenanceRecorder.start("cpu()", "test", clock).finish());
    }

    private static ExperimentCell cell(String language, ExperimentMethod method, double ndcg, int empty,
            int truncated) {
        Optional<Path> run = method.transfers() ? Optional.of(OUT.resolve("runs").resolve(language)
                .resolve(method.id())) : Optional.empty();
        return new ExperimentCell(language, method, new RetrievalScores(ndcg, ndcg / 2, ndcg / 4, 40), empty,
                truncated, run, OUT.resolve("indexes").resolve(language).resolve(method.id()), false, false, 1.5);
    }

    @Test
    void markdownHasOneRowPerMethodAndOneColumnPerLanguagePlusAverage() {
        List<String> lines = new ExperimentReport(result()).markdown().lines().toList();
        assertEquals("| Method | ko | zh | Avg |", lines.get(0));
        assertEquals("|:---|---:|---:|---:|", lines.get(1));
        assertEquals("| Base (no transfer) | 0.100 | 0.200 | 0.150 |", lines.get(2));
        assertEquals("| SemBridge (α=4) | **0.800** | **0.600** | **0.700** |", lines.get(3));
        assertEquals("| BM25 | 0.900 | 0.500 | 0.700 |", lines.get(4), "BM25 is a reference: never bold");
        assertEquals("", lines.get(5));
    }

    @Test
    void markdownShowsTheReferenceAsASecondTable() {
        List<String> lines = new ExperimentReport(result()).markdown().lines().toList();
        assertEquals("| Reference: en (source language) | nDCG@10 | Recall@100 | MRR@10 |", lines.get(6));
        assertEquals("|:---|---:|---:|---:|", lines.get(7));
        assertEquals("| Source encoder | 0.960 | 0.480 | 0.240 |", lines.get(8));
        assertEquals("| BM25 | 0.800 | 0.400 | 0.200 |", lines.get(9));
        assertEquals("", lines.get(10));
    }

    @Test
    void markdownNotesNameEmptyAndCutQueries() {
        String markdown = new ExperimentReport(result()).markdown();
        assertTrue(markdown.contains("source splade, bridge bridge, decoder bias index, seed 42; 40 judged queries"),
                markdown);
        assertTrue(markdown.contains("largest weights only (Lucene's clause limit): Base (no transfer) zh 3/40."),
                markdown);
        assertTrue(markdown.contains("(scored 0): Base (no transfer) ko 40/40."), markdown);
    }

    @Test
    void csvHasIdsLabelsAndFourDecimals() {
        assertEquals("""
                method,label,ko,zh,avg
                base,Base (no transfer),0.1000,0.2000,0.1500
                sembridge-a4,SemBridge (α=4),0.8000,0.6000,0.7000
                bm25,BM25,0.9000,0.5000,0.7000
                """, new ExperimentReport(result()).csv());
    }

    @Test
    void jsonHoldsEveryMeasureAveragesAndTheReference() {
        JsonObject json = new ExperimentReport(result()).json();
        assertEquals(ExperimentReport.FORMAT, json.get("format").getAsString());
        JsonObject sembridge = json.getAsJsonArray("rows").get(1).getAsJsonObject();
        assertEquals("sembridge-a4", sembridge.get("id").getAsString());
        assertEquals(4.0, sembridge.get("alpha").getAsDouble());
        JsonObject ko = sembridge.getAsJsonObject("cells").getAsJsonObject("ko");
        assertEquals(0.8, ko.get("ndcg@10").getAsDouble());
        assertEquals(0.4, ko.get("recall@100").getAsDouble());
        assertEquals(0.2, ko.get("mrr@10").getAsDouble());
        assertEquals(OUT.resolve("runs/ko/sembridge-a4").toString(), ko.get("run").getAsString());
        assertEquals(0.35, sembridge.getAsJsonObject("average").get("recall@100").getAsDouble(), 1e-12);
        assertFalse(json.getAsJsonArray("rows").get(0).getAsJsonObject().has("alpha"));
        JsonObject reference = json.getAsJsonObject("reference");
        assertEquals("en", reference.get("language").getAsString());
        assertEquals(0.96, reference.getAsJsonArray("rows").get(0).getAsJsonObject().getAsJsonObject("cells")
                .getAsJsonObject("en").get("ndcg@10").getAsDouble());
        assertEquals("cpu()", json.getAsJsonObject("provenance").getAsJsonObject("device").get("name").getAsString());
    }

    @Test
    void writeToCreatesTheThreeFiles() throws Exception {
        ExperimentReport report = new ExperimentReport(result());
        report.writeTo(temp);
        assertEquals(report.markdown(), Files.readString(temp.resolve(ExperimentReport.MARKDOWN_FILE),
                StandardCharsets.UTF_8));
        assertEquals(report.csv(), Files.readString(temp.resolve(ExperimentReport.CSV_FILE), StandardCharsets.UTF_8));
        assertEquals(report.json().get("rows"), JsonParser.parseString(Files.readString(
                temp.resolve(ExperimentReport.JSON_FILE), StandardCharsets.UTF_8)).getAsJsonObject().get("rows"));
    }
}
