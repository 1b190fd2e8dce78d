package org.sembridge.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.bench.EncodeBenchmarkResult;
import org.sembridge.engine.bench.EncodeBenchmarkSettings;
import org.sembridge.engine.bench.EncoderShape;
import org.sembridge.engine.bench.MatMulMeasurement;

/// The `--json` document of `sembridge bench encode`: [#write] and [#read] spell every key of an
/// [EncodeBenchmarkRun] here, in the order the document has always had (`settings`,
/// `environment`, then one entry per model under `models`).
///
/// Each model entry also carries figures derived from the result (`flops_per_batch`,
/// `texts_per_second`, `tokens_per_second`, `gflops_per_second`, the matmul's `flops_per_round`
/// and `gflops_per_second`, `matmul_ratio`, `openblas_ratio`) for scripts and
/// `docs/tools/render_benchmarks.py`; [#read] recomputes them from the stored figures instead of
/// reading them. The `openblas_reference` object keeps only what differs from `matmul` (its
/// product has the same sizes).
final class EncodeBenchmarkJson {

    static final String SETTINGS = "settings";
    static final String TOKENS_PER_TEXT = "tokens_per_text";
    static final String BATCH_SIZE = "batch_size";
    static final String WARMUP_BATCHES = "warmup_batches";
    static final String MEASURED_BATCHES = "measured_batches";
    static final String ENVIRONMENT = "environment";
    static final String MODELS = "models";
    static final String MODEL = "model";
    static final String LAYERS = "layers";
    static final String HIDDEN = "hidden";
    static final String HEADS = "heads";
    static final String INTERMEDIATE = "intermediate";
    static final String VOCAB = "vocab";
    static final String FLOPS_PER_TEXT = "flops_per_text";
    static final String FLOPS_PER_BATCH = "flops_per_batch";
    static final String BATCH_SECONDS = "batch_seconds";
    static final String TEXTS_PER_SECOND = "texts_per_second";
    static final String TOKENS_PER_SECOND = "tokens_per_second";
    static final String GFLOPS_PER_SECOND = "gflops_per_second";
    static final String MATMUL = "matmul";
    static final String ROWS = "rows";
    static final String INNER = "inner";
    static final String COLUMNS = "columns";
    static final String REPETITIONS = "repetitions";
    static final String FLOPS_PER_ROUND = "flops_per_round";
    static final String ROUND_SECONDS = "round_seconds";
    static final String MATMUL_RATIO = "matmul_ratio";
    static final String OPENBLAS_REFERENCE = "openblas_reference";
    static final String WHAT = "what";
    static final String OPENBLAS_RATIO = "openblas_ratio";
    static final String DEVICE = "device";

    /// The `what` of an `openblas_reference` object.
    static final String OPENBLAS_WHAT = "OpenBLAS cblas_sgemm via FFM, same product and FLOPs per round";

    private EncodeBenchmarkJson() {
    }

    /// The run as a versioned document.
    static JsonObject write(EncodeBenchmarkRun run) {
        EncodeBenchmarkSettings settings = run.settings();
        JsonObject o = BenchmarkJson.document();
        JsonObject s = new JsonObject();
        s.addProperty(TOKENS_PER_TEXT, settings.tokensPerText());
        s.addProperty(BATCH_SIZE, settings.batchSize());
        s.addProperty(WARMUP_BATCHES, settings.warmupBatches());
        s.addProperty(MEASURED_BATCHES, settings.measuredBatches());
        o.add(SETTINGS, s);
        o.add(ENVIRONMENT, BenchmarkEnvironmentJson.of(run.environment(), run.loadAverageEnd()));
        JsonArray models = new JsonArray();
        run.results().forEach(r -> models.add(model(r)));
        o.add(MODELS, models);
        return o;
    }

    private static JsonObject model(EncodeBenchmarkResult r) {
        JsonObject m = new JsonObject();
        m.addProperty(MODEL, r.model());
        m.addProperty(LAYERS, r.shape().layers());
        m.addProperty(HIDDEN, r.shape().hidden());
        m.addProperty(HEADS, r.shape().heads());
        m.addProperty(INTERMEDIATE, r.shape().intermediate());
        m.addProperty(VOCAB, r.shape().vocab());
        m.addProperty(FLOPS_PER_TEXT, r.flopsPerText());
        m.addProperty(FLOPS_PER_BATCH, r.flopsPerBatch());
        m.add(BATCH_SECONDS, TimingSummaryJson.write(r.batches()));
        m.addProperty(TEXTS_PER_SECOND, r.textsPerSecond());
        m.addProperty(TOKENS_PER_SECOND, r.tokensPerSecond());
        m.addProperty(GFLOPS_PER_SECOND, r.gflopsPerSecond());
        MatMulMeasurement mm = r.matMul();
        JsonObject matMul = new JsonObject();
        matMul.addProperty(ROWS, mm.rows());
        matMul.addProperty(INNER, mm.inner());
        matMul.addProperty(COLUMNS, mm.columns());
        matMul.addProperty(REPETITIONS, mm.repetitions());
        matMul.addProperty(FLOPS_PER_ROUND, mm.roundFlops());
        matMul.add(ROUND_SECONDS, TimingSummaryJson.write(mm.rounds()));
        matMul.addProperty(GFLOPS_PER_SECOND, mm.gflopsPerSecond());
        m.add(MATMUL, matMul);
        m.addProperty(MATMUL_RATIO, r.matMulRatio());
        if (r.blasReference() != null) {
            MatMulMeasurement b = r.blasReference();
            JsonObject blas = new JsonObject();
            blas.addProperty(WHAT, OPENBLAS_WHAT);
            blas.addProperty(REPETITIONS, b.repetitions());
            blas.add(ROUND_SECONDS, TimingSummaryJson.write(b.rounds()));
            blas.addProperty(GFLOPS_PER_SECOND, b.gflopsPerSecond());
            m.add(OPENBLAS_REFERENCE, blas);
            m.addProperty(OPENBLAS_RATIO, r.blasRatio());
        }
        m.addProperty(DEVICE, r.device());
        return m;
    }

    /// Reads a document written by [#write]; one without `format_version` is version 1; the
    /// OpenBLAS reference, where present, gets the matmul's sizes.
    ///
    /// @throws IllegalStateException or NullPointerException when a field is missing or of
    ///     another type, or the version is newer (reports are machine-written; callers comparing
    ///     reports catch them)
    static EncodeBenchmarkRun read(JsonObject o) {
        BenchmarkJson.checkVersion(o, "bench encode report");
        JsonObject s = o.getAsJsonObject(SETTINGS);
        EncodeBenchmarkSettings settings = new EncodeBenchmarkSettings(s.get(TOKENS_PER_TEXT).getAsInt(),
                s.get(BATCH_SIZE).getAsInt(), s.get(WARMUP_BATCHES).getAsInt(), s.get(MEASURED_BATCHES).getAsInt());
        BenchmarkEnvironmentJson.Read environment = BenchmarkEnvironmentJson.read(o.getAsJsonObject(ENVIRONMENT));
        List<EncodeBenchmarkResult> results = new ArrayList<>();
        for (JsonElement element : o.getAsJsonArray(MODELS)) {
            results.add(model(element.getAsJsonObject(), settings));
        }
        return new EncodeBenchmarkRun(settings, environment.environment(), environment.loadAtEnd(), results);
    }

    private static EncodeBenchmarkResult model(JsonObject m, EncodeBenchmarkSettings settings) {
        EncoderShape shape = new EncoderShape(m.get(LAYERS).getAsInt(), m.get(HIDDEN).getAsInt(),
                m.get(HEADS).getAsInt(), m.get(INTERMEDIATE).getAsInt(), m.get(VOCAB).getAsInt());
        JsonObject mm = m.getAsJsonObject(MATMUL);
        MatMulMeasurement matMul = new MatMulMeasurement(mm.get(ROWS).getAsLong(), mm.get(INNER).getAsLong(),
                mm.get(COLUMNS).getAsLong(), mm.get(REPETITIONS).getAsInt(),
                TimingSummaryJson.read(mm.getAsJsonObject(ROUND_SECONDS)));
        MatMulMeasurement blas = null;
        if (m.has(OPENBLAS_REFERENCE)) {
            JsonObject b = m.getAsJsonObject(OPENBLAS_REFERENCE);
            blas = new MatMulMeasurement(matMul.rows(), matMul.inner(), matMul.columns(),
                    b.get(REPETITIONS).getAsInt(), TimingSummaryJson.read(b.getAsJsonObject(ROUND_SECONDS)));
        }
        return new EncodeBenchmarkResult(m.get(MODEL).getAsString(), shape, settings,
                m.get(FLOPS_PER_TEXT).getAsLong(), TimingSummaryJson.read(m.getAsJsonObject(BATCH_SECONDS)), matMul,
                m.get(DEVICE).getAsString(), blas);
    }
}
