package org.sembridge.engine.bench;

import org.sembridge.engine.hf.ModelConfig;

/// The sizes of a BERT-family masked-language model that decide the cost of its forward pass,
/// and that cost counted analytically.
///
/// FLOPs of one text of `L` tokens (one multiply-add = 2 FLOPs; embeddings, biases,
/// LayerNorms, softmax, activations and SPLADE pooling are ignored, they are `O(L h)` or
/// `O(L V)` against the `O(L h^2)` and `O(L h V)` products):
///
/// ```
/// per layer:  4 L h^2 * 2      query, key, value and output projections
///           + 2 L^2 h * 2      attention scores Q K^T and the weighted sum of V
///           + 2 L h i * 2      feed-forward expansion and contraction
/// MLM head:   L h^2 * 2        transform
///           + L h V * 2        decoder to the vocabulary
/// ```
///
/// BERT-base at `L = 128`: 1.862 GFLOP per layer, 22.35 GFLOP for 12 layers, 6.15 GFLOP for
/// the head, 28.50 GFLOP per text.
///
/// @param layers transformer layers, `>= 1`
/// @param hidden width of the hidden states `h`, `>= 1`, divisible by `heads`
/// @param heads attention heads, `>= 1`
/// @param intermediate width of the feed-forward layer `i`, `>= 1`
/// @param vocab vocabulary size `V`, `>= 1`
public record EncoderShape(int layers, int hidden, int heads, int intermediate, int vocab) {

    /// BERT-base uncased: 12 layers, hidden 768, 12 heads, feed-forward 3072, vocabulary 30,522.
    public static final EncoderShape BERT_BASE = new EncoderShape(12, 768, 12, 3072, 30_522);

    public EncoderShape {
        if (layers < 1 || hidden < 1 || heads < 1 || intermediate < 1 || vocab < 1) {
            throw new IllegalArgumentException("every size must be >= 1, got layers " + layers + ", hidden " + hidden
                    + ", heads " + heads + ", intermediate " + intermediate + ", vocab " + vocab);
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden " + hidden + " is not divisible by heads " + heads);
        }
    }

    /// The shape declared by a model's `config.json`.
    public static EncoderShape of(ModelConfig config) {
        return new EncoderShape(config.numLayers(), config.hiddenSize(), config.numHeads(),
                config.intermediateSize(), config.vocabSize());
    }

    /// FLOPs of the forward pass of one text of `tokens` tokens (special tokens included), by
    /// the formula above; exact in `long` up to about 9.2e18.
    ///
    /// @throws IllegalArgumentException when `tokens < 1`
    public long forwardFlops(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be >= 1, got " + tokens);
        }
        long l = tokens;
        long h = hidden;
        long perLayer = 4 * l * h * h * 2 + 2 * l * l * h * 2 + 2 * l * h * intermediate * 2;
        long head = l * h * h * 2 + l * h * vocab * 2;
        return Math.addExact(Math.multiplyExact(perLayer, (long) layers), head);
    }

    /// FLOPs of the encoder alone (the layers, without the MLM head) for one text of `tokens`
    /// tokens: what a bridge encoder with sentence pooling computes.
    ///
    /// @throws IllegalArgumentException when `tokens < 1`
    public long encoderFlops(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be >= 1, got " + tokens);
        }
        long l = tokens;
        long h = hidden;
        long perLayer = 4 * l * h * h * 2 + 2 * l * l * h * 2 + 2 * l * h * intermediate * 2;
        return Math.multiplyExact(perLayer, (long) layers);
    }

    /// A short description: layers, hidden `h`, feed-forward `i`, vocabulary `V`, e.g.
    /// `12 layers, h 768, i 3072, V 30522`.
    public String describe() {
        return layers + " layers, h " + hidden + ", i " + intermediate + ", V " + vocab;
    }
}
