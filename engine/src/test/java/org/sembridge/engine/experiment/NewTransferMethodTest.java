package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.cli.SemBridgeCli;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferFixtures;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.baseline.EmbeddingInitializer;
import org.sembridge.engine.transfer.baseline.InitializationInput;
import org.sembridge.engine.transfer.baseline.InitializationPlan;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.transfer.baseline.TransferMethod;

/// Adding a transfer method is one class plus one registration: a throwaway `zeros` method,
/// registered at run time (the line a new built-in method adds to `InitializerRegistry`), shows up
/// in the help of `init` and `experiment`, is an experiment row with its own label, runs from the
/// command line, and its run records its own decision in `run.json`; nothing else is edited.
class NewTransferMethodTest {

    /// The throwaway method: every new row of every matrix is zero.
    static final class ZerosInitializer implements EmbeddingInitializer {

        static final TransferMethod METHOD = new TransferMethod("zeros", "Zeros",
                "Zeros: every new row is all zeros (a test method)", false, false,
                (alpha, seed) -> "zeros: every new row is 0, nothing is read (seed " + seed + " unused)",
                options -> new ZerosInitializer());

        @Override
        public TransferMethod method() {
            return METHOD;
        }

        @Override
        public InitializationPlan plan(InitializationInput input, ProgressListener progress,
                CancellationToken cancel) {
            int rows = input.newTargetIds().length;
            return new InitializationPlan() {
                @Override
                public List<TokenAlignment> alignments() {
                    return List.of();
                }

                @Override
                public List<FloatMatrix> apply(List<FloatMatrix> sourceMatrices, ProgressListener applied,
                        CancellationToken cancelled) {
                    return sourceMatrices.stream().map(matrix -> FloatMatrix.zeros(rows, matrix.columns())).toList();
                }
            };
        }
    }

    @TempDir
    Path temp;

    private InitializerRegistry.Registration registration;

    @BeforeEach
    void register() {
        registration = InitializerRegistry.register(ZerosInitializer.METHOD);
    }

    @AfterEach
    void unregister() {
        registration.close();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SemBridgeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void theInitHelpListsTheMethodWithItsDescription() {
        String help = cli("init", "--help").replaceAll("\\s+", " ");

        assertTrue(help.contains("One of sembridge, focus, ofa, mean, random, gauss, mvgauss, zeros;"), help);
        assertTrue(help.contains("zeros Zeros: every new row is all zeros (a test method) (no bridge)"), help);
    }

    @Test
    void theExperimentHelpListsTheMethod() {
        String help = cli("experiment", "--help");

        assertTrue(help.contains("  zeros      Zeros: every new row is all zeros"), help);
    }

    @Test
    void anExperimentConfigurationTakesTheMethodAndLabelsItsRow() throws Exception {
        JsonObject json = ExperimentFixtures.sampleConfig(List.of("base", "zeros"), List.of("ko"));
        json.remove("bridge");

        ExperimentConfig config = ExperimentConfig.read(ExperimentFixtures.write(temp, "zeros.json", json));

        ExperimentMethod zeros = config.methods().get(1);
        assertEquals("zeros", zeros.id());
        assertEquals("Zeros", zeros.label());
        assertFalse(zeros.readsAlpha());
    }

    @Test
    void aMethodThatReadsAlphaGetsOneRowPerAlphaLabelledWithIt() throws Exception {
        TransferMethod sharp = new TransferMethod("sharp", "Sharp", "Sharp: reads alpha (a test method)", true,
                false, (alpha, seed) -> "sharp at " + alpha, options -> new ZerosInitializer());
        try (InitializerRegistry.Registration added = InitializerRegistry.register(sharp)) {
            JsonObject json = ExperimentFixtures.sampleConfig(List.of("sharp"), List.of("ko"));
            json.remove("bridge");
            JsonArray alphas = new JsonArray();
            alphas.add(2.5);
            alphas.add(4);
            json.add("alphas", alphas);

            ExperimentConfig config = ExperimentConfig.read(ExperimentFixtures.write(temp, "sharp.json", json));

            assertEquals(List.of("sharp-a2.5", "sharp-a4"), config.methods().stream().map(ExperimentMethod::id).toList());
            assertEquals("Sharp (α=2.5)", config.methods().getFirst().label());
        }
    }

    @Test
    void aRunWithTheMethodRecordsItAndItsDecisionInRunJson() throws Exception {
        Path source = TransferFixtures.source(temp, "source", "bert");
        Path target = TransferFixtures.targetTokenizer(temp);
        Path out = temp.resolve("zeros-run");

        cli("init", "--source", source.toString(), "--target-tokenizer", target.toString(), "--method", "zeros",
                "--device", "cpu", "--out", out.toString());

        JsonObject manifest = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
        assertEquals("zeros", manifest.get("method").getAsString());
        assertTrue(manifest.get("decisions").toString().contains("zeros: every new row is 0, nothing is read (seed 42"),
                manifest.get("decisions").toString());
        LoadedRun run = LoadedRun.open(out);
        assertTrue(run.token(TransferFixtures.NEW_WORDS.getFirst()).orElseThrow().sources().isEmpty());
    }
}
