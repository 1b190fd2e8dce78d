package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.encoder.ForwardStage;
import org.sembridge.engine.linalg.OpenBlas;

/// `sembridge bench encode` in a tiny configuration (the sample model and a random 2-layer,
/// hidden-64 BERT; 4 texts of 16 tokens, 1 warm-up and 2 measured batches): the structure of
/// its output and its FLOP counts, never its timings.
class EncodeBenchmarkCommandTest {

    private static final int TOKENS = 16;
    private static final int BATCH = 4;

    /// The random model: layers, hidden, heads, intermediate, vocab.
    private static final int[] TINY = {2, 64, 4, 128, 300};

    /// The sample model's sizes, read from its config.json (the generator may change them).
    private static final int[] SAMPLE = sampleShape();

    /// The large-vocabulary row: the sample model's sizes with this vocabulary.
    private static final int LARGE_VOCAB = 5_000;

    private static JsonObject report;

    @BeforeAll
    static void runTinyBenchmark() {
        CliRun run = CliRun.of("bench", "encode", "--device", "cpu", "--json", "--tokens", "" + TOKENS,
                "--batch-size", "" + BATCH, "--warmup", "1", "--batches", "2",
                "--base-shape", TINY[0] + "," + TINY[1] + "," + TINY[2] + "," + TINY[3] + "," + TINY[4],
                "--large-vocab", "" + LARGE_VOCAB);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        report = JsonParser.parseString(run.out()).getAsJsonObject();
    }

    /// FLOPs of one text as the sum of `2 m k n` over every matrix product of a BERT forward
    /// pass with an MLM head, listed product by product.
    static long flopsByProduct(int[] shape, int tokens) {
        long l = tokens;
        long layers = shape[0];
        long h = shape[1];
        long heads = shape[2];
        long i = shape[3];
        long v = shape[4];
        long d = h / heads;
        long perLayer = 4 * product(l, h, h)         // query, key, value, attention output
                + heads * product(l, d, l)           // scores Q K^T per head
                + heads * product(l, l, d)           // softmax(scores) V per head
                + product(l, h, i) + product(l, i, h); // feed-forward
        long head = product(l, h, h) + product(l, h, v); // transform, decoder
        return layers * perLayer + head;
    }

    private static long product(long m, long k, long n) {
        return 2 * m * k * n;
    }

    static Stream<Arguments> models() {
        int[] large = {SAMPLE[0], SAMPLE[1], SAMPLE[2], SAMPLE[3], LARGE_VOCAB};
        return Stream.of(Arguments.of(0, SAMPLE), Arguments.of(1, TINY), Arguments.of(2, large));
    }

    @Test
    void reportKeepsTheVersionOneKeys() {
        assumeTrue(OpenBlas.available().isPresent(), "OpenBLAS not loadable here: no openblas_reference objects");

        assertEquals(BenchJsonFixtures.keyPaths(BenchJsonFixtures.v1("encode")), BenchJsonFixtures.keyPaths(report),
                "the keys and nesting of the version 1 report");
    }

    @Test
    void reportNamesSettingsAndEnvironment() {
        JsonObject settings = report.getAsJsonObject("settings");
        assertEquals(TOKENS, settings.get("tokens_per_text").getAsInt());
        assertEquals(BATCH, settings.get("batch_size").getAsInt());
        assertEquals(2, settings.get("measured_batches").getAsInt());
        JsonObject environment = report.getAsJsonObject("environment");
        for (String field : List.of("device", "device_reason", "torch_version", "torch_threads",
                "torch_interop_threads", "jvm_processors", "load_average_start", "load_average_end")) {
            assertTrue(environment.has(field), "environment lacks " + field + ": " + environment);
        }
        assertEquals("cpu()", environment.get("device").getAsString());
        assertTrue(environment.get("torch_threads").getAsInt() >= 1, environment.toString());
    }

    @Test
    void reportHasTheSampleModelThenTheRandomOneThenTheLargeVocabularyOne() {
        JsonArray models = report.getAsJsonArray("models");
        assertEquals(3, models.size(), report.toString());
        assertEquals("splade-tiny-en", models.get(0).getAsJsonObject().get("model").getAsString());
        assertTrue(models.get(1).getAsJsonObject().get("model").getAsString().startsWith("random"), report.toString());
        assertEquals("random large vocabulary", models.get(2).getAsJsonObject().get("model").getAsString());
    }

    @ParameterizedTest
    @MethodSource("models")
    void flopCountEqualsTheSumOverMatrixProducts(int index, int[] shape) {
        JsonObject model = report.getAsJsonArray("models").get(index).getAsJsonObject();
        assertEquals(shape[0], model.get("layers").getAsInt());
        assertEquals(shape[1], model.get("hidden").getAsInt());
        assertEquals(shape[4], model.get("vocab").getAsInt());
        assertEquals(flopsByProduct(shape, TOKENS), model.get("flops_per_text").getAsLong());
        assertEquals(BATCH * flopsByProduct(shape, TOKENS), model.get("flops_per_batch").getAsLong());
    }

    @ParameterizedTest
    @MethodSource("models")
    void speedsAndRatioArePositiveAndConsistent(int index, int[] shape) {
        JsonObject model = report.getAsJsonArray("models").get(index).getAsJsonObject();
        double median = model.getAsJsonObject("batch_seconds").get("median").getAsDouble();
        assertEquals(2, model.getAsJsonObject("batch_seconds").get("count").getAsInt());
        assertEquals(BATCH / median, model.get("texts_per_second").getAsDouble(), 1e-9 * BATCH / median);
        double tokensPerSecond = BATCH * TOKENS / median;
        assertEquals(tokensPerSecond, model.get("tokens_per_second").getAsDouble(), 1e-9 * tokensPerSecond);
        JsonObject matMul = model.getAsJsonObject("matmul");
        assertEquals((long) BATCH * TOKENS, matMul.get("rows").getAsLong());
        assertEquals(shape[1], matMul.get("inner").getAsLong());
        assertEquals(shape[3], matMul.get("columns").getAsLong());
        double gflops = model.get("gflops_per_second").getAsDouble();
        double matMulGflops = matMul.get("gflops_per_second").getAsDouble();
        assertTrue(gflops > 0 && matMulGflops > 0, model.toString());
        assertEquals(gflops / matMulGflops, model.get("matmul_ratio").getAsDouble(), 1e-9 * gflops / matMulGflops);
        assertTrue(model.get("matmul_ratio").getAsDouble() > 0, model.toString());
    }

    @ParameterizedTest
    @MethodSource("models")
    void openBlasReferenceOfTheSameProductGivesTheSecondRatio(int index, int[] shape) {
        assumeTrue(OpenBlas.available().isPresent(), "OpenBLAS not loadable here");
        JsonObject model = report.getAsJsonArray("models").get(index).getAsJsonObject();
        JsonObject blas = model.getAsJsonObject("openblas_reference");
        assertEquals(model.getAsJsonObject("matmul").get("repetitions").getAsInt(), blas.get("repetitions").getAsInt());
        double gflops = model.get("gflops_per_second").getAsDouble();
        double blasGflops = blas.get("gflops_per_second").getAsDouble();
        assertTrue(blasGflops > 0, blas.toString());
        assertEquals(gflops / blasGflops, model.get("openblas_ratio").getAsDouble(), 1e-9 * gflops / blasGflops);
    }

    @Test
    void matMulRoundDoesTheFlopsOfOneBatch() {
        for (var element : report.getAsJsonArray("models")) {
            JsonObject model = element.getAsJsonObject();
            JsonObject matMul = model.getAsJsonObject("matmul");
            long productFlops = 2 * matMul.get("rows").getAsLong() * matMul.get("inner").getAsLong()
                    * matMul.get("columns").getAsLong();
            long batchFlops = model.get("flops_per_batch").getAsLong();
            assertEquals(Math.max(1, Math.round((double) batchFlops / productFlops)),
                    matMul.get("repetitions").getAsLong(), model.toString());
        }
    }

    @Test
    void tableHasAHeaderAndOneRowForTheSampleModel() {
        CliRun run = CliRun.of("bench", "encode", "--device", "cpu", "--skip-base", "--tokens", "" + TOKENS,
                "--batch-size", "" + BATCH, "--warmup", "0", "--batches", "1");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("model ") && l.contains("texts/s")
                && l.contains("GFLOP/s") && l.contains("ratio") && l.contains("threads")), run.out());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("splade-tiny-en ")).count(), run.out());
        assertTrue(run.out().contains("load average"), run.out());
        assertTrue(run.out().contains("low by nature"), run.out());
    }

    @Test
    void profileListsEveryStageOfTheForwardPassWithItsShare() {
        CliRun run = CliRun.of("bench", "encode", "--device", "cpu", "--skip-base", "--profile", "--tokens",
                "" + TOKENS, "--batch-size", "" + BATCH, "--warmup", "0", "--batches", "1");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("profile of one batch, splade-tiny-en"), run.out());
        for (ForwardStage stage : ForwardStage.values()) {
            assertTrue(run.out().contains(stage.label()), stage + " missing: " + run.out());
        }
    }

    @Test
    void benchWithoutABenchmarkIsAUsageErrorListingThem() {
        CliRun run = CliRun.of("bench");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("encode"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2,64,4,128", "2,64,5,128,300", "2,x,4,128,300", "0,64,4,128,300", "2,64,4,128,10"})
    void malformedBaseShapeIsAUsageErrorNamingTheOption(String shape) {
        CliRun run = CliRun.of("bench", "encode", "--device", "cpu", "--base-shape", shape);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--base-shape"), run.err());
    }

    @Test
    void tokensBeyondTheSampleModelsLimitAreAnInputError() {
        CliRun run = CliRun.of("bench", "encode", "--device", "cpu", "--skip-base", "--tokens", "600",
                "--batch-size", "1", "--warmup", "0", "--batches", "1");
        assertEquals(ExitCodes.INPUT_FORMAT, run.exitCode(), run.err());
        assertTrue(run.err().contains("600") && run.err().contains("512"), run.err());
    }

    private static int[] sampleShape() {
        Path config = Path.of(System.getProperty("sembridge.repo.root", ".."), "sample-models", "splade-tiny-en",
                "config.json");
        try {
            JsonObject json = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(config))
                    .getAsJsonObject();
            return new int[] {json.get("num_hidden_layers").getAsInt(), json.get("hidden_size").getAsInt(),
                json.get("num_attention_heads").getAsInt(), json.get("intermediate_size").getAsInt(),
                json.get("vocab_size").getAsInt()};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
