package org.sembridge.engine.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Locale;
import org.sembridge.engine.InputFormatException;

/// How SPLADE pools the per-position term weights `log(1 + ReLU(logits)) * mask` of a text
/// into one vocabulary-sized vector (see [#pool] for the order the work is done in).
public enum SpladePooling {
    /// The maximum over positions (SPLADE v2 and later, the default).
    MAX,
    /// The sum over positions (the original SPLADE).
    SUM;

    /// Parses `max` or `sum` (any case).
    ///
    /// @throws InputFormatException naming the value and the accepted ones
    public static SpladePooling parse(String value) throws InputFormatException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputFormatException("SPLADE pooling \"" + value + "\" is not supported; use max or sum");
        }
    }

    /// Pools the MLM logits `[tokens, vocab]` of one text's real tokens (no padding) over axis 0
    /// to its term weights `[vocab]`.
    ///
    /// Max pooling takes the maximum of the raw logits first and applies [#activation] to that
    /// one row: `max_t f(x_t) = f(max_t x_t)` for the monotone non-decreasing
    /// `f(x) = log(1 + ReLU(x))`, so the result equals the textbook order (activation on every
    /// position, then max) while the element-wise work shrinks from `tokens x vocab` to `vocab`.
    /// Masked positions of the textbook formula contribute 0, which the activation's range
    /// (`>= 0`) already covers. Sum pooling has no such shortcut: activation, then sum.
    NDArray pool(NDArray logits) {
        return this == MAX ? activation(logits.max(new int[] {0})) : activation(logits).sum(new int[] {0});
    }

    /// The SPLADE activation `log(1 + ReLU(x))`, element-wise, in the manager of `x`.
    static NDArray activation(NDArray x) {
        return Activation.relu(x).add(1f).log();
    }
}
