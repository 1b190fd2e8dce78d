package org.sembridge.engine.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/// What a Hugging Face model folder holds, as `sembridge info` and the workbench's model cards
/// show it: read from `config.json` and the safetensors headers by [ModelInspection#describeModel]
/// without loading any weight.
///
/// @param directory the folder as given
/// @param family the architecture, `model_type` of `config.json` (`bert`, `xlm-roberta`, ...)
/// @param architectures the `architectures` of `config.json`, e.g. `BertForMaskedLM`
/// @param layers transformer layers
/// @param hiddenSize width of the hidden states
/// @param heads attention heads per layer
/// @param intermediateSize width of the feed-forward layer
/// @param vocabSize rows of the word embeddings (= `vocab_size`, checked)
/// @param maxTokens the most tokens per text, special tokens included
/// @param declaredDtype `torch_dtype` of `config.json`, empty when absent
/// @param elementsByStorageDtype stored elements per safetensors dtype (`F32`, `BF16`, ...)
/// @param parameterCount stored elements of the floating-point tensors, as Hugging Face's
///     `num_parameters()`
/// @param hasMlmHead whether the checkpoint has a masked-language-model head (SPLADE needs one)
/// @param decoder how the MLM decoder relates to the word embeddings, as a lower-case name:
///     `tied_not_stored`, `tied_stored_equal`, `untied` or `no_head`
/// @param tiedDecoder whether the decoder uses the word-embedding values
/// @param decoderDescription [#decoder] in words, e.g. `untied (decoder weight stored, differs
///     from the word embeddings)`
/// @param tokenizerFile `tokenizer.json` or `vocab.txt`
/// @param pooling the sentence-transformers pooling the folder declares (`modules.json`); empty
///     when it declares none
public record ModelDescription(
        Path directory,
        String family,
        List<String> architectures,
        int layers,
        int hiddenSize,
        int heads,
        int intermediateSize,
        int vocabSize,
        int maxTokens,
        String declaredDtype,
        Map<String, Long> elementsByStorageDtype,
        long parameterCount,
        boolean hasMlmHead,
        String decoder,
        boolean tiedDecoder,
        String decoderDescription,
        Path tokenizerFile,
        Optional<Pooling> pooling) {

    public ModelDescription {
        architectures = List.copyOf(architectures);
        elementsByStorageDtype = Map.copyOf(elementsByStorageDtype);
        Objects.requireNonNull(pooling, "pooling");
    }

    /// A declared sentence-transformers pooling.
    ///
    /// @param mode `cls`, `mean` or `max`
    /// @param normalize whether the pooled vector is divided by its L2 norm
    public record Pooling(String mode, boolean normalize) {
    }
}
