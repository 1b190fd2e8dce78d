package org.sembridge.engine.encoder;

import org.sembridge.engine.hf.ModelConfig;

/// How many texts go into one forward pass of an encoder: as many as the activations of the
/// batch's longest text allow within a memory budget, at most a cap.
///
/// The bridge encoder sorts texts by token count and batches texts of one count together
/// ([TokenizedTexts], no padding). The memory of one text of `L` tokens inside one layer is
/// estimated as
///
/// ```
/// bytesPerText(L) = 4 L (6 h + 2 i + 2 heads L)
/// ```
///
/// float32 values for the layer input and output (`2 h`), query, key, value and context (`4 h`),
/// the feed-forward expansion and its activation (`2 i`), and the attention scores with their
/// softmax (`2 heads L`); earlier layers' activations are freed per batch. The batch holds
/// `clamp(floor(budgetBytes / bytesPerText(L)), 1, maxTexts)` texts. For bge-m3 (`h` 1,024,
/// `i` 4,096, 16 heads) and the default 512 MiB budget: `L = 6` (a typical vocabulary string)
/// gives 1,539 texts, so the cap decides; `L = 64` gives 128 texts; `L = 512` gives 8 texts.
/// Short strings thus go in large batches (large matrix products, little per-call overhead),
/// long texts in small ones, and the peak stays near the budget whatever the lengths.
///
/// @param budgetBytes activation memory one batch may use, `>= 1`
/// @param maxTexts the most texts per batch, `>= 1`
public record BatchMemoryRule(long budgetBytes, int maxTexts) {

    /// Default activation budget: 512 MiB.
    public static final long DEFAULT_BUDGET_BYTES = 512L << 20;

    public BatchMemoryRule {
        if (budgetBytes < 1 || maxTexts < 1) {
            throw new IllegalArgumentException("need budgetBytes >= 1 and maxTexts >= 1, got " + budgetBytes + " and "
                    + maxTexts);
        }
    }

    /// The estimated activation bytes of one text of `tokens` tokens, by the formula above.
    public static long bytesPerText(int tokens, ModelConfig config) {
        long l = Math.max(1, tokens);
        return 4 * l * (6L * config.hiddenSize() + 2L * config.intermediateSize() + 2L * config.numHeads() * l);
    }

    /// Texts per batch whose longest text has `tokens` tokens.
    public int textsPerBatch(int tokens, ModelConfig config) {
        long fit = budgetBytes / bytesPerText(tokens, config);
        return (int) Math.max(1, Math.min(maxTexts, fit));
    }
}
