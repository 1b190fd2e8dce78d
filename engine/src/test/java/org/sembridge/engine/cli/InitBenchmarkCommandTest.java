package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sembridge.engine.linalg.OpenBlas;

/// `sembridge bench init` in a tiny configuration (400 sources, 300 paper-scale targets, 600
/// XLM-R-scale targets of which 200 are measured, bridge dimension 32, a 2-layer hidden-32
/// random bridge): the structure of its output, its bookkeeping, and that the top-K route gives
/// the full-matrix route's weights; never its timings.
class InitBenchmarkCommandTest {

    private static final int SOURCES = 400;
    private static final int TARGETS = 300;
    private static final int XLMR_TARGETS = 600;
    private static final int XLMR_ROWS = 200;
    private static final int NAIVE_ROWS = 250;
    private static final int BRIDGE_TEXTS = 8;
    private static final int MAX_PIECES = 12;

    /// The tiny configuration; `extra` options go first.
    private static String[] tiny(String... extra) {
        List<String> args = new ArrayList<>(List.of("bench", "init", "--device", "cpu"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--sources", "" + SOURCES, "--targets", "" + TARGETS,
                "--xlmr-targets", "" + XLMR_TARGETS, "--bridge-dim", "32", "--model-dim", "16",
                "--naive-rows", "" + NAIVE_ROWS, "--bridge-shape", "2,32,2,64,300",
                "--bridge-texts", "" + BRIDGE_TEXTS, "--bridge-batch-size", "4", "--bridge-pieces", "" + MAX_PIECES));
        return args.toArray(String[]::new);
    }

    private static JsonObject report;

    @BeforeAll
    static void runTinyBenchmark() {
        CliRun run = CliRun.of(tiny("--json", "--scale", "both", "--xlmr-rows", "" + XLMR_ROWS));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        report = JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static JsonObject scale(int index) {
        return report.getAsJsonArray("scales").get(index).getAsJsonObject();
    }

    @Test
    void reportKeepsTheVersionOneKeys() {
        assumeTrue(OpenBlas.available().isPresent(), "OpenBLAS not loadable here: no reference objects");

        assertEquals(BenchJsonFixtures.keyPaths(BenchJsonFixtures.v1("init")), BenchJsonFixtures.keyPaths(report),
                "the keys and nesting of the version 1 report");
    }

    @Test
    void reportNamesSettingsAndEnvironment() {
        JsonObject settings = report.getAsJsonObject("settings");
        assertEquals(SOURCES, settings.get("source_count").getAsInt());
        assertEquals(4.0, settings.get("alpha").getAsDouble());
        assertEquals(64, settings.get("top_k").getAsInt());
        JsonObject environment = report.getAsJsonObject("environment");
        for (String field : List.of("device", "torch_version", "torch_threads", "torch_interop_threads",
                "jvm_processors", "load_average_start", "load_average_end", "total_seconds")) {
            assertTrue(environment.has(field), "environment lacks " + field + ": " + environment);
        }
        assertEquals("cpu()", environment.get("device").getAsString());
    }

    @Test
    void bothScalesRunPaperThenXlmrWithTheirSizes() {
        JsonArray scales = report.getAsJsonArray("scales");
        assertEquals(2, scales.size(), report.toString());
        assertEquals("paper", scale(0).get("name").getAsString());
        assertEquals(TARGETS, scale(0).get("target_count").getAsInt());
        assertEquals(TARGETS, scale(0).get("measured_rows").getAsInt());
        assertFalse(scale(0).get("extrapolated").getAsBoolean());
        assertEquals("xlmr", scale(1).get("name").getAsString());
        assertEquals(XLMR_TARGETS, scale(1).get("target_count").getAsInt());
        assertEquals((long) 4 * XLMR_TARGETS * SOURCES, scale(1).get("full_matrix_bytes").getAsLong());
    }

    @Test
    void subsampledScaleExtrapolatesTimesByTheRowRatio() {
        JsonObject xlmr = scale(1);
        assertEquals(XLMR_ROWS, xlmr.get("measured_rows").getAsInt());
        assertTrue(xlmr.get("extrapolated").getAsBoolean());
        double factor = (double) XLMR_TARGETS / XLMR_ROWS;
        assertEquals(factor, xlmr.get("extrapolation_factor").getAsDouble(), 1e-12);
        double step = xlmr.get("step_seconds").getAsDouble();
        assertEquals(step * factor, xlmr.get("all_rows_step_seconds").getAsDouble(), 1e-9 * step * factor);
        double similarity = xlmr.get("similarity_seconds").getAsDouble();
        assertEquals(step / similarity, xlmr.get("ratio").getAsDouble(), 1e-9 * step / similarity);
    }

    @ParameterizedTest
    @MethodSource("scaleIndices")
    void everyMeasuredRowIsCountedOnceWithAPositiveSupport(int index) {
        JsonObject scale = scale(index);
        JsonObject rows = scale.getAsJsonObject("statistics");
        int measured = scale.get("measured_rows").getAsInt();
        assertEquals(measured, rows.get("rows").getAsInt(), rows.toString());
        assertEquals(measured, rows.get("exact_on_top_k").getAsInt() + rows.get("widened").getAsInt()
                + rows.get("full_row").getAsInt(), rows.toString());
        assertTrue(rows.get("mean_support").getAsDouble() >= 1, rows.toString());
        assertTrue(rows.get("max_support").getAsInt() >= rows.get("mean_support").getAsDouble(), rows.toString());
    }

    @ParameterizedTest
    @MethodSource("scaleIndices")
    void externalReferenceOfTheSameRowsGivesTheStepRatio(int index) {
        assumeTrue(OpenBlas.available().isPresent(), "OpenBLAS not loadable here");
        JsonObject scale = scale(index);
        JsonObject reference = scale.getAsJsonObject("reference");
        double gemm = reference.get("gemm_seconds").getAsDouble();
        double select = reference.get("select_seconds").getAsDouble();
        double seconds = reference.get("seconds").getAsDouble();
        assertTrue(gemm > 0 && select > 0, reference.toString());
        assertEquals(gemm + select, seconds, 1e-9 * seconds, reference.toString());
        assertEquals(64, reference.get("top_k").getAsInt());
        double step = scale.get("step_seconds").getAsDouble();
        assertEquals(step / seconds, scale.get("step_to_reference").getAsDouble(), 1e-9 * step / seconds);
        double flops = 2.0 * scale.get("measured_rows").getAsInt() * SOURCES * scale.get("bridge_dimension").getAsInt();
        assertEquals(flops / gemm / 1e9, reference.get("gemm_gflops_per_second").getAsDouble(), 1e-6 * flops / gemm / 1e9);
        assertEquals("openblas", scale.get("similarity_backend").getAsString(), scale.toString());
        double blocks = scale.get("block_gflops_per_second").getAsDouble();
        assertEquals(flops / scale.get("step_gemm_seconds").getAsDouble() / 1e9, blocks, 1e-6 * blocks);
    }

    static Stream<Arguments> scaleIndices() {
        return Stream.of(Arguments.of(0), Arguments.of(1));
    }

    @Test
    void topKWeightsEqualTheFullMatrixWeights() {
        JsonObject comparison = report.getAsJsonObject("full_matrix");
        assertEquals(NAIVE_ROWS, comparison.get("rows").getAsInt());
        assertEquals((long) 4 * NAIVE_ROWS * SOURCES, comparison.get("matrix_bytes").getAsLong());
        assertEquals(0.0, comparison.get("max_weight_difference").getAsDouble(), 1e-6, comparison.toString());
        assertEquals(0, comparison.get("rows_with_other_support").getAsInt(), comparison.toString());
        assertEquals(0.0, comparison.get("max_embedding_difference").getAsDouble(), 1e-6, comparison.toString());
    }

    @Test
    void bridgeEstimateIsTheMeasuredRateTimesTheVocabulary() {
        JsonObject bridge = report.getAsJsonObject("bridge");
        assertEquals(BRIDGE_TEXTS, bridge.get("texts").getAsInt());
        long pieces = bridge.get("pieces").getAsLong();
        assertTrue(pieces >= 3L * BRIDGE_TEXTS && pieces <= (long) MAX_PIECES * BRIDGE_TEXTS, bridge.toString());
        assertEquals(TARGETS + SOURCES, bridge.get("estimate_tokens").getAsInt());
        double perSecond = bridge.get("texts_per_second").getAsDouble();
        double expected = (TARGETS + SOURCES) / perSecond;
        assertEquals(expected, bridge.get("estimate_seconds").getAsDouble(), 1e-9 * expected);
        assertEquals(300, bridge.get("vocab").getAsInt());
    }

    @Test
    void skippedPartsAreAbsentFromTheReport() {
        CliRun run = CliRun.of(tiny("--json", "--skip-naive", "--skip-bridge"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject skipped = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(1, skipped.getAsJsonArray("scales").size(), run.out());
        assertFalse(skipped.has("full_matrix"), run.out());
        assertFalse(skipped.has("bridge"), run.out());
    }

    @Test
    void skippedReferenceLeavesOutOnlyTheReferenceFigures() {
        CliRun run = CliRun.of(tiny("--json", "--skip-naive", "--skip-bridge", "--skip-reference"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject measured = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("scales").get(0)
                .getAsJsonObject();
        assertFalse(measured.has("reference"), run.out());
        assertFalse(measured.has("step_to_reference"), run.out());
        assertTrue(measured.get("step_seconds").getAsDouble() > 0, run.out());
        assertTrue(measured.has("step_extra_rss_bytes"), run.out());
    }

    @Test
    void coldScratchReportsNoScratchOutsideTheStep() {
        CliRun run = CliRun.of(tiny("--json", "--skip-naive", "--skip-bridge", "--cold-scratch"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject cold = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(0, cold.getAsJsonObject("environment").get("kept_native_scratch_bytes").getAsLong(), run.out());
        assertTrue(cold.getAsJsonArray("scales").get(0).getAsJsonObject().get("step_seconds").getAsDouble() > 0,
                run.out());
    }

    @Test
    void textReportHasEverySectionAndSaysWhatWasExtrapolated() {
        CliRun run = CliRun.of(tiny("--scale", "xlmr", "--xlmr-rows", "" + XLMR_ROWS));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("load average"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("xlmr ") && l.contains(XLMR_ROWS + "*")), out);
        assertTrue(out.contains("EXTRAPOLATED"), out);
        assertTrue(out.contains("Full-matrix reference at " + NAIVE_ROWS + " x " + SOURCES), out);
        assertTrue(out.contains("max |weight difference| 0 (0 rows with another support)"), out);
        assertTrue(out.contains("estimate for " + (TARGETS + SOURCES) + " vocabulary entries"), out);
    }

    static Stream<Arguments> invalidOptions() {
        return Stream.of(
                Arguments.of("--alpha", "1", "--alpha"),
                Arguments.of("--xlmr-rows", "0", "--xlmr-rows"),
                Arguments.of("--xlmr-rows", "" + (XLMR_TARGETS + 1), "--xlmr-rows"),
                Arguments.of("--bridge-pieces", "2", "--bridge-pieces"),
                Arguments.of("--bridge-shape", "2,32,3,64,300", "--bridge-shape"),
                Arguments.of("--scale", "huge", "--scale"),
                Arguments.of("--top-k", "0", "--top-k"));
    }

    @ParameterizedTest
    @MethodSource("invalidOptions")
    void invalidOptionIsAUsageErrorNamingIt(String option, String value, String named) {
        CliRun run = CliRun.of(tiny(option, value));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(named), run.err());
    }
}
