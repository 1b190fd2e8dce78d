package org.sembridge.engine.hf;

/// A parameter block of a BERT-family encoder or its masked-language-model head, independent of
/// the family's tensor names (which [WeightLayout] supplies).
///
/// Linear blocks hold a `weight` of shape `[out, in]` (PyTorch layout, `y = x W^T + b`) and a
/// `bias` `[out]`; norm blocks a gain and a shift `[hidden]`; tables a `weight` only.
public enum EncoderPart {
    /// Word embeddings `[vocab_size, hidden]` (table).
    WORD_EMBEDDINGS(Kind.TABLE, false, false),
    /// Position embeddings `[max_position_embeddings, hidden]` (table).
    POSITION_EMBEDDINGS(Kind.TABLE, false, false),
    /// Token-type embeddings `[type_vocab_size, hidden]` (table; absent in DistilBERT).
    TOKEN_TYPE_EMBEDDINGS(Kind.TABLE, false, false),
    /// LayerNorm after the embedding sum.
    EMBEDDING_NORM(Kind.NORM, false, false),
    /// Attention query projection `[hidden, hidden]`.
    QUERY(Kind.LINEAR, true, false),
    /// Attention key projection `[hidden, hidden]`.
    KEY(Kind.LINEAR, true, false),
    /// Attention value projection `[hidden, hidden]`.
    VALUE(Kind.LINEAR, true, false),
    /// Attention output projection `[hidden, hidden]`.
    ATTENTION_OUTPUT(Kind.LINEAR, true, false),
    /// LayerNorm after attention + residual.
    ATTENTION_NORM(Kind.NORM, true, false),
    /// Feed-forward expansion `[intermediate, hidden]`.
    INTERMEDIATE(Kind.LINEAR, true, false),
    /// Feed-forward contraction `[hidden, intermediate]`.
    OUTPUT(Kind.LINEAR, true, false),
    /// LayerNorm after feed-forward + residual.
    OUTPUT_NORM(Kind.NORM, true, false),
    /// MLM head transform `[hidden, hidden]`.
    HEAD_TRANSFORM(Kind.LINEAR, false, true),
    /// MLM head LayerNorm.
    HEAD_NORM(Kind.NORM, false, true),
    /// MLM decoder `[vocab_size, hidden]` and its vocabulary bias `[vocab_size]`; the weight is
    /// optional (tied to the word embeddings when absent).
    DECODER(Kind.LINEAR, false, true);

    /// What a part holds.
    public enum Kind {
        /// A lookup table: a `weight` only.
        TABLE,
        /// A LayerNorm: gain (`weight`, legacy `gamma`) and shift (`bias`, legacy `beta`).
        NORM,
        /// An affine map: `weight` and `bias`.
        LINEAR
    }

    private final Kind kind;
    private final boolean perLayer;
    private final boolean head;

    EncoderPart(Kind kind, boolean perLayer, boolean head) {
        this.kind = kind;
        this.perLayer = perLayer;
        this.head = head;
    }

    /// Whether the part is a table, a norm or a linear map.
    public Kind kind() {
        return kind;
    }

    /// Whether every transformer layer has its own copy (indexed by layer number).
    public boolean perLayer() {
        return perLayer;
    }

    /// Whether the part belongs to the MLM head rather than the encoder.
    public boolean head() {
        return head;
    }
}
