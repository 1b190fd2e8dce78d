package org.sembridge.engine.index;

/// How a query text becomes a sparse query vector.
public enum QueryWeighting {

    /// The query goes through the full encoder, like a document (symmetric SPLADE): expansion
    /// tokens included, weights as the model gives them.
    ENCODER,

    /// "Inference-free" queries: only the tokenizer runs; every distinct query token gets weight
    /// 1, repeated tokens included once (no expansion, no model cost). The document side still
    /// carries the learned weights.
    INFERENCE_FREE
}
