package org.sembridge.engine.encoder;

import org.sembridge.engine.hf.HiddenActivation;

/// The activations of the host forward pass ([HostEncoder]) on Java float rows, with the bias of
/// the preceding product folded in: `row[i] = act(row[i] + bias[i])`.
///
/// - **GELU** (`gelu`), exact: `x Phi(x)` with `Phi(x) = erfc(-x / sqrt 2) / 2`, written as
///   `x (1 - erfc(z) / 2)` for `x >= 0` and `x erfc(z) / 2` for `x < 0`, `z = |x| / sqrt 2`. Java has
///   no `erf`; [#erfc] is the Chebyshev fit of Numerical Recipes (Press et al., 2nd ed., section
///   6.2, `erfcc`), evaluated in double, with a fractional error below 1.2e-7 for every `z >= 0`.
///   Taking the complement on the side where it is small keeps that bound *relative* for GELU
///   too (at most about 1.2e-7 of `|GELU(x)|` before the float rounding of the result), where
///   `x (1 + erf(x / sqrt 2)) / 2` would lose the negative tail to cancellation. libtorch's CPU
///   kernel uses the Abramowitz-Stegun fit 7.1.26 (absolute error 1.5e-7 in `erf`).
///   `HostActivationTest` checks both bounds against an independent series for `erf`. Where the
///   Vector API is present the same formula runs 16 lanes at a time in float ([VectorKernels]),
///   with slightly wider bounds stated there.
/// - **GELU, tanh form** (`gelu_new`): `x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))) / 2`, in double.
/// - **ReLU**: `max(x, 0)`.
final class HostActivation {

    /// Whether the Vector API module (`jdk.incubator.vector`) is in the boot layer, so that
    /// [VectorKernels] can be loaded; kept here because touching that class without the module
    /// would fail.
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private HostActivation() {
    }

    /// `row[i] = act(row[i] + bias[i])` for `i < width`.
    static void apply(HiddenActivation activation, float[] row, int width, float[] bias) {
        switch (activation) {
            case GELU -> {
                if (VECTOR_API) {
                    VectorKernels.gelu(row, width, bias);
                } else {
                    for (int i = 0; i < width; i++) {
                        row[i] = gelu(row[i] + bias[i]);
                    }
                }
            }
            case GELU_TANH -> {
                for (int i = 0; i < width; i++) {
                    row[i] = geluTanh(row[i] + bias[i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < width; i++) {
                    row[i] = Math.max(row[i] + bias[i], 0f);
                }
            }
        }
    }

    /// Exact GELU `x Phi(x)`, relative error below about 1.2e-7 before rounding to float.
    static float gelu(float x) {
        double tail = 0.5 * erfc(Math.abs(x) * INV_SQRT_2);
        return (float) (x >= 0 ? x * (1 - tail) : x * tail);
    }

    /// GELU's tanh approximation (`gelu_new`).
    static float geluTanh(float x) {
        double v = x;
        return (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))));
    }

    /// The complementary error function `erfc(z)` for `z >= 0` (Numerical Recipes `erfcc`, a
    /// Chebyshev fit of `log(erfc(z) / t)` in `t = 1 / (1 + z / 2)`): fractional error below 1.2e-7.
    static double erfc(double z) {
        double t = 1 / (1 + 0.5 * z);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return t * Math.exp(-z * z + poly);
    }
}
