/// SemBridge and the paper's baselines, one [EmbeddingInitializer] per method, all sharing the
/// overlap copy: `sembridge` (alpha-entmax over the bridge similarities to ALL source tokens),
/// `focus` (sparsemax over the similarities to the OVERLAPPING source tokens only, with the bridge
/// vectors as the auxiliary space instead of FOCUS's fastText), `ofa` (top-10 nearest source
/// tokens, softmax with temperature 0.1), `mean`, `random`, `gauss` (per-dimension normal) and
/// `mvgauss` (full-covariance normal).
///
/// An initializer makes an [InitializationPlan] once and applies it to every vocabulary-sized
/// matrix (embeddings, untied decoder, decoder bias), so they all get the same mapping.
package org.sembridge.engine.transfer.baseline;
