package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.run.TransferFixtures;
import org.sembridge.engine.workflow.RunDifferenceCsv;

/// `sembridge diff`: the ranked table, `--top`, `--json`, `--csv`, and the refusal of runs of
/// different target tokenizers with exit 11.
class DiffCommandTest {

    @TempDir
    static Path shared;

    private static Path sembridge;
    private static Path ofa;
    private static Path otherTokenizer;

    @BeforeAll
    static void makeRuns() throws Exception {
        Path source = TransferFixtures.source(shared, "source", "bert");
        Path bridge = TransferFixtures.bridge(shared);
        Path target = TransferFixtures.targetTokenizer(shared);
        List<String> fewer = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "house", "katze"));
        Path other = TransferFixtures.vocabularyFolder(shared.resolve("other-tokenizer"), fewer);
        sembridge = init(source, target, bridge, "sembridge", "sembridge");
        ofa = init(source, target, bridge, "ofa", "ofa");
        otherTokenizer = init(source, other, bridge, "sembridge", "other");
    }

    private static Path init(Path source, Path target, Path bridge, String method, String name) {
        Path out = shared.resolve(name);
        CliRun run = CliRun.of("init", "--source", source.toString(), "--target-tokenizer", target.toString(),
                "--bridge", bridge.toString(), "--method", method, "--device", "cpu", "--cache",
                shared.resolve("cache").toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return out;
    }

    @Test
    void textListsTheTopRowsMostDifferentFirst() {
        CliRun run = CliRun.of("diff", "--runs", sembridge.toString(), ofa.toString(), "--top", "3");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("A " + sembridge), run.out());
        assertTrue(lines.get(1).startsWith("B " + ofa), run.out());
        assertTrue(lines.get(2).contains("target tokens"), run.out());
        assertTrue(lines.get(4).strip().startsWith("1 "), run.out());
        assertEquals(3 + 4, lines.size(), run.out());
    }

    @Test
    void jsonHoldsTheTopNTokensAndTheCounts() {
        CliRun run = CliRun.of("diff", "--runs", sembridge.toString(), ofa.toString(), "--top", "5", "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("sembridge", root.getAsJsonObject("run_a").get("method").getAsString());
        assertEquals("ofa", root.getAsJsonObject("run_b").get("method").getAsString());
        assertEquals("jensen_shannon_bits", root.get("measure").getAsString());
        JsonArray tokens = root.getAsJsonArray("tokens");
        assertEquals(5, tokens.size());
        assertEquals(5, root.get("shown").getAsInt());
        assertEquals(1, tokens.get(0).getAsJsonObject().get("rank").getAsInt());
        assertTrue(tokens.get(0).getAsJsonObject().get("divergence").getAsDouble()
                >= tokens.get(4).getAsJsonObject().get("divergence").getAsDouble());
    }

    @Test
    void topZeroShowsEveryTokenAndCsvWritesEveryToken() throws Exception {
        Path csv = shared.resolve("diff.csv");
        CliRun run = CliRun.of("diff", "--runs", sembridge.toString(), ofa.toString(), "--top", "0", "--json",
                "--csv", csv.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        int all = root.get("target_tokens").getAsInt();
        assertEquals(all, root.getAsJsonArray("tokens").size());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(RunDifferenceCsv.HEADER, lines.getFirst());
        assertEquals(all + 1, lines.size());
    }

    @Test
    void runsOfDifferentTargetTokenizersAreRefusedWithOneLineAndExit11() {
        CliRun run = CliRun.of("diff", "--runs", sembridge.toString(), otherTokenizer.toString());
        assertEquals(ExitCodes.INPUT_FORMAT, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: runs " + sembridge + " and " + otherTokenizer
                + " were made with different target tokenizers"), run.err());
    }

    @Test
    void aNegativeTopIsAUsageError() {
        CliRun run = CliRun.of("diff", "--runs", sembridge.toString(), ofa.toString(), "--top", "-1");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--top must be >= 0, found -1"), run.err());
    }

    @Test
    void oneRunIsAUsageError() {
        CliRun run = CliRun.of("diff", "--runs", sembridge.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    }

    @Test
    void aMissingRunFolderIsNamed() {
        Path missing = shared.resolve("no-such-run");
        CliRun run = CliRun.of("diff", "--runs", sembridge.toString(), missing.toString());
        assertEquals(ExitCodes.INPUT_FORMAT, run.exitCode(), run.err());
        assertTrue(run.err().contains(missing.toString()), run.err());
    }
}
