package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sembridge.engine.ModelFormatException;

/// The tensor names and expected shapes of one checkpoint: the family's naming scheme, the
/// encoder prefix actually used, and whether an MLM head is present.
///
/// Naming schemes (`{p}` is the encoder prefix, `{L}` the layer):
///
/// | part | BERT, RoBERTa, XLM-R | DistilBERT |
/// |---|---|---|
/// | embeddings | `{p}embeddings.{word,position,token_type}_embeddings`, `{p}embeddings.LayerNorm` | `{p}embeddings.{word,position}_embeddings`, `{p}embeddings.LayerNorm` |
/// | attention | `{p}encoder.layer.{L}.attention.self.{query,key,value}`, `.attention.output.dense`, `.attention.output.LayerNorm` | `{p}transformer.layer.{L}.attention.{q,k,v,out}_lin`, `.sa_layer_norm` |
/// | feed-forward | `.intermediate.dense`, `.output.dense`, `.output.LayerNorm` | `.ffn.lin1`, `.ffn.lin2`, `.output_layer_norm` |
/// | MLM head | BERT `cls.predictions.transform.{dense,LayerNorm}`, `cls.predictions.decoder`, bias `cls.predictions.bias`; RoBERTa/XLM-R `lm_head.{dense,layer_norm}`, `lm_head.decoder`, bias `lm_head.bias` | `vocab_transform`, `vocab_layer_norm`, `vocab_projector` |
///
/// The prefix is the family's (`bert.`, `roberta.`, `distilbert.`) for `*ForMaskedLM`
/// checkpoints and empty for bare encoders (`BertModel.save_pretrained`, sentence-transformers).
/// LayerNorms also accept the TF-era names `gamma` / `beta`; the decoder bias also
/// `<decoder>.bias`. The decoder weight is optional: when absent it is tied to the word
/// embeddings.
public final class WeightLayout {

    private final ModelConfig config;
    private final String prefix;
    private final boolean mlmHead;

    private WeightLayout(ModelConfig config, String prefix, boolean mlmHead) {
        this.config = config;
        this.prefix = prefix;
        this.mlmHead = mlmHead;
    }

    /// Detects the prefix and the head from the tensor names of a checkpoint.
    ///
    /// @param config the parsed `config.json`
    /// @param names every tensor name of the checkpoint
    /// @param checkpoint the checkpoint file, for the message
    /// @throws ModelFormatException naming the file and both accepted names when the word
    ///     embeddings are found under neither prefix
    public static WeightLayout detect(ModelConfig config, Set<String> names, Path checkpoint)
            throws ModelFormatException {
        String word = "embeddings.word_embeddings.weight";
        String familyPrefix = config.family().checkpointPrefix();
        String prefix;
        if (names.contains(familyPrefix + word)) {
            prefix = familyPrefix;
        } else if (names.contains(word)) {
            prefix = "";
        } else {
            throw new ModelFormatException(checkpoint + ": tensor '" + familyPrefix + word + "' (or '" + word
                    + "' for a bare encoder) not found; " + names.size() + " tensors present"
                    + (names.isEmpty() ? "" : ", e.g. '" + names.iterator().next() + "'")
                    + "; is this a " + config.family().modelType() + " checkpoint as config.json says?");
        }
        WeightLayout probe = new WeightLayout(config, prefix, false);
        boolean head = names.contains(probe.spec(EncoderPart.HEAD_TRANSFORM, 0, false).name());
        return new WeightLayout(config, prefix, head);
    }

    /// The encoder prefix in use, with its trailing dot, or empty.
    public String encoderPrefix() {
        return prefix;
    }

    /// Whether the checkpoint has an MLM head (its transform weight is present).
    public boolean hasMlmHead() {
        return mlmHead;
    }

    /// Every tensor the forward pass uses, encoder first, then the head when present; optional
    /// ones (decoder weight, a sinusoidal position table) are marked [TensorSpec#optional()].
    public List<TensorSpec> tensors() {
        List<TensorSpec> specs = new ArrayList<>();
        for (EncoderPart part : EncoderPart.values()) {
            if (!isPresent(part)) {
                continue;
            }
            int layers = part.perLayer() ? config.numLayers() : 1;
            for (int layer = 0; layer < layers; layer++) {
                specs.add(spec(part, layer, false));
                if (part.kind() != EncoderPart.Kind.TABLE) {
                    specs.add(spec(part, layer, true));
                }
            }
        }
        return specs;
    }

    /// Whether the model has this part: token types are absent in DistilBERT, head parts
    /// without an MLM head.
    public boolean isPresent(EncoderPart part) {
        if (part == EncoderPart.TOKEN_TYPE_EMBEDDINGS) {
            return config.family() != ModelFamily.DISTILBERT;
        }
        return !part.head() || mlmHead;
    }

    /// The spec of the optional decoder weight `[vocab_size, hidden]`.
    public TensorSpec decoderWeight() {
        return spec(EncoderPart.DECODER, 0, false);
    }

    /// The names and expected shape of one tensor.
    ///
    /// @param part the parameter block
    /// @param layer the layer, for per-layer parts (ignored otherwise)
    /// @param bias the bias (norm: shift) rather than the weight (norm: gain)
    /// @throws IllegalArgumentException for a table's bias or a layer out of range
    public TensorSpec spec(EncoderPart part, int layer, boolean bias) {
        if (bias && part.kind() == EncoderPart.Kind.TABLE) {
            throw new IllegalArgumentException(part + " is a table and has no bias");
        }
        if (part.perLayer() && (layer < 0 || layer >= config.numLayers())) {
            throw new IllegalArgumentException("layer " + layer + " outside [0, " + config.numLayers() + ")");
        }
        String base = (part.head() ? "" : prefix) + baseName(part, layer);
        List<String> names = new ArrayList<>();
        if (part.kind() == EncoderPart.Kind.NORM) {
            names.add(base + (bias ? ".bias" : ".weight"));
            names.add(base + (bias ? ".beta" : ".gamma"));
        } else if (part == EncoderPart.DECODER && bias && config.family() != ModelFamily.DISTILBERT) {
            String head = config.family() == ModelFamily.BERT ? "cls.predictions" : "lm_head";
            names.add(head + ".bias");
            names.add(base + ".bias");
        } else {
            names.add(base + (bias ? ".bias" : ".weight"));
        }
        boolean optional = !bias && (part == EncoderPart.DECODER
                || (part == EncoderPart.POSITION_EMBEDDINGS && config.sinusoidalPositions()));
        return shaped(part, bias, names, optional);
    }

    private TensorSpec shaped(EncoderPart part, boolean bias, List<String> names, boolean optional) {
        boolean distil = config.family() == ModelFamily.DISTILBERT;
        Dim hidden = new Dim(distil ? "dim" : "hidden_size", config.hiddenSize());
        Dim inner = new Dim(distil ? "hidden_dim" : "intermediate_size", config.intermediateSize());
        Dim vocab = new Dim("vocab_size", config.vocabSize());
        List<Dim> dims = switch (part) {
            case WORD_EMBEDDINGS -> List.of(vocab, hidden);
            case POSITION_EMBEDDINGS -> List.of(new Dim("max_position_embeddings", config.maxPositionEmbeddings()), hidden);
            case TOKEN_TYPE_EMBEDDINGS -> List.of(new Dim("type_vocab_size", config.typeVocabSize()), hidden);
            case EMBEDDING_NORM, ATTENTION_NORM, OUTPUT_NORM, HEAD_NORM -> List.of(hidden);
            case QUERY, KEY, VALUE, ATTENTION_OUTPUT, HEAD_TRANSFORM -> bias ? List.of(hidden) : List.of(hidden, hidden);
            case INTERMEDIATE -> bias ? List.of(inner) : List.of(inner, hidden);
            case OUTPUT -> bias ? List.of(hidden) : List.of(hidden, inner);
            case DECODER -> bias ? List.of(vocab) : List.of(vocab, hidden);
        };
        long[] shape = dims.stream().mapToLong(Dim::size).toArray();
        String source = dims.stream().map(d -> d.key() + "=" + d.size()).toList().toString();
        return new TensorSpec(part, names, shape, source, optional);
    }

    private record Dim(String key, long size) {
    }

    private String baseName(EncoderPart part, int layer) {
        return switch (config.family()) {
            case DISTILBERT -> distilBertName(part, layer);
            case BERT -> bertName(part, layer, "cls.predictions.transform.dense", "cls.predictions.transform.LayerNorm",
                    "cls.predictions.decoder");
            case ROBERTA, XLM_ROBERTA -> bertName(part, layer, "lm_head.dense", "lm_head.layer_norm", "lm_head.decoder");
        };
    }

    private static String bertName(EncoderPart part, int layer, String transform, String norm, String decoder) {
        String l = "encoder.layer." + layer + ".";
        return switch (part) {
            case WORD_EMBEDDINGS -> "embeddings.word_embeddings";
            case POSITION_EMBEDDINGS -> "embeddings.position_embeddings";
            case TOKEN_TYPE_EMBEDDINGS -> "embeddings.token_type_embeddings";
            case EMBEDDING_NORM -> "embeddings.LayerNorm";
            case QUERY -> l + "attention.self.query";
            case KEY -> l + "attention.self.key";
            case VALUE -> l + "attention.self.value";
            case ATTENTION_OUTPUT -> l + "attention.output.dense";
            case ATTENTION_NORM -> l + "attention.output.LayerNorm";
            case INTERMEDIATE -> l + "intermediate.dense";
            case OUTPUT -> l + "output.dense";
            case OUTPUT_NORM -> l + "output.LayerNorm";
            case HEAD_TRANSFORM -> transform;
            case HEAD_NORM -> norm;
            case DECODER -> decoder;
        };
    }

    private static String distilBertName(EncoderPart part, int layer) {
        String l = "transformer.layer." + layer + ".";
        return switch (part) {
            case WORD_EMBEDDINGS -> "embeddings.word_embeddings";
            case POSITION_EMBEDDINGS -> "embeddings.position_embeddings";
            case TOKEN_TYPE_EMBEDDINGS -> throw new IllegalArgumentException("DistilBERT has no token-type embeddings");
            case EMBEDDING_NORM -> "embeddings.LayerNorm";
            case QUERY -> l + "attention.q_lin";
            case KEY -> l + "attention.k_lin";
            case VALUE -> l + "attention.v_lin";
            case ATTENTION_OUTPUT -> l + "attention.out_lin";
            case ATTENTION_NORM -> l + "sa_layer_norm";
            case INTERMEDIATE -> l + "ffn.lin1";
            case OUTPUT -> l + "ffn.lin2";
            case OUTPUT_NORM -> l + "output_layer_norm";
            case HEAD_TRANSFORM -> "vocab_transform";
            case HEAD_NORM -> "vocab_layer_norm";
            case DECODER -> "vocab_projector";
        };
    }
}
