package org.sembridge.engine.bench;

/// What one run of [EncodeBenchmark] measures.
///
/// @param tokensPerText tokens of every text, `[CLS]` and `[SEP]` included, `>= 3` and at most
///     the model's limit (default 128)
/// @param batchSize texts per forward pass, `>= 1` (default 32)
/// @param warmupBatches untimed batches first, `>= 0` (default 1): the first pass allocates
///     and picks kernels; the matmul baseline warms up with as many single products
/// @param measuredBatches timed batches, `>= 1` (default 2); the median is reported
public record EncodeBenchmarkSettings(int tokensPerText, int batchSize, int warmupBatches, int measuredBatches) {

    /// 32 texts of 128 tokens per batch, 1 warm-up and 2 measured batches.
    public static final EncodeBenchmarkSettings DEFAULTS = new EncodeBenchmarkSettings(128, 32, 1, 2);

    public EncodeBenchmarkSettings {
        if (tokensPerText < BenchmarkTexts.SPECIALS_PER_TEXT + 1) {
            throw new IllegalArgumentException("tokensPerText must be >= 3 ([CLS], a word, [SEP]), got "
                    + tokensPerText);
        }
        if (batchSize < 1 || warmupBatches < 0 || measuredBatches < 1) {
            throw new IllegalArgumentException("need batchSize >= 1, warmupBatches >= 0, measuredBatches >= 1, got "
                    + batchSize + ", " + warmupBatches + ", " + measuredBatches);
        }
    }

    /// Tokens of one batch, `batchSize * tokensPerText`.
    public long tokensPerBatch() {
        return (long) batchSize * tokensPerText;
    }
}
