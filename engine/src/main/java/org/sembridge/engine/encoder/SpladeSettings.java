package org.sembridge.engine.encoder;

/// Settings of a [SparseEncoder].
///
/// @param pooling max (default) or sum over positions
/// @param maxTerms keep only the `maxTerms` largest weights per text; 0 keeps every non-zero
///     weight (default)
/// @param batchSize texts per forward pass, `>= 1` (default 32); memory grows with it
public record SpladeSettings(SpladePooling pooling, int maxTerms, int batchSize) {

    /// Max pooling, no pruning, 32 texts per batch.
    public static final SpladeSettings DEFAULTS = new SpladeSettings(SpladePooling.MAX, 0, 32);

    public SpladeSettings {
        if (pooling == null) {
            throw new IllegalArgumentException("pooling must not be null");
        }
        if (maxTerms < 0) {
            throw new IllegalArgumentException("maxTerms must be >= 0 (0 keeps all), got " + maxTerms);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
    }

    /// A copy with another pooling.
    public SpladeSettings withPooling(SpladePooling value) {
        return new SpladeSettings(value, maxTerms, batchSize);
    }

    /// A copy with another pruning limit (0 keeps all).
    public SpladeSettings withMaxTerms(int value) {
        return new SpladeSettings(pooling, value, batchSize);
    }

    /// A copy with another batch size.
    public SpladeSettings withBatchSize(int value) {
        return new SpladeSettings(pooling, maxTerms, value);
    }
}
