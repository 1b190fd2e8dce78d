package org.sembridge.engine.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;

/// LayerNorm over the last axis: `(x - mean) / sqrt(var + eps) * gain + shift`, with the biased
/// variance, as `torch.nn.LayerNorm`. The result lives in the manager of `x`.
///
/// @param gain `[hidden]` (`weight` / `gamma`)
/// @param shift `[hidden]` (`bias` / `beta`)
/// @param eps the epsilon of `config.json`
record LayerNormalization(NDArray gain, NDArray shift, float eps) {

    NDArray apply(NDArray x) {
        return LayerNorm.layerNorm(x, gain.getShape(), gain, shift, eps).singletonOrThrow();
    }

    /// The normalised width.
    Shape shape() {
        return gain.getShape();
    }
}
