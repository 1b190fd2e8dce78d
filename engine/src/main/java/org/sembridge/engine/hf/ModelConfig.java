package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.sembridge.engine.ModelFormatException;

/// The architecture of an encoder as declared by its `config.json`, in one vocabulary for all
/// four families (DistilBERT's `dim`, `n_layers`, `n_heads`, `hidden_dim`, `activation` are
/// mapped onto the BERT names).
///
/// Every size is validated on reading: positive, `hiddenSize` divisible by `numHeads`, the
/// padding id inside the vocabulary. The checkpoint's tensor shapes are checked against these
/// numbers later ([WeightLayout]), so a disagreement is reported with the value from here.
///
/// @param family the architecture, from `model_type`
/// @param vocabSize rows of the word-embedding matrix and width of the MLM logits (`vocab_size`)
/// @param hiddenSize width of the hidden states (`hidden_size`, DistilBERT `dim`)
/// @param numLayers number of transformer layers (`num_hidden_layers`, `n_layers`)
/// @param numHeads attention heads per layer (`num_attention_heads`, `n_heads`)
/// @param intermediateSize width of the feed-forward layer (`intermediate_size`, `hidden_dim`)
/// @param maxPositionEmbeddings rows of the position-embedding table (`max_position_embeddings`)
/// @param typeVocabSize rows of the token-type table (`type_vocab_size`); 0 for DistilBERT
/// @param layerNormEps epsilon of every LayerNorm (`layer_norm_eps`; DistilBERT: fixed 1e-12)
/// @param hiddenAct feed-forward activation (`hidden_act`, DistilBERT `activation`)
/// @param padTokenId id of the padding token (`pad_token_id`; defaults 0, RoBERTa family 1)
/// @param tieWordEmbeddings whether the MLM decoder shares the word embeddings
///     (`tie_word_embeddings`, default true)
/// @param architectures the `architectures` list, e.g. `BertForMaskedLM`; may be empty
/// @param torchDtype the declared storage type (`torch_dtype` or `dtype`), empty when absent
/// @param sinusoidalPositions DistilBERT `sinusoidal_pos_embds`: fixed sinusoidal positions
public record ModelConfig(
        ModelFamily family,
        int vocabSize,
        int hiddenSize,
        int numLayers,
        int numHeads,
        int intermediateSize,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double layerNormEps,
        HiddenActivation hiddenAct,
        int padTokenId,
        boolean tieWordEmbeddings,
        List<String> architectures,
        String torchDtype,
        boolean sinusoidalPositions) {

    /// LayerNorm epsilon DistilBERT hard-codes (its config has no key for it).
    public static final double DISTILBERT_LAYER_NORM_EPS = 1e-12;

    public ModelConfig {
        architectures = List.copyOf(architectures);
    }

    /// Dimensions per attention head, `hiddenSize / numHeads`.
    public int headSize() {
        return hiddenSize / numHeads;
    }

    /// The most tokens (special tokens included) one sequence may have: the rows of the
    /// position table, minus `padTokenId + 1` for the RoBERTa family, whose first position id
    /// is `padTokenId + 1` (514 rows, pad 1 -> 512 tokens).
    public int maxTokens() {
        return family.offsetsPositionsByPadding()
                ? maxPositionEmbeddings - padTokenId - 1
                : maxPositionEmbeddings;
    }

    /// Reads and validates a `config.json`.
    ///
    /// @throws ModelFormatException naming the file and the key when the file is missing or
    ///     malformed, `model_type` is not supported, a required size is missing or not
    ///     positive, the hidden size is not divisible by the number of heads, the padding id
    ///     lies outside the vocabulary, or `position_embedding_type` is not `absolute`
    public static ModelConfig read(Path configFile) throws ModelFormatException {
        JsonFile json = JsonFile.read(configFile);
        String modelType = json.optString("model_type").orElseThrow(() -> new ModelFormatException(
                configFile + ": missing key \"model_type\"; supported model types: "
                        + ModelFamily.supportedModelTypes()));
        ModelFamily family = ModelFamily.fromModelType(modelType, configFile);
        ModelConfig config = family == ModelFamily.DISTILBERT ? readDistilBert(json) : readBertLike(json, family);
        config.validate(configFile);
        return config;
    }

    private static ModelConfig readBertLike(JsonFile json, ModelFamily family) throws ModelFormatException {
        String position = json.optString("position_embedding_type").orElse("absolute");
        if (!position.equals("absolute")) {
            throw new ModelFormatException(json.path() + ": position_embedding_type \"" + position
                    + "\" is not supported; supported: absolute");
        }
        String why = "required for model_type " + family.modelType();
        String activation = json.optString("hidden_act").orElse("gelu");
        return new ModelConfig(family,
                json.requirePositiveInt("vocab_size", why),
                json.requirePositiveInt("hidden_size", why),
                json.requirePositiveInt("num_hidden_layers", why),
                json.requirePositiveInt("num_attention_heads", why),
                json.requirePositiveInt("intermediate_size", why),
                json.requirePositiveInt("max_position_embeddings", why),
                json.optInt("type_vocab_size").orElse(2),
                json.optDouble("layer_norm_eps", 1e-12),
                HiddenActivation.fromConfigName(activation, "hidden_act", json.path()),
                json.optInt("pad_token_id").orElse(family.offsetsPositionsByPadding() ? 1 : 0),
                json.optBoolean("tie_word_embeddings", true),
                json.optStrings("architectures"),
                declaredDtype(json),
                false);
    }

    private static ModelConfig readDistilBert(JsonFile json) throws ModelFormatException {
        String why = "required for model_type distilbert";
        String activation = json.optString("activation").orElse("gelu");
        return new ModelConfig(ModelFamily.DISTILBERT,
                json.requirePositiveInt("vocab_size", why),
                json.requirePositiveInt("dim", why),
                json.requirePositiveInt("n_layers", why),
                json.requirePositiveInt("n_heads", why),
                json.requirePositiveInt("hidden_dim", why),
                json.optInt("max_position_embeddings").orElse(512),
                0,
                DISTILBERT_LAYER_NORM_EPS,
                HiddenActivation.fromConfigName(activation, "activation", json.path()),
                json.optInt("pad_token_id").orElse(0),
                json.optBoolean("tie_word_embeddings", true),
                json.optStrings("architectures"),
                declaredDtype(json),
                json.optBoolean("sinusoidal_pos_embds", false));
    }

    private static String declaredDtype(JsonFile json) throws ModelFormatException {
        Optional<String> torchDtype = json.optString("torch_dtype");
        return torchDtype.isPresent() ? torchDtype.get() : json.optString("dtype").orElse("");
    }

    private void validate(Path configFile) throws ModelFormatException {
        boolean distil = family == ModelFamily.DISTILBERT;
        if (hiddenSize % numHeads != 0) {
            throw new ModelFormatException(configFile + ": " + (distil ? "dim " : "hidden_size ") + hiddenSize
                    + " is not divisible by " + (distil ? "n_heads " : "num_attention_heads ") + numHeads
                    + "; every attention head needs the same whole number of dimensions");
        }
        if (typeVocabSize < 0 || (!distil && typeVocabSize == 0)) {
            throw new ModelFormatException(configFile + ": \"type_vocab_size\" must be positive, found "
                    + typeVocabSize);
        }
        if (!(layerNormEps > 0) || Double.isInfinite(layerNormEps)) {
            throw new ModelFormatException(configFile + ": \"layer_norm_eps\" must be a positive number, found "
                    + layerNormEps);
        }
        if (padTokenId < 0 || padTokenId >= vocabSize) {
            throw new ModelFormatException(configFile + ": \"pad_token_id\" " + padTokenId
                    + " lies outside the vocabulary [0, " + vocabSize + ")");
        }
        if (maxTokens() < 2) {
            throw new ModelFormatException(configFile + ": \"max_position_embeddings\" " + maxPositionEmbeddings
                    + " leaves " + maxTokens() + " usable positions"
                    + (family.offsetsPositionsByPadding() ? " after the padding offset " + (padTokenId + 1) : "")
                    + "; at least 2 are needed");
        }
    }
}
