package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.cli.SemBridgeCli;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.provenance.CacheRoot;
import org.sembridge.engine.provenance.ContentHash;

/// A small experiment end to end on the sample models: Hindi, with `base`, `sembridge` (alpha 4)
/// and `random`. One run in [#runOnce()] is shared by the assertions; a second invocation through
/// the command line checks that everything is reused.
class ExperimentRunnerTest {

    private static final String LANGUAGE = "hi";
    private static final ExperimentMethod BASE = ExperimentMethod.named("base");
    private static final ExperimentMethod SEMBRIDGE = ExperimentMethod.semBridge(4);
    private static final ExperimentMethod RANDOM = ExperimentMethod.named("random");

    @TempDir
    static Path shared;

    private static Path configFile;
    private static Path out;
    private static ExperimentResult result;
    private static final List<String> STAGES = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void runOnce() throws Exception {
        configFile = ExperimentFixtures.write(shared, "hi.json",
                ExperimentFixtures.sampleConfig(List.of("base", "sembridge", "random"), List.of(LANGUAGE)));
        out = shared.resolve("out");
        result = runner().run(ExperimentConfig.read(configFile), out, ReusePolicy.REUSE_MATCHING,
                (stage, done, total) -> STAGES.add(stage), CancellationToken.create());
        result.cells().forEach(cell -> System.out.printf(Locale.ROOT, "experiment %s %s: nDCG@10 %.4f in %.1f s%n",
                cell.language(), cell.method().id(), cell.scores().ndcgAt10(), cell.seconds()));
    }

    /// A runner whose bridge-vector cache lives under the shared folder (the layout `--cache` uses).
    private static ExperimentRunner runner() {
        Path cache = shared.resolve("cache");
        ContentHash hashes = ContentHash.withMemo(cache.resolve(CacheRoot.FILE_HASHES));
        return new ExperimentRunner(new BridgeVectorStore(cache.resolve(CacheRoot.BRIDGE_VECTORS), hashes), hashes);
    }

    @Test
    void tableHasOneRowPerMethodAndTheLanguagePlusAverage() throws Exception {
        List<String> markdown = Files.readAllLines(out.resolve(ExperimentReport.MARKDOWN_FILE), StandardCharsets.UTF_8);
        assertEquals("| Method | hi | Avg |", markdown.get(0));
        assertTrue(markdown.get(2).startsWith("| Base (no transfer) | "), markdown.get(2));
        assertTrue(markdown.get(3).startsWith("| SemBridge (α=4) | "), markdown.get(3));
        assertTrue(markdown.get(4).startsWith("| Random | "), markdown.get(4));
        assertEquals("", markdown.get(5));
        List<String> csv = Files.readAllLines(out.resolve(ExperimentReport.CSV_FILE), StandardCharsets.UTF_8);
        assertEquals(List.of("method,label,hi,avg", "base", "sembridge-a4", "random"),
                csv.stream().map(line -> line.startsWith("method") ? line : line.substring(0, line.indexOf(',')))
                        .toList());
        assertEquals(3, result.cells().size());
    }

    @Test
    void semBridgeBeatsRandomAndBase() {
        double semBridge = ndcg(SEMBRIDGE);
        assertTrue(semBridge > ndcg(RANDOM), "SemBridge " + semBridge + " vs random " + ndcg(RANDOM));
        assertTrue(semBridge > ndcg(BASE), "SemBridge " + semBridge + " vs base " + ndcg(BASE));
    }

    @Test
    void everyCellLeavesItsRunIndexAndRecord() {
        for (ExperimentCell cell : result.cells()) {
            assertTrue(Files.isDirectory(cell.indexFolder()), cell.indexFolder().toString());
            assertTrue(Files.isRegularFile(out.resolve("cells").resolve(LANGUAGE).resolve(cell.method().id() + ".json")));
            assertEquals(cell.method().transfers(), cell.runFolder().isPresent(), cell.method().id());
            cell.runFolder().ifPresent(run -> assertTrue(Files.isRegularFile(run.resolve("run.json")), run.toString()));
            assertFalse(cell.runReused() || cell.scoresReused(), "first invocation computes everything");
        }
        assertTrue(Files.isRegularFile(out.resolve(ExperimentReport.JSON_FILE)));
    }

    @Test
    void progressNamesEveryCell() {
        for (String cell : List.of("[1/3 hi base] ", "[2/3 hi sembridge-a4] ", "[3/3 hi random] ")) {
            assertTrue(STAGES.stream().anyMatch(stage -> stage.startsWith(cell)), cell + " in " + STAGES.size()
                    + " stages");
        }
    }

    @Test
    void secondInvocationThroughTheCliReusesEveryRunAndScore() {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = SemBridgeCli.run(new String[] {"experiment", "--config", configFile.toString(), "--out",
            out.toString(), "--cache", shared.resolve("cache").toString(), "--json"}, new PrintWriter(stdout, true),
                new PrintWriter(stderr, true));
        assertEquals(0, code, stderr.toString());
        JsonObject json = JsonParser.parseString(stdout.toString()).getAsJsonObject();
        for (JsonElement row : json.getAsJsonArray("rows")) {
            JsonObject cell = row.getAsJsonObject().getAsJsonObject("cells").getAsJsonObject(LANGUAGE);
            String id = row.getAsJsonObject().get("id").getAsString();
            assertTrue(cell.get("scores_reused").getAsBoolean(), id);
            assertEquals(!id.equals("base"), cell.get("run_reused").getAsBoolean(), id);
            ExperimentMethod method = result.config().methods().stream().filter(m -> m.id().equals(id)).findFirst()
                    .orElseThrow();
            assertEquals(ndcg(method), cell.get("ndcg@10").getAsDouble(), id);
        }
    }

    @Test
    void cancelledExperimentWritesNoTable() throws Exception {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        Path folder = shared.resolve("cancelled");
        assertThrows(OperationCancelledException.class, () -> runner().run(ExperimentConfig.read(configFile), folder,
                ReusePolicy.REUSE_MATCHING, (stage, done, total) -> { }, cancel));
        assertFalse(Files.exists(folder.resolve(ExperimentReport.MARKDOWN_FILE)));
    }

    @Test
    void unrelatedOutputFolderIsRefused() throws Exception {
        Path folder = shared.resolve("documents");
        ExperimentFixtures.write(folder, "notes.txt", "mine");
        InputFormatException e = assertThrows(InputFormatException.class, () -> runner().run(
                ExperimentConfig.read(configFile), folder, ReusePolicy.REUSE_MATCHING, (stage, done, total) -> { },
                CancellationToken.create()));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals(List.of("notes.txt"), List.of(folder.toFile().list()));
    }

    private static double ndcg(ExperimentMethod method) {
        return result.cell(LANGUAGE, method).orElseThrow().scores().ndcgAt10();
    }
}
