package org.sembridge.engine.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/// An affine map `y = x W^T + b` over the last axis, with `W` in PyTorch layout `[out, in]`.
/// The result lives in the manager of `x`.
///
/// @param weight `[out, in]`, owned by the model manager
/// @param bias `[out]`, owned by the model manager
record LinearProjection(NDArray weight, NDArray bias) {

    NDArray apply(NDArray x) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }
}
