package org.sembridge.engine.encoder;

import ai.djl.ndarray.NDArray;
import java.util.Locale;
import org.sembridge.engine.InputFormatException;

/// How SPLADE pools the per-position term weights `log(1 + ReLU(logits)) * mask` of a text
/// into one vocabulary-sized vector.
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

    /// Pools `[rows, length, vocab]` over axis 1 to `[rows, vocab]`.
    NDArray pool(NDArray weights) {
        return this == MAX ? weights.max(new int[] {1}) : weights.sum(new int[] {1});
    }
}
