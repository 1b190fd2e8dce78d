package org.sembridge.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.bench.InitBenchmarkSettings;

/// The `--json` document of `sembridge bench init`: [#write] and [#read] spell every key of an
/// [InitBenchmarkRun] here, in the order the document has always had (`settings`,
/// `environment`, `scales`, then `full_matrix` and `bridge` where measured). A scale's
/// `reference` object and its `step_to_reference` and `blocks_to_reference_gemm` are written only
/// where OpenBLAS gave a reference; `reference.what` is a fixed description, not read back.
final class InitBenchmarkJson {

    static final String NAME = "name";
    static final String TARGET_COUNT = "target_count";
    static final String MEASURED_ROWS = "measured_rows";
    static final String EXTRAPOLATED = "extrapolated";
    static final String EXTRAPOLATION_FACTOR = "extrapolation_factor";
    static final String SOURCE_COUNT = "source_count";
    static final String BRIDGE_DIMENSION = "bridge_dimension";
    static final String STEP_SECONDS = "step_seconds";
    static final String SIMILARITY_SECONDS = "similarity_seconds";
    static final String ALL_ROWS_STEP_SECONDS = "all_rows_step_seconds";
    static final String ALL_ROWS_SIMILARITY_SECONDS = "all_rows_similarity_seconds";
    static final String STEP_CPU_SECONDS = "step_cpu_seconds";
    static final String SIMILARITY_CPU_SECONDS = "similarity_cpu_seconds";
    static final String RATIO = "ratio";
    static final String OUTPUT_BYTES = "output_bytes";
    static final String STEP_GEMM_SECONDS = "step_gemm_seconds";
    static final String BLOCK_GFLOPS_PER_SECOND = "block_gflops_per_second";
    static final String SIMILARITY_BACKEND = "similarity_backend";
    static final String REFERENCE = "reference";
    static final String CPU_RATIO = "cpu_ratio";
    static final String SIMILARITY_GFLOPS_PER_SECOND = "similarity_gflops_per_second";
    static final String STEP_EXTRA_RSS_BYTES = "step_extra_rss_bytes";
    static final String SIMILARITY_EXTRA_RSS_BYTES = "similarity_extra_rss_bytes";
    static final String PEAK_WAS_RESET = "peak_was_reset";
    static final String INPUT_BYTES = "input_bytes";
    static final String FULL_MATRIX_BYTES = "full_matrix_bytes";
    static final String STATISTICS = "statistics";
    static final String SECONDS = "seconds";
    static final String ALL_ROWS_SECONDS = "all_rows_seconds";
    static final String GEMM_SECONDS = "gemm_seconds";
    static final String SELECT_SECONDS = "select_seconds";
    static final String GEMM_GFLOPS_PER_SECOND = "gemm_gflops_per_second";
    static final String TOP_K = "top_k";
    static final String CORE = "core";
    static final String THREADS = "threads";
    static final String STEP_TO_REFERENCE = "step_to_reference";
    static final String BLOCKS_TO_REFERENCE_GEMM = "blocks_to_reference_gemm";
    static final String ROWS = "rows";
    static final String EXACT_ON_TOP_K = "exact_on_top_k";
    static final String WIDENED = "widened";
    static final String FULL_ROW = "full_row";
    static final String WIDER_K = "wider_k";
    static final String BLOCKS = "blocks";
    static final String SOLVE_SECONDS = "solve_seconds";
    static final String MEAN_SUPPORT = "mean_support";
    static final String MAX_SUPPORT = "max_support";
    static final String MATRIX_BYTES = "matrix_bytes";
    static final String FULL_MATRIX_SECONDS = "full_matrix_seconds";
    static final String TOP_K_SECONDS = "top_k_seconds";
    static final String FULL_MATRIX_CPU_SECONDS = "full_matrix_cpu_seconds";
    static final String TOP_K_CPU_SECONDS = "top_k_cpu_seconds";
    static final String TIME_RATIO = "time_ratio";
    static final String FULL_MATRIX_EXTRA_RSS_BYTES = "full_matrix_extra_rss_bytes";
    static final String TOP_K_EXTRA_RSS_BYTES = "top_k_extra_rss_bytes";
    static final String MAX_WEIGHT_DIFFERENCE = "max_weight_difference";
    static final String ROWS_WITH_OTHER_SUPPORT = "rows_with_other_support";
    static final String MAX_EMBEDDING_DIFFERENCE = "max_embedding_difference";
    static final String LAYERS = "layers";
    static final String HIDDEN = "hidden";
    static final String HEADS = "heads";
    static final String INTERMEDIATE = "intermediate";
    static final String VOCAB = "vocab";
    static final String FOLDER_BYTES = "folder_bytes";
    static final String WRITE_SECONDS = "write_seconds";
    static final String LOAD_SECONDS = "load_seconds";
    static final String TEXTS = "texts";
    static final String PIECES = "pieces";
    static final String MAX_PIECES = "max_pieces";
    static final String BATCH_SIZE = "batch_size";
    static final String EMBED_SECONDS = "embed_seconds";
    static final String TEXTS_PER_SECOND = "texts_per_second";
    static final String PIECES_PER_SECOND = "pieces_per_second";
    static final String ESTIMATE_TOKENS = "estimate_tokens";
    static final String ESTIMATE_SECONDS = "estimate_seconds";
    static final String ESTIMATE_MINUTES = "estimate_minutes";
    static final String GFLOPS_PER_SECOND = "gflops_per_second";
    static final String MATMUL_GFLOPS_PER_SECOND = "matmul_gflops_per_second";
    static final String MATMUL_RATIO = "matmul_ratio";
    static final String TOTAL_SECONDS = "total_seconds";
    static final String FREE_HEAP_RETURNED_AT_COLLECTIONS = "free_heap_returned_at_collections";
    static final String KEPT_NATIVE_SCRATCH_BYTES = "kept_native_scratch_bytes";
    static final String OPENBLAS = "openblas";
    static final String MODEL_DIMENSION = "model_dimension";
    static final String ALPHA = "alpha";
    static final String SEED = "seed";
    static final String SETTINGS = "settings";
    static final String ENVIRONMENT = "environment";
    static final String SCALES = "scales";
    static final String FULL_MATRIX = "full_matrix";
    static final String BRIDGE = "bridge";
    static final String WHAT = "what";

    /// The `what` of a scale's `reference` object.
    static final String REFERENCE_WHAT = "OpenBLAS cblas_sgemm + top-K heap per row, same rows";

    private InitBenchmarkJson() {
    }

    /// The run as a versioned document.
    static JsonObject write(InitBenchmarkRun run) {
        JsonObject o = BenchmarkJson.document();
        InitBenchmarkSettings settings = run.settings();
        JsonObject s = new JsonObject();
        s.addProperty(SOURCE_COUNT, settings.sourceCount());
        s.addProperty(BRIDGE_DIMENSION, settings.bridgeDimension());
        s.addProperty(MODEL_DIMENSION, settings.modelDimension());
        s.addProperty(ALPHA, settings.alpha());
        s.addProperty(TOP_K, settings.topK());
        s.addProperty(SEED, settings.seed());
        o.add(SETTINGS, s);
        JsonObject e = BenchmarkEnvironmentJson.of(run.environment(), run.loadAverageEnd());
        e.addProperty(TOTAL_SECONDS, run.totalSeconds());
        e.addProperty(FREE_HEAP_RETURNED_AT_COLLECTIONS, run.freeHeapReturnedAtCollections());
        e.addProperty(KEPT_NATIVE_SCRATCH_BYTES, run.keptNativeScratchBytes());
        e.addProperty(OPENBLAS, run.openblas());
        o.add(ENVIRONMENT, e);
        JsonArray list = new JsonArray();
        run.scales().forEach(scale -> list.add(scale(scale)));
        o.add(SCALES, list);
        if (run.fullMatrix() != null) {
            o.add(FULL_MATRIX, fullMatrix(run.fullMatrix()));
        }
        if (run.bridge() != null) {
            o.add(BRIDGE, bridge(run.bridge()));
        }
        return o;
    }

    private static JsonObject scale(InitBenchmarkRun.Scale s) {
        JsonObject j = new JsonObject();
        j.addProperty(NAME, s.name());
        j.addProperty(TARGET_COUNT, s.targetCount());
        j.addProperty(MEASURED_ROWS, s.measuredRows());
        j.addProperty(EXTRAPOLATED, s.extrapolated());
        j.addProperty(EXTRAPOLATION_FACTOR, s.extrapolationFactor());
        j.addProperty(SOURCE_COUNT, s.sourceCount());
        j.addProperty(BRIDGE_DIMENSION, s.bridgeDimension());
        j.addProperty(STEP_SECONDS, s.stepSeconds());
        j.addProperty(SIMILARITY_SECONDS, s.similaritySeconds());
        j.addProperty(ALL_ROWS_STEP_SECONDS, s.allRowsStepSeconds());
        j.addProperty(ALL_ROWS_SIMILARITY_SECONDS, s.allRowsSimilaritySeconds());
        j.addProperty(STEP_CPU_SECONDS, s.stepCpuSeconds());
        j.addProperty(SIMILARITY_CPU_SECONDS, s.similarityCpuSeconds());
        j.addProperty(RATIO, s.ratio());
        j.addProperty(OUTPUT_BYTES, s.outputBytes());
        j.addProperty(STEP_GEMM_SECONDS, s.stepGemmSeconds());
        j.addProperty(BLOCK_GFLOPS_PER_SECOND, s.blockGflopsPerSecond());
        j.addProperty(SIMILARITY_BACKEND, s.similarityBackend());
        if (s.reference() != null) {
            j.add(REFERENCE, reference(s.reference()));
            j.addProperty(STEP_TO_REFERENCE, s.reference().stepToReference());
            j.addProperty(BLOCKS_TO_REFERENCE_GEMM, s.reference().blocksToReferenceGemm());
        }
        j.addProperty(CPU_RATIO, s.cpuRatio());
        j.addProperty(SIMILARITY_GFLOPS_PER_SECOND, s.similarityGflopsPerSecond());
        j.addProperty(STEP_EXTRA_RSS_BYTES, s.stepExtraRssBytes());
        j.addProperty(SIMILARITY_EXTRA_RSS_BYTES, s.similarityExtraRssBytes());
        j.addProperty(PEAK_WAS_RESET, s.peakWasReset());
        j.addProperty(INPUT_BYTES, s.inputBytes());
        j.addProperty(FULL_MATRIX_BYTES, s.fullMatrixBytes());
        j.add(STATISTICS, rows(s.statistics()));
        return j;
    }

    private static JsonObject reference(InitBenchmarkRun.Reference t) {
        JsonObject j = new JsonObject();
        j.addProperty(WHAT, REFERENCE_WHAT);
        j.addProperty(SECONDS, t.seconds());
        j.addProperty(ALL_ROWS_SECONDS, t.allRowsSeconds());
        j.addProperty(GEMM_SECONDS, t.gemmSeconds());
        j.addProperty(SELECT_SECONDS, t.selectSeconds());
        j.addProperty(GEMM_GFLOPS_PER_SECOND, t.gemmGflopsPerSecond());
        j.addProperty(TOP_K, t.topK());
        j.addProperty(CORE, t.core());
        j.addProperty(THREADS, t.threads());
        return j;
    }

    private static JsonObject rows(InitBenchmarkRun.Rows s) {
        JsonObject j = new JsonObject();
        j.addProperty(ROWS, s.rows());
        j.addProperty(EXACT_ON_TOP_K, s.exactOnTopK());
        j.addProperty(WIDENED, s.widened());
        j.addProperty(FULL_ROW, s.fullRow());
        j.addProperty(TOP_K, s.topK());
        j.addProperty(WIDER_K, s.widerK());
        j.addProperty(BLOCKS, s.blocks());
        j.addProperty(SOLVE_SECONDS, s.solveSeconds());
        j.addProperty(MEAN_SUPPORT, s.meanSupport());
        j.addProperty(MAX_SUPPORT, s.maxSupport());
        return j;
    }

    private static JsonObject fullMatrix(InitBenchmarkRun.FullMatrix c) {
        JsonObject j = new JsonObject();
        j.addProperty(ROWS, c.rows());
        j.addProperty(SOURCE_COUNT, c.sourceCount());
        j.addProperty(MATRIX_BYTES, c.matrixBytes());
        j.addProperty(FULL_MATRIX_SECONDS, c.fullMatrixSeconds());
        j.addProperty(TOP_K_SECONDS, c.topKSeconds());
        j.addProperty(FULL_MATRIX_CPU_SECONDS, c.fullMatrixCpuSeconds());
        j.addProperty(TOP_K_CPU_SECONDS, c.topKCpuSeconds());
        j.addProperty(TIME_RATIO, c.timeRatio());
        j.addProperty(CPU_RATIO, c.cpuRatio());
        j.addProperty(FULL_MATRIX_EXTRA_RSS_BYTES, c.fullMatrixExtraRssBytes());
        j.addProperty(TOP_K_EXTRA_RSS_BYTES, c.topKExtraRssBytes());
        j.addProperty(MAX_WEIGHT_DIFFERENCE, c.maxWeightDifference());
        j.addProperty(ROWS_WITH_OTHER_SUPPORT, c.rowsWithOtherSupport());
        j.addProperty(MAX_EMBEDDING_DIFFERENCE, c.maxEmbeddingDifference());
        return j;
    }

    private static JsonObject bridge(InitBenchmarkRun.Bridge b) {
        JsonObject j = new JsonObject();
        j.addProperty(LAYERS, b.layers());
        j.addProperty(HIDDEN, b.hidden());
        j.addProperty(HEADS, b.heads());
        j.addProperty(INTERMEDIATE, b.intermediate());
        j.addProperty(VOCAB, b.vocab());
        j.addProperty(FOLDER_BYTES, b.folderBytes());
        j.addProperty(WRITE_SECONDS, b.writeSeconds());
        j.addProperty(LOAD_SECONDS, b.loadSeconds());
        j.addProperty(TEXTS, b.texts());
        j.addProperty(PIECES, b.pieces());
        j.addProperty(MAX_PIECES, b.maxPieces());
        j.addProperty(BATCH_SIZE, b.batchSize());
        j.addProperty(EMBED_SECONDS, b.embedSeconds());
        j.addProperty(TEXTS_PER_SECOND, b.textsPerSecond());
        j.addProperty(PIECES_PER_SECOND, b.piecesPerSecond());
        j.addProperty(ESTIMATE_TOKENS, b.estimateTokens());
        j.addProperty(ESTIMATE_SECONDS, b.estimateSeconds());
        j.addProperty(ESTIMATE_MINUTES, b.estimateMinutes());
        j.addProperty(GFLOPS_PER_SECOND, b.gflopsPerSecond());
        j.addProperty(MATMUL_GFLOPS_PER_SECOND, b.matmulGflopsPerSecond());
        j.addProperty(MATMUL_RATIO, b.matmulRatio());
        return j;
    }

    /// Reads a document written by [#write]; one without `format_version` is version 1.
    ///
    /// @throws IllegalStateException or NullPointerException when a field is missing or of
    ///     another type, or the version is newer (reports are machine-written; callers comparing
    ///     reports catch them)
    static InitBenchmarkRun read(JsonObject o) {
        BenchmarkJson.checkVersion(o, "bench init report");
        JsonObject s = o.getAsJsonObject(SETTINGS);
        InitBenchmarkSettings settings = new InitBenchmarkSettings(s.get(SOURCE_COUNT).getAsInt(),
                s.get(BRIDGE_DIMENSION).getAsInt(), s.get(MODEL_DIMENSION).getAsInt(), s.get(ALPHA).getAsDouble(),
                s.get(TOP_K).getAsInt(), s.get(SEED).getAsLong());
        JsonObject e = o.getAsJsonObject(ENVIRONMENT);
        BenchmarkEnvironmentJson.Read environment = BenchmarkEnvironmentJson.read(e);
        List<InitBenchmarkRun.Scale> scales = new ArrayList<>();
        for (JsonElement element : o.getAsJsonArray(SCALES)) {
            scales.add(scale(element.getAsJsonObject()));
        }
        return new InitBenchmarkRun(settings, environment.environment(), environment.loadAtEnd(),
                e.get(TOTAL_SECONDS).getAsDouble(), e.get(FREE_HEAP_RETURNED_AT_COLLECTIONS).getAsBoolean(),
                e.get(KEPT_NATIVE_SCRATCH_BYTES).getAsLong(), e.get(OPENBLAS).getAsString(), scales,
                o.has(FULL_MATRIX) ? fullMatrix(o.getAsJsonObject(FULL_MATRIX)) : null,
                o.has(BRIDGE) ? bridge(o.getAsJsonObject(BRIDGE)) : null);
    }

    private static InitBenchmarkRun.Scale scale(JsonObject j) {
        return new InitBenchmarkRun.Scale(j.get(NAME).getAsString(), j.get(TARGET_COUNT).getAsInt(),
                j.get(MEASURED_ROWS).getAsInt(), j.get(EXTRAPOLATED).getAsBoolean(),
                j.get(EXTRAPOLATION_FACTOR).getAsDouble(), j.get(SOURCE_COUNT).getAsInt(),
                j.get(BRIDGE_DIMENSION).getAsInt(), j.get(STEP_SECONDS).getAsDouble(),
                j.get(SIMILARITY_SECONDS).getAsDouble(), j.get(ALL_ROWS_STEP_SECONDS).getAsDouble(),
                j.get(ALL_ROWS_SIMILARITY_SECONDS).getAsDouble(), j.get(STEP_CPU_SECONDS).getAsDouble(),
                j.get(SIMILARITY_CPU_SECONDS).getAsDouble(), j.get(RATIO).getAsDouble(),
                j.get(OUTPUT_BYTES).getAsLong(), j.get(STEP_GEMM_SECONDS).getAsDouble(),
                j.get(BLOCK_GFLOPS_PER_SECOND).getAsDouble(), j.get(SIMILARITY_BACKEND).getAsString(),
                j.has(REFERENCE) ? reference(j) : null, j.get(CPU_RATIO).getAsDouble(),
                j.get(SIMILARITY_GFLOPS_PER_SECOND).getAsDouble(), j.get(STEP_EXTRA_RSS_BYTES).getAsLong(),
                j.get(SIMILARITY_EXTRA_RSS_BYTES).getAsLong(), j.get(PEAK_WAS_RESET).getAsBoolean(),
                j.get(INPUT_BYTES).getAsLong(), j.get(FULL_MATRIX_BYTES).getAsLong(),
                rows(j.getAsJsonObject(STATISTICS)));
    }

    private static InitBenchmarkRun.Reference reference(JsonObject scale) {
        JsonObject ref = scale.getAsJsonObject(REFERENCE);
        return new InitBenchmarkRun.Reference(ref.get(SECONDS).getAsDouble(), ref.get(ALL_ROWS_SECONDS).getAsDouble(),
                ref.get(GEMM_SECONDS).getAsDouble(), ref.get(SELECT_SECONDS).getAsDouble(),
                ref.get(GEMM_GFLOPS_PER_SECOND).getAsDouble(), ref.get(TOP_K).getAsInt(), ref.get(CORE).getAsString(),
                ref.get(THREADS).getAsInt(), scale.get(STEP_TO_REFERENCE).getAsDouble(),
                scale.get(BLOCKS_TO_REFERENCE_GEMM).getAsDouble());
    }

    private static InitBenchmarkRun.Rows rows(JsonObject j) {
        return new InitBenchmarkRun.Rows(j.get(ROWS).getAsInt(), j.get(EXACT_ON_TOP_K).getAsInt(),
                j.get(WIDENED).getAsInt(), j.get(FULL_ROW).getAsInt(), j.get(TOP_K).getAsInt(),
                j.get(WIDER_K).getAsInt(), j.get(BLOCKS).getAsInt(), j.get(SOLVE_SECONDS).getAsDouble(),
                j.get(MEAN_SUPPORT).getAsDouble(), j.get(MAX_SUPPORT).getAsInt());
    }

    private static InitBenchmarkRun.FullMatrix fullMatrix(JsonObject j) {
        return new InitBenchmarkRun.FullMatrix(j.get(ROWS).getAsInt(), j.get(SOURCE_COUNT).getAsInt(),
                j.get(MATRIX_BYTES).getAsLong(), j.get(FULL_MATRIX_SECONDS).getAsDouble(),
                j.get(TOP_K_SECONDS).getAsDouble(), j.get(FULL_MATRIX_CPU_SECONDS).getAsDouble(),
                j.get(TOP_K_CPU_SECONDS).getAsDouble(), j.get(TIME_RATIO).getAsDouble(), j.get(CPU_RATIO).getAsDouble(),
                j.get(FULL_MATRIX_EXTRA_RSS_BYTES).getAsLong(), j.get(TOP_K_EXTRA_RSS_BYTES).getAsLong(),
                j.get(MAX_WEIGHT_DIFFERENCE).getAsDouble(), j.get(ROWS_WITH_OTHER_SUPPORT).getAsInt(),
                j.get(MAX_EMBEDDING_DIFFERENCE).getAsDouble());
    }

    private static InitBenchmarkRun.Bridge bridge(JsonObject j) {
        return new InitBenchmarkRun.Bridge(j.get(LAYERS).getAsInt(), j.get(HIDDEN).getAsInt(), j.get(HEADS).getAsInt(),
                j.get(INTERMEDIATE).getAsInt(), j.get(VOCAB).getAsInt(), j.get(FOLDER_BYTES).getAsLong(),
                j.get(WRITE_SECONDS).getAsDouble(), j.get(LOAD_SECONDS).getAsDouble(), j.get(TEXTS).getAsInt(),
                j.get(PIECES).getAsLong(), j.get(MAX_PIECES).getAsInt(), j.get(BATCH_SIZE).getAsInt(),
                j.get(EMBED_SECONDS).getAsDouble(), j.get(TEXTS_PER_SECOND).getAsDouble(),
                j.get(PIECES_PER_SECOND).getAsDouble(), j.get(ESTIMATE_TOKENS).getAsInt(),
                j.get(ESTIMATE_SECONDS).getAsDouble(), j.get(ESTIMATE_MINUTES).getAsDouble(),
                j.get(GFLOPS_PER_SECOND).getAsDouble(), j.get(MATMUL_GFLOPS_PER_SECOND).getAsDouble(),
                j.get(MATMUL_RATIO).getAsDouble());
    }
}
