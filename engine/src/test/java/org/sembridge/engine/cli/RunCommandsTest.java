package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.run.RunManifest;
import org.sembridge.engine.run.TargetLanguage;
import org.sembridge.engine.run.TransferFixtures;

/// `init`, `inspect`, `compare` and `lexicon-eval` through the command line: output formats,
/// `--json` documents, one-line errors and exit codes.
class RunCommandsTest {

    @TempDir
    static Path shared;

    private static Path source;
    private static Path bridge;
    private static Path target;
    private static Path run;
    private static Result init;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SemBridgeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] initArgs(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("init", "--source", source.toString(), "--target-tokenizer",
                target.toString(), "--bridge", bridge.toString(), "--device", "cpu", "--cache",
                shared.resolve("cache").toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void initRun() throws Exception {
        source = TransferFixtures.source(shared, "source", "bert");
        bridge = TransferFixtures.bridge(shared);
        target = TransferFixtures.targetTokenizer(shared);
        run = shared.resolve("run");
        init = cli(initArgs(run, "--json"));
    }

    @Test
    void initPrintsOneJsonSummaryAndStageLines() throws Exception {
        assertEquals(ExitCodes.OK, init.exitCode(), init.err());
        JsonObject summary = JsonParser.parseString(init.out()).getAsJsonObject();
        assertEquals("sembridge", summary.get("method").getAsString());
        assertEquals(TransferFixtures.NEW_WORDS.size(), summary.get("new").getAsInt());
        assertTrue(init.err().contains("loading the source model"), init.err());
        assertTrue(init.err().contains("aligning target tokens: 100%"), init.err());
        // this run's stages are shorter than the estimate's 5 s floor, so its lines show no time
        // left (StderrProgressTest checks those lines on a clock); run.json still records each
        // long stage's figure
        JsonObject manifest = JsonParser.parseString(Files.readString(run.resolve("run.json"))).getAsJsonObject();
        assertTrue(manifest.getAsJsonObject("estimates_seconds").has("aligning target tokens"), manifest.toString());
    }

    @Test
    void initRecordsTheLanguageGivenWithLanguage() throws Exception {
        Path out = shared.resolve("language-run");
        Result result = cli(initArgs(out, "--method", "mean", "--language", "de"));

        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertEquals(Optional.of("de"), RunManifest.read(out.resolve("run.json"))
                .targetLanguage().map(TargetLanguage::code));
    }

    @Test
    void initTextSummaryListsCountsAndStageTimes() {
        Result result = cli(initArgs(shared.resolve("text-run"), "--method", "mean"));
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertTrue(result.out().contains("method mean on cpu()"), result.out());
        assertTrue(result.out().contains(" total"), result.out());
    }

    @Test
    void inspectJsonHoldsTheTokensRecord() {
        Result result = cli("inspect", "--run", run.toString(), "--token", "katze", "--json");
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        JsonObject token = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonObject("token");
        assertEquals("new", token.get("kind").getAsString());
        assertEquals(10, token.getAsJsonArray("nearest").size());
        assertFalse(token.getAsJsonArray("sources").isEmpty());
    }

    @Test
    void inspectWithAlphaResolvesFromTheCache() {
        Result result = cli("inspect", "--run", run.toString(), "--token", "katze", "--alpha", "1.5", "--cache",
                shared.resolve("cache").toString(), "--json");
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        JsonObject root = JsonParser.parseString(result.out()).getAsJsonObject();
        assertTrue(root.get("realigned").getAsBoolean());
        assertEquals(1.5, root.get("alpha").getAsDouble());
    }

    @Test
    void inspectWithAlphaAfterTheCacheWasDeletedSaysWhatToDoAndInitAgainRestoresIt() throws Exception {
        Path cache = shared.resolve("deleted-cache");
        Path cachedRun = shared.resolve("deleted-cache-run");
        List<String> init = new ArrayList<>(List.of(initArgs(cachedRun)));
        init.set(init.indexOf("--cache") + 1, cache.toString());
        assertEquals(ExitCodes.OK, cli(init.toArray(String[]::new)).exitCode());
        String[] inspect = {"inspect", "--run", cachedRun.toString(), "--token", "katze", "--alpha", "2", "--cache",
            cache.toString()};
        org.sembridge.engine.io.AtomicFiles.deleteRecursively(cache);

        Result failed = cli(inspect);
        assertEquals(ExitCodes.INPUT_FORMAT, failed.exitCode());
        assertEquals(1, failed.err().lines().count(), failed.err());
        assertTrue(failed.err().contains("--cache DIR or SEMBRIDGE_CACHE") && failed.err().contains("run init again"),
                failed.err());

        init.set(init.indexOf("--out") + 1, shared.resolve("deleted-cache-rerun").toString());
        assertEquals(ExitCodes.OK, cli(init.toArray(String[]::new)).exitCode());
        Result restored = cli(inspect);
        assertEquals(ExitCodes.OK, restored.exitCode(), restored.err());
        assertTrue(restored.out().contains("re-solved from cached bridge vectors"), restored.out());
    }

    @Test
    void inspectTextShowsSourcesAndNearest() {
        Result result = cli("inspect", "--run", run.toString(), "--token", "katze");
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertTrue(result.out().contains("token katze"), result.out());
        assertTrue(result.out().contains("nearest source tokens:"), result.out());
    }

    @Test
    void compareJsonHasOneEntryPerRun() {
        Result result = cli("compare", "--runs", run.toString(), run.toString(), "--token", "cat", "--json");
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        JsonObject root = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals(2, root.getAsJsonArray("runs").size());
        assertEquals("overlap", root.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonObject("token")
                .get("kind").getAsString());
    }

    @Test
    void lexiconEvalJsonReportsPrecisionAndCounts() throws Exception {
        Path lexicon = shared.resolve("en-de.txt");
        Files.writeString(lexicon, "cat katze\ncat cat\nwater wasser\nzebra zebra\n");
        Result result = cli("lexicon-eval", "--run", run.toString(), "--lexicon", lexicon.toString(), "--json");
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        JsonObject root = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals(3, root.get("evaluated").getAsInt());
        assertEquals(1, root.get("skipped_not_single_target_token").getAsInt());
        assertTrue(root.has("precision_at_1") && root.has("precision_at_5"));
    }

    @Test
    void alphaOutOfRangeExitsElevenWithOneLine() {
        Result result = cli(initArgs(shared.resolve("bad"), "--alpha", "9"));
        assertEquals(ExitCodes.INPUT_FORMAT, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("error: alpha 9.0 is outside the valid range [1, 8]"), result.err());
    }

    @Test
    void unknownMethodExitsEleven() {
        Result result = cli(initArgs(shared.resolve("bad"), "--method", "wechsel"));
        assertEquals(ExitCodes.INPUT_FORMAT, result.exitCode());
        assertTrue(result.err().contains("expected one of sembridge"), result.err());
    }

    @Test
    void missingSourceModelExitsTen() {
        Result result = cli("init", "--source", shared.resolve("nothing").toString(), "--target-tokenizer",
                target.toString(), "--bridge", bridge.toString(), "--out", shared.resolve("bad").toString());
        assertEquals(ExitCodes.MODEL_FORMAT, result.exitCode());
        assertTrue(result.err().contains("does not exist"), result.err());
    }

    @Test
    void unknownTokenExitsElevenAndNamesIt() {
        Result result = cli("inspect", "--run", run.toString(), "--token", "zebra");
        assertEquals(ExitCodes.INPUT_FORMAT, result.exitCode());
        assertTrue(result.err().contains("'zebra'"), result.err());
    }

    @Test
    void missingOutIsAUsageError() {
        Result result = cli("init", "--source", source.toString(), "--target-tokenizer", target.toString());
        assertEquals(ExitCodes.USAGE, result.exitCode());
    }
}
