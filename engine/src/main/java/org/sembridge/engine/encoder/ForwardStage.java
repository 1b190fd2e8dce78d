package org.sembridge.engine.encoder;

/// The stages of a SPLADE forward pass that [ForwardProfile] times, in pass order; each says
/// whether it is a matrix product (the work the FLOP count of `bench encode` counts) or work
/// around the products (element-wise, normalisation, reshaping, pooling, copies).
public enum ForwardStage {
    /// Tokenising the texts and padding them into batches (Java and the tokenizers library).
    TOKENISATION("tokenisation and padding", false),
    /// Word + position + token-type lookups and their LayerNorm.
    EMBEDDINGS("embeddings + LayerNorm", false),
    /// The query, key and value projections of every layer.
    QKV_PROJECTIONS("Q, K, V projections", true),
    /// `Q K^T` per head.
    ATTENTION_SCORES("attention scores Q K^T", true),
    /// Scaling by `1 / sqrt(d)`, the additive mask and the softmax.
    SCALE_MASK_SOFTMAX("scale + mask + softmax", false),
    /// The attention-weighted sum of `V` per head.
    ATTENTION_CONTEXT("attention context P V", true),
    /// Merging the heads back to `[batch, length, hidden]` (transpose + reshape copy).
    HEAD_MERGE("head merge (transpose copy)", false),
    /// The attention output projection.
    ATTENTION_OUTPUT("attention output projection", true),
    /// The two residual additions and LayerNorms of every layer.
    RESIDUAL_NORM("residual add + LayerNorm", false),
    /// The feed-forward expansion to the intermediate width.
    FEED_FORWARD_IN("feed-forward expansion", true),
    /// The feed-forward activation (GELU).
    ACTIVATION("feed-forward activation", false),
    /// The feed-forward contraction back to the hidden width.
    FEED_FORWARD_OUT("feed-forward contraction", true),
    /// The MLM head's dense transform.
    HEAD_TRANSFORM("MLM head transform", true),
    /// The MLM head's activation and LayerNorm.
    HEAD_ACTIVATION_NORM("MLM head activation + LayerNorm", false),
    /// Selecting the real tokens' hidden states (padding dropped) for the decoder.
    TOKEN_SELECTION("real-token selection", false),
    /// The decoder to vocabulary logits; on the CPU's fused path ([MaxPooledDecoder]) also the
    /// running maximum over positions, which runs inside it.
    DECODER("decoder to vocabulary logits", true),
    /// SPLADE pooling: max (or sum) over positions and `log(1 + ReLU)`.
    SPLADE_POOLING("SPLADE pooling + activation", false),
    /// Copying pooled rows to Java and building the sparse vectors.
    SPARSE_VECTORS("read-back + sparse vectors", false);

    private final String label;
    private final boolean matrixProduct;

    ForwardStage(String label, boolean matrixProduct) {
        this.label = label;
        this.matrixProduct = matrixProduct;
    }

    /// A short human-readable name for tables.
    public String label() {
        return label;
    }

    /// Whether the stage is a matrix product.
    public boolean matrixProduct() {
        return matrixProduct;
    }
}
