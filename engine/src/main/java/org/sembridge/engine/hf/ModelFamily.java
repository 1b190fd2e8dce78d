package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.sembridge.engine.ModelFormatException;

/// The encoder architectures the engine can run, named by the `model_type` of `config.json`.
///
/// All four are post-LayerNorm transformer encoders with a masked-language-model head; they
/// differ in tensor names, in how position ids are formed and in the head's activation:
///
/// | family | `model_type` | checkpoint prefix | position ids |
/// |---|---|---|---|
/// | [#BERT] | `bert` | `bert.` | `0 .. n-1` |
/// | [#ROBERTA] | `roberta` | `roberta.` | `cumsum(ids != pad) * (ids != pad) + pad` |
/// | [#XLM_ROBERTA] | `xlm-roberta` | `roberta.` | as RoBERTa |
/// | [#DISTILBERT] | `distilbert` | `distilbert.` | `0 .. n-1`, no token types |
public enum ModelFamily {
    /// BERT (`BertForMaskedLM`, `BertModel`), e.g. SPLADE v3, SPLADE++.
    BERT("bert", "bert."),
    /// RoBERTa (`RobertaForMaskedLM`, `RobertaModel`), e.g. granite-embedding sparse.
    ROBERTA("roberta", "roberta."),
    /// XLM-RoBERTa (`XLMRobertaForMaskedLM`, `XLMRobertaModel`), e.g. the bge-m3 bridge.
    XLM_ROBERTA("xlm-roberta", "roberta."),
    /// DistilBERT (`DistilBertForMaskedLM`, `DistilBertModel`), e.g. opensearch sparse v1.
    DISTILBERT("distilbert", "distilbert.");

    private final String modelType;
    private final String checkpointPrefix;

    ModelFamily(String modelType, String checkpointPrefix) {
        this.modelType = modelType;
        this.checkpointPrefix = checkpointPrefix;
    }

    /// The `model_type` value of `config.json` that names this family.
    public String modelType() {
        return modelType;
    }

    /// The prefix the `*ForMaskedLM` classes put before the encoder's tensor names, with its
    /// trailing dot (`bert.`); bare encoders saved by `*Model.save_pretrained` have none.
    public String checkpointPrefix() {
        return checkpointPrefix;
    }

    /// Whether position ids start after the padding id and skip padding, as RoBERTa does.
    public boolean offsetsPositionsByPadding() {
        return this == ROBERTA || this == XLM_ROBERTA;
    }

    /// Looks up the family of a `model_type` value.
    ///
    /// @param modelType the value found in `config.json`
    /// @param configFile the file it came from, for the message
    /// @throws ModelFormatException naming the file, the value and the supported values when the
    ///     value is none of them
    public static ModelFamily fromModelType(String modelType, Path configFile) throws ModelFormatException {
        for (ModelFamily family : values()) {
            if (family.modelType.equals(modelType)) {
                return family;
            }
        }
        throw new ModelFormatException(configFile + ": model_type \"" + modelType
                + "\" is not supported; supported model types: " + supportedModelTypes());
    }

    /// The supported `model_type` values, comma-separated, for messages and help texts.
    public static String supportedModelTypes() {
        return Arrays.stream(values()).map(ModelFamily::modelType).collect(Collectors.joining(", "));
    }
}
