package org.sembridge.engine.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import org.sembridge.engine.hf.PoolingMode;

/// Pools hidden states `[batch, length, hidden]` to sentence vectors `[batch, hidden]` as
/// sentence-transformers' `Pooling` and `Normalize` modules do; results live in the manager of
/// `hidden`.
///
/// - CLS: the first position;
/// - mean: `sum_t h_t m_t / max(sum_t m_t, 1e-9)`;
/// - max: `max_t` over positions with `m_t = 1` (padding set to -1e9 first);
/// - normalise: `x / max(||x||_2, 1e-12)` (`torch.nn.functional.normalize`).
final class SentencePooling {

    private SentencePooling() {
    }

    /// @param mask the attention mask as float32 `[batch, length, 1]`
    static NDArray pool(PoolingMode mode, NDArray hidden, NDArray mask) {
        return switch (mode) {
            case CLS -> hidden.get(new NDIndex(":, 0, :"));
            case MEAN -> hidden.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1e-9f));
            case MAX -> hidden.add(mask.sub(1f).mul(1e9f)).max(new int[] {1});
        };
    }

    static NDArray normalize(NDArray vectors) {
        return vectors.div(vectors.norm(new int[] {1}, true).maximum(1e-12f));
    }
}
