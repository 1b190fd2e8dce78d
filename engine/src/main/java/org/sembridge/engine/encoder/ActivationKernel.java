package org.sembridge.engine.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import org.sembridge.engine.hf.HiddenActivation;

/// Applies a [HiddenActivation] element-wise; the result lives in the manager of `x`.
///
/// GELU is the exact `x * (1 + erf(x / sqrt 2)) / 2` (transformers `gelu`), computed by
/// libtorch's fused `gelu` kernel (one pass instead of five element-wise operations with a
/// temporary each: the largest non-matmul cost of a BERT layer in `bench encode --profile`); the
/// tanh form is
/// `x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3))) / 2` (`gelu_new`). They differ by up to
/// about 1e-3 in absolute value, so using the wrong one shows up in the reference tests.
final class ActivationKernel {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private ActivationKernel() {
    }

    static NDArray apply(HiddenActivation activation, NDArray x) {
        return switch (activation) {
            case GELU -> Activation.gelu(x);
            case GELU_TANH -> x.pow(3).mul(0.044715).add(x).mul(SQRT_2_OVER_PI).tanh().add(1).mul(x).mul(0.5);
            case RELU -> Activation.relu(x);
        };
    }
}
