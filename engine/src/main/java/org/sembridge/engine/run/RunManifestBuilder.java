package org.sembridge.engine.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.hf.DecoderTying;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.provenance.Provenance;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.TopKSupportSearch;
import org.sembridge.engine.transfer.baseline.Alpha;
import org.sembridge.engine.transfer.baseline.EmbeddingInitializer;
import org.sembridge.engine.transfer.baseline.TransferMethod;

/// Collects the content of `run.json` ([RunManifest] documents the layout) while a run
/// progresses, including the decisions the run took, in plain sentences.
final class RunManifestBuilder {

    private final JsonObject root = new JsonObject();
    private final JsonObject parameters = new JsonObject();
    private final JsonObject inputs = new JsonObject();
    private final JsonObject counts = new JsonObject();
    private final JsonObject solving = new JsonObject();
    private final JsonArray decisions = new JsonArray();

    RunManifestBuilder() {
        root.addProperty("format", RunManifest.FORMAT);
        root.addProperty("format_version", RunManifest.FORMAT_VERSION);
        root.addProperty("no_op", false);
        root.addProperty("no_op_reason", "");
        root.add("method", JsonNull.INSTANCE);
        root.add("parameters", parameters);
        root.add("inputs", inputs);
        inputs.add("source", JsonNull.INSTANCE);
        inputs.add("target_tokenizer", JsonNull.INSTANCE);
        inputs.add("bridge", JsonNull.INSTANCE);
        root.add("counts", counts);
        root.add("decisions", decisions);
    }

    /// The parameters of the request and the decisions that follow from the method alone.
    void request(TransferRequest request, EmbeddingInitializer initializer, SelectedDevice device) {
        root.addProperty("method", initializer.name());
        parameters.addProperty("alpha", request.alpha());
        parameters.addProperty("bias_mode", request.biasMode().cliName());
        JsonObject overlap = new JsonObject();
        overlap.addProperty("exact", request.overlap().exact());
        overlap.addProperty("fuzzy", request.overlap().fuzzy());
        overlap.addProperty("symbols", request.overlap().symbols());
        overlap.addProperty("specials_by_role", request.overlap().specialsByRole());
        parameters.addProperty("unknown_bridge", request.unknownBridge().cliName());
        parameters.add("overlap", overlap);
        parameters.addProperty("device", request.device().name().toLowerCase(java.util.Locale.ROOT));
        parameters.addProperty("seed", request.seed());
        parameters.addProperty("top_k", AlignmentOptions.DEFAULT_TOP_K);
        JsonObject deviceJson = new JsonObject();
        deviceJson.addProperty("name", device.name());
        deviceJson.addProperty("reason", device.reason());
        root.add("device", deviceJson);
        inputs.add("source", pathOnly(request.source()));
        inputs.add("target_tokenizer", pathOnly(request.targetTokenizer()));
        decision("decoder bias: " + switch (request.biasMode()) {
            case INDEX -> "index (Hugging Face resize_token_embeddings: entry x kept for x < source size, zero "
                    + "beyond; the paper's setting)";
            case MAPPED -> "mapped (copied for overlap tokens, the same weights as the embeddings for new tokens)";
            case ZERO -> "zero (all entries 0)";
        });
        decision("overlap copy: exact " + request.overlap().exact() + ", fuzzy " + request.overlap().fuzzy()
                + ", symbols " + request.overlap().symbols() + ", specials by role " + request.overlap().specialsByRole()
                + "; special target tokens without a match are built like new tokens");
        decision(initializer.method().decision().text(new Alpha(request.alpha()), request.seed()));
    }

    /// The source model's shape and its vocabulary-sized tensors.
    void source(HfModelFolder folder, SourceMatrices matrices) {
        JsonObject source = new JsonObject();
        source.addProperty("family", folder.config().family().modelType());
        source.addProperty("vocab_size", folder.config().vocabSize());
        source.addProperty("tokenizer_size", matrices.tokenizerSize());
        source.addProperty("hidden_size", folder.config().hiddenSize());
        source.addProperty("decoder", matrices.tensors().tying().description());
        JsonArray replaced = new JsonArray();
        matrices.tensors().names().forEach(replaced::add);
        source.add("replaced_tensors", replaced);
        root.add("source", source);
        DecoderTying tying = matrices.tensors().tying();
        decision("decoder: " + tying.description() + switch (tying) {
            case TIED_NOT_STORED -> "; it follows the new embeddings";
            case TIED_STORED_EQUAL -> "; the stored copy is replaced by the new embeddings";
            case UNTIED -> "; it is mapped with the same plan as the embeddings (overlap rows copied)";
            case NO_HEAD -> "; only the embeddings are replaced";
        });
        if (matrices.tokenizerSize() < folder.config().vocabSize()) {
            decision("the source tokenizer defines " + matrices.tokenizerSize() + " of " + folder.config().vocabSize()
                    + " embedding rows; the rows beyond it have no token and are never chosen as sources");
        }
        if (folder.weightSource().getFileName().toString().endsWith(".index.json")) {
            decision("the source checkpoint is sharded; the adapted model is written as one model.safetensors");
        }
    }

    /// Marks the run as a no-op.
    void noOp(String reason) {
        root.addProperty("no_op", true);
        root.addProperty("no_op_reason", reason);
        decision("no-op: " + reason);
    }

    /// What the bridge did.
    void bridge(JsonObject bridge) {
        inputs.add("bridge", bridge);
    }

    /// Records one decision.
    void decision(String text) {
        decisions.add(text);
    }

    /// Support-size histogram and, for a method that solves alpha-entmax rows (SemBridge), how the
    /// rows were solved.
    void alignments(List<TokenAlignment> alignments, int sourceSize, double alpha, TransferMethod method) {
        JsonObject histogram = new JsonObject();
        supportHistogram(alignments).forEach((size, tokens) -> histogram.addProperty(size.toString(), tokens));
        solving.add("support_histogram", histogram);
        if (method.readsAlpha()) {
            solving.add("rows_solved", rowsSolved(alignments, sourceSize, alpha));
        }
    }

    /// Support sizes of the weight-based alignments, `{size: tokens}` ascending (softmax rows,
    /// whose support is the whole source vocabulary, are not counted).
    static Map<Integer, Integer> supportHistogram(List<TokenAlignment> alignments) {
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (TokenAlignment alignment : alignments) {
            if (!alignment.truncated()) {
                histogram.merge(alignment.size(), 1, Integer::sum);
            }
        }
        return histogram;
    }

    /// How [TopKSupportSearch] solved the rows, derived from the support sizes: a row is exact on
    /// the first `K'` candidates exactly when its support is smaller than `K'` (the support is a
    /// prefix of the candidates sorted by similarity), on the widened `4 K'` when smaller than
    /// that, else it needed the full row; `K'` covering the whole vocabulary is always exact.
    private static JsonObject rowsSolved(List<TokenAlignment> alignments, int sourceSize, double alpha) {
        int firstK = Math.min(sourceSize, Math.max(AlignmentOptions.DEFAULT_TOP_K, TopKSupportSearch.NEAREST_COUNT));
        int widerK = (int) Math.min(sourceSize, (long) TopKSupportSearch.WIDENING_FACTOR * firstK);
        int onTopK = 0;
        int widened = 0;
        int fullRow = 0;
        int dense = 0;
        for (TokenAlignment alignment : alignments) {
            if (alpha == 1.0) {
                dense++;
            } else if (alignment.size() < firstK || firstK == sourceSize) {
                onTopK++;
            } else if (alignment.size() < widerK || widerK == sourceSize) {
                widened++;
            } else {
                fullRow++;
            }
        }
        JsonObject solved = new JsonObject();
        solved.addProperty("top_k", firstK);
        solved.addProperty("widened_k", widerK);
        solved.addProperty("on_top_k", onTopK);
        solved.addProperty("widened", widened);
        solved.addProperty("full_row", fullRow);
        solved.addProperty("dense_softmax", dense);
        return solved;
    }

    /// The content hashes of the source and target inputs.
    void inputs(String sourceHash, String targetHash, Path targetFolder) {
        inputs.getAsJsonObject("source").addProperty("sha256", sourceHash);
        JsonObject target = inputs.getAsJsonObject("target_tokenizer");
        target.addProperty("folder", targetFolder.toAbsolutePath().toString());
        target.addProperty("sha256", targetHash);
    }

    /// The changes made to `config.json`.
    void configEdits(List<ConfigEdit> edits) {
        JsonArray array = new JsonArray();
        for (ConfigEdit edit : edits) {
            JsonObject json = new JsonObject();
            json.addProperty("key", edit.key());
            json.addProperty("source", edit.sourceValue());
            json.addProperty("written", edit.writtenValue());
            json.addProperty("note", edit.note());
            array.add(json);
        }
        root.add("config_edits", array);
    }

    /// Target-token counts.
    RunManifestBuilder counts(Map<String, Integer> values) {
        values.forEach(counts::addProperty);
        solving.entrySet().forEach(entry -> counts.add(entry.getKey(), entry.getValue()));
        return this;
    }

    /// Seconds per stage and in total.
    /// The first estimate of each long stage (seconds for the whole stage), next to the timings.
    RunManifestBuilder estimates(Map<String, Double> seconds) {
        JsonObject estimates = new JsonObject();
        seconds.forEach(estimates::addProperty);
        root.add("estimates_seconds", estimates);
        return this;
    }

    RunManifestBuilder timings(Map<String, Double> seconds, double totalSeconds) {
        JsonObject timings = new JsonObject();
        seconds.forEach(timings::addProperty);
        timings.addProperty("total", totalSeconds);
        root.add("timings_seconds", timings);
        return this;
    }

    /// Engine, JDK, OS, device and timestamps.
    RunManifestBuilder provenance(Provenance provenance) {
        root.add("provenance", provenance.toJson());
        return this;
    }

    /// The document, pretty-printed, with a final newline.
    String toJson() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root)
                + "\n";
    }

    private static JsonObject pathOnly(Path path) {
        JsonObject object = new JsonObject();
        object.addProperty("path", path.toAbsolutePath().toString());
        return object;
    }
}
