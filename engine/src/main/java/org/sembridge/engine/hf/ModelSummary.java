package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/// What a model folder holds, for `sembridge info` and the workbench's model page.
///
/// @param directory the folder as given
/// @param family the architecture (`model_type`)
/// @param architectures the `architectures` of `config.json`, e.g. `BertForMaskedLM`
/// @param layers transformer layers
/// @param hiddenSize width of the hidden states
/// @param heads attention heads per layer
/// @param intermediateSize width of the feed-forward layer
/// @param vocabSize rows of the word embeddings (= `vocab_size`, checked)
/// @param maxTokens the most tokens per text, special tokens included
/// @param declaredDtype `torch_dtype` of `config.json`, empty when absent
/// @param elementsByStorageDtype stored elements per safetensors dtype (`F32`, `BF16`, ...)
/// @param parameterCount stored elements of the floating-point tensors (integer buffers such as
///     `position_ids` excluded), as Hugging Face's `num_parameters()`
/// @param hasMlmHead whether the checkpoint has a masked-language-model head (needed for SPLADE)
/// @param decoderTying how the MLM decoder relates to the word embeddings
/// @param weightFiles the safetensors files (one, or one per shard)
/// @param tokenizerFile `tokenizer.json` or `vocab.txt`
/// @param sentenceTransformer the pooling pipeline used when the folder serves as a bridge
public record ModelSummary(
        Path directory,
        ModelFamily family,
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
        DecoderTying decoderTying,
        List<Path> weightFiles,
        Path tokenizerFile,
        SentenceTransformerConfig sentenceTransformer) {

    public ModelSummary {
        architectures = List.copyOf(architectures);
        elementsByStorageDtype = Map.copyOf(elementsByStorageDtype);
        weightFiles = List.copyOf(weightFiles);
    }
}
