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

import static org.sembridge.engine.run.RunManifestKeys.*;

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
        root.addProperty(FORMAT_KEY, RunManifest.FORMAT);
        root.addProperty(FORMAT_VERSION_KEY, RunManifest.FORMAT_VERSION);
        root.addProperty(NO_OP, false);
        root.addProperty(NO_OP_REASON, "");
        root.add(METHOD, JsonNull.INSTANCE);
        root.add(PARAMETERS, parameters);
        root.add(INPUTS, inputs);
        inputs.add(SOURCE, JsonNull.INSTANCE);
        inputs.add(TARGET_TOKENIZER, JsonNull.INSTANCE);
        inputs.add(BRIDGE, JsonNull.INSTANCE);
        root.add(COUNTS, counts);
        root.add(DECISIONS, decisions);
    }

    /// The parameters of the request and the decisions that follow from the method alone.
    void request(TransferRequest request, EmbeddingInitializer initializer, SelectedDevice device) {
        root.addProperty(METHOD, initializer.name());
        parameters.addProperty(ALPHA, request.alpha());
        parameters.addProperty(BIAS_MODE, request.biasMode().cliName());
        JsonObject overlap = new JsonObject();
        overlap.addProperty(EXACT, request.overlap().exact());
        overlap.addProperty(FUZZY, request.overlap().fuzzy());
        overlap.addProperty(SYMBOLS, request.overlap().symbols());
        overlap.addProperty(SPECIALS_BY_ROLE, request.overlap().specialsByRole());
        parameters.addProperty(UNKNOWN_BRIDGE, request.unknownBridge().cliName());
        parameters.add(OVERLAP, overlap);
        parameters.addProperty(DEVICE, request.device().name().toLowerCase(java.util.Locale.ROOT));
        parameters.addProperty(SEED, request.seed());
        parameters.addProperty(TOP_K, AlignmentOptions.DEFAULT_TOP_K);
        JsonObject deviceJson = new JsonObject();
        deviceJson.addProperty(NAME, device.name());
        deviceJson.addProperty(REASON, device.reason());
        root.add(DEVICE, deviceJson);
        inputs.add(SOURCE, pathOnly(request.source()));
        inputs.add(TARGET_TOKENIZER, pathOnly(request.targetTokenizer()));
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
        source.addProperty(FAMILY, folder.config().family().modelType());
        source.addProperty(VOCAB_SIZE, folder.config().vocabSize());
        source.addProperty(TOKENIZER_SIZE, matrices.tokenizerSize());
        source.addProperty(HIDDEN_SIZE, folder.config().hiddenSize());
        source.addProperty(DECODER, matrices.tensors().tying().description());
        JsonArray replaced = new JsonArray();
        matrices.tensors().names().forEach(replaced::add);
        source.add(REPLACED_TENSORS, replaced);
        root.add(SOURCE, source);
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

    /// The target language (`target.language`, its origin and, when counted, the scripts).
    void language(TargetLanguage language) {
        JsonObject target = new JsonObject();
        target.addProperty(LANGUAGE, language.code());
        target.addProperty(LANGUAGE_ORIGIN, language.origin().jsonName());
        if (!language.scripts().isEmpty()) {
            JsonObject scripts = new JsonObject();
            language.scripts().forEach(scripts::addProperty);
            target.add(SCRIPTS, scripts);
        }
        JsonArray languages = new JsonArray();
        language.languages().forEach(languages::add);
        target.add(LANGUAGES, languages);
        root.add(TARGET, target);
        decision("target language: " + language.code() + switch (language.origin()) {
            case OPTION -> " (given by the user)";
            case TOKENIZER_FOLDER -> " (the target tokenizer's folder name)";
            case VOCABULARY_SCRIPTS -> " (from the scripts of the new target tokens: " + language.scripts() + ")";
            case LEXICON -> " (from the lexicon; scripts of the new target tokens: " + language.scripts() + ")";
            case RECORDED -> "";
        } + (language.languages().isEmpty() ? "" : "; covers " + String.join(", ", language.languages())
                + (language.origin() == TargetLanguage.Origin.LEXICON
                        ? " (the lexicon columns with at least " + Math.round(TargetLanguage.LEXICON_COVERAGE * 100)
                                + "% of their words as single target tokens)" : "")));
    }

    /// Marks the run as a no-op.
    void noOp(String reason) {
        root.addProperty(NO_OP, true);
        root.addProperty(NO_OP_REASON, reason);
        decision("no-op: " + reason);
    }

    /// What the bridge did.
    void bridge(JsonObject bridge) {
        inputs.add(BRIDGE, bridge);
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
        solving.add(SUPPORT_HISTOGRAM, histogram);
        if (method.readsAlpha()) {
            solving.add(ROWS_SOLVED, rowsSolved(alignments, sourceSize, alpha));
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
        solved.addProperty(TOP_K, firstK);
        solved.addProperty(WIDENED_K, widerK);
        solved.addProperty(ON_TOP_K, onTopK);
        solved.addProperty(WIDENED, widened);
        solved.addProperty(FULL_ROW, fullRow);
        solved.addProperty(DENSE_SOFTMAX, dense);
        return solved;
    }

    /// The content hashes of the source and target inputs.
    void inputs(String sourceHash, String targetHash, Path targetFolder) {
        inputs.getAsJsonObject(SOURCE).addProperty(SHA256, sourceHash);
        JsonObject target = inputs.getAsJsonObject(TARGET_TOKENIZER);
        target.addProperty(FOLDER, targetFolder.toAbsolutePath().toString());
        target.addProperty(SHA256, targetHash);
    }

    /// The changes made to `config.json`.
    void configEdits(List<ConfigEdit> edits) {
        JsonArray array = new JsonArray();
        for (ConfigEdit edit : edits) {
            JsonObject json = new JsonObject();
            json.addProperty(KEY, edit.key());
            json.addProperty(SOURCE, edit.sourceValue());
            json.addProperty(WRITTEN, edit.writtenValue());
            json.addProperty(NOTE, edit.note());
            array.add(json);
        }
        root.add(CONFIG_EDITS, array);
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
        root.add(ESTIMATES_SECONDS, estimates);
        return this;
    }

    RunManifestBuilder timings(Map<String, Double> seconds, double totalSeconds) {
        JsonObject timings = new JsonObject();
        seconds.forEach(timings::addProperty);
        timings.addProperty(TOTAL, totalSeconds);
        root.add(TIMINGS_SECONDS, timings);
        return this;
    }

    /// Engine, JDK, OS, device and timestamps.
    RunManifestBuilder provenance(Provenance provenance) {
        root.add(PROVENANCE, provenance.toJson());
        return this;
    }

    /// The document, pretty-printed, with a final newline.
    String toJson() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root)
                + "\n";
    }

    private static JsonObject pathOnly(Path path) {
        JsonObject object = new JsonObject();
        object.addProperty(PATH, path.toAbsolutePath().toString());
        return object;
    }
}
