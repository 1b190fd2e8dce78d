package org.sembridge.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelConfig;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.hf.TensorSpec;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.safetensors.TensorInfo;

/// Checks that a model folder's `config.json`, tensors and tokenizer agree, the way Hugging Face
/// transformers will use them together: what `init` verifies on every adapted model before it
/// publishes the run folder, and what `sembridge info --check DIR` reports for any folder.
///
/// Checks, after [HfModelFolder#open] and [HfModelFolder#openWeights] (which already require
/// every tensor the forward pass reads, under its first stored name, to have the shape
/// `config.json` implies):
///
/// 1. **Vocabulary-sized tensors**: every stored name of the word embeddings, the decoder weight
///    and each decoder-bias alias (`lm_head.bias` and `lm_head.decoder.bias`,
///    `cls.predictions.bias` and `cls.predictions.decoder.bias`) has `vocab_size` rows;
/// 2. **Tokenizer size**: the tokenizer has at most `vocab_size` ids;
/// 3. **Special ids**: each of `pad_token_id`, `bos_token_id`, `eos_token_id`, `cls_token_id`,
///    `sep_token_id`, `unk_token_id`, `mask_token_id` in `config.json` lies inside the
///    vocabulary and equals the tokenizer's token of that role where the tokenizer has one
///    ([TargetTokenizerFolder#specialTokenId]); the padding id is compared even when the key is
///    absent (transformers then uses the family's default, 0 or 1);
/// 4. **Positions**: `model_max_length` of `tokenizer_config.json` and `max_seq_length` of
///    `sentence_bert_config.json` are at most the usable positions ([ModelConfig#maxTokens()]:
///    `max_position_embeddings`, minus `pad_token_id + 1` for RoBERTa/XLM-R).
///
/// Every disagreement is collected; [#requireConsistent] reports them all in one line.
public final class ModelFolderCheck {

    private static final Map<String, String> SPECIAL_ID_KEYS = new LinkedHashMap<>();

    static {
        SPECIAL_ID_KEYS.put("pad_token_id", "pad");
        SPECIAL_ID_KEYS.put("bos_token_id", "bos");
        SPECIAL_ID_KEYS.put("eos_token_id", "eos");
        SPECIAL_ID_KEYS.put("cls_token_id", "cls");
        SPECIAL_ID_KEYS.put("sep_token_id", "sep");
        SPECIAL_ID_KEYS.put("unk_token_id", "unk");
        SPECIAL_ID_KEYS.put("mask_token_id", "mask");
    }

    /// What a consistent folder holds.
    ///
    /// @param folder the folder checked
    /// @param vocabSize `vocab_size`
    /// @param tokenizerSize ids of the tokenizer
    /// @param padTokenId the padding id of `config.json` (or the family default)
    /// @param usablePositions [ModelConfig#maxTokens()]
    /// @param vocabularyTensors stored names of vocabulary-sized tensors checked
    public record Report(Path folder, int vocabSize, int tokenizerSize, int padTokenId, int usablePositions,
            List<String> vocabularyTensors) {

        public Report {
            vocabularyTensors = List.copyOf(vocabularyTensors);
        }

        /// One line for logs and the CLI.
        public String describe() {
            return folder + ": consistent: vocab_size " + vocabSize + " (tokenizer " + tokenizerSize + " ids), "
                    + vocabularyTensors.size() + " vocabulary-sized tensors " + vocabularyTensors + ", pad_token_id "
                    + padTokenId + ", " + usablePositions + " usable positions";
        }
    }

    private ModelFolderCheck() {
    }

    /// Checks `folder` and returns what it holds.
    ///
    /// @throws ModelFormatException naming the folder and every disagreement found (or the first
    ///     file that cannot be read at all)
    public static Report requireConsistent(Path folder) throws ModelFormatException {
        HfModelFolder model = HfModelFolder.open(folder);
        ModelConfig config = model.config();
        List<String> problems = new ArrayList<>();
        List<String> vocabularyTensors = new ArrayList<>();
        try (ModelWeights weights = model.openWeights()) {
            checkVocabularyTensors(weights, problems, vocabularyTensors);
        }
        List<String> tokens;
        try (TextTokenizer tokenizer = TextTokenizer.load(model.modelDirectory(), Math.max(2, config.maxTokens()),
                config.padTokenId())) {
            tokens = tokenizer.tokens();
            if (tokens.size() > config.vocabSize()) {
                problems.add(tokenizer.source().getFileName() + " has " + tokens.size() + " ids but config.json "
                        + "vocab_size is " + config.vocabSize());
            }
        }
        checkSpecialIds(model, tokens, problems);
        checkPositions(model, problems);
        if (!problems.isEmpty()) {
            throw new ModelFormatException(folder + ": inconsistent model folder (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems));
        }
        return new Report(folder, config.vocabSize(), tokens.size(), config.padTokenId(), config.maxTokens(),
                vocabularyTensors);
    }

    private static void checkVocabularyTensors(ModelWeights weights, List<String> problems, List<String> checked) {
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(weights.layout().spec(EncoderPart.WORD_EMBEDDINGS, 0, false));
        if (weights.layout().hasMlmHead()) {
            specs.add(weights.layout().decoderWeight());
            specs.add(weights.layout().spec(EncoderPart.DECODER, 0, true));
        }
        long rows = weights.config().vocabSize();
        for (TensorSpec spec : specs) {
            for (String name : spec.names()) {
                TensorInfo info = weights.checkpoint().find(name).orElse(null);
                if (info == null) {
                    continue;
                }
                checked.add(name);
                if (info.shape().length == 0 || info.shape()[0] != rows) {
                    problems.add("tensor " + name + " has shape " + Arrays.toString(info.shape())
                            + " but config.json vocab_size is " + rows + " (every stored alias must be resized)");
                }
            }
        }
    }

    private static void checkSpecialIds(HfModelFolder model, List<String> tokens, List<String> problems)
            throws ModelFormatException {
        JsonObject config = JsonText.readObject(model.configFile(), ModelFormatException::new);
        TargetTokenizerFolder tokenizer = TargetTokenizerFolder.ofFolder(model.modelDirectory());
        for (Map.Entry<String, String> entry : SPECIAL_ID_KEYS.entrySet()) {
            String key = entry.getKey();
            JsonElement value = config.get(key);
            Integer id;
            if (value == null || value.isJsonNull()) {
                if (!key.equals("pad_token_id")) {
                    continue;
                }
                id = model.config().padTokenId();
            } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
                id = value.getAsInt();
            } else {
                continue;
            }
            if (id < 0 || id >= model.config().vocabSize()) {
                problems.add("config.json " + key + " " + id + " is outside the vocabulary [0, "
                        + model.config().vocabSize() + ")");
                continue;
            }
            OptionalInt expected = tokenizer.specialTokenId(entry.getValue(), tokens);
            if (expected.isPresent() && expected.getAsInt() != id) {
                problems.add("config.json " + key + " is " + id + (id < tokens.size() ? " (" + tokens.get(id) + ")" : "")
                        + " but the tokenizer's " + entry.getValue() + " token " + tokens.get(expected.getAsInt())
                        + " has id " + expected.getAsInt());
            }
        }
    }

    private static void checkPositions(HfModelFolder model, List<String> problems) throws ModelFormatException {
        int usable = model.config().maxTokens();
        String how = model.config().family().offsetsPositionsByPadding()
                ? "max_position_embeddings " + model.config().maxPositionEmbeddings() + " - pad_token_id "
                        + model.config().padTokenId() + " - 1"
                : "max_position_embeddings";
        Path tokenizerConfig = model.modelDirectory().resolve("tokenizer_config.json");
        if (Files.isRegularFile(tokenizerConfig)) {
            JsonElement max = JsonText.readObject(tokenizerConfig, ModelFormatException::new).get("model_max_length");
            if (max != null && max.isJsonPrimitive() && max.getAsJsonPrimitive().isNumber()
                    && max.getAsDouble() > usable) {
                problems.add("tokenizer_config.json model_max_length " + max + " exceeds the " + usable
                        + " usable positions (" + how + "); transformers would index past the position table");
            }
        }
        if (model.sentenceTransformer().maxSeqLength().isPresent()
                && model.sentenceTransformer().maxSeqLength().getAsInt() > usable) {
            problems.add("sentence_bert_config.json max_seq_length " + model.sentenceTransformer().maxSeqLength()
                    .getAsInt() + " exceeds the " + usable + " usable positions (" + how + ")");
        }
    }

}
