package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.hf.HiddenActivation;
import org.sembridge.engine.hf.ModelConfig;
import org.sembridge.engine.hf.ModelFamily;

/// [BatchMemoryRule] against the closed form `floor(budget / (4 L (6 h + 2 i + 2 heads L)))`,
/// clamped to `[1, maxTexts]`, for bge-m3's sizes (h 1024, i 4096, 16 heads).
class BatchMemoryRuleTest {

    private static final ModelConfig BGE_M3 = new ModelConfig(ModelFamily.XLM_ROBERTA, 250_002, 1024, 24, 16, 4096,
            8194, 1, 1e-5, HiddenActivation.GELU, 1, true, List.of(), "float32", false);

    @ParameterizedTest(name = "L {0}: {2} texts")
    @CsvSource({
        // L, bytes per text, texts per batch with 512 MiB and a cap of 256
        "6, 348672, 256",        // 536870912 / 348672 = 1539.7 -> cap
        "64, 4194304, 128",      // 4 * 64 * (6144 + 8192 + 2048) = 4194304 -> 128
        "512, 62914560, 8",      // 4 * 512 * (6144 + 8192 + 16384) -> 8.53 -> 8
        "8192, 9059696640, 1"})  // larger than the budget: still one text
    void batchSizeFollowsTheActivationBudget(int tokens, long bytes, int texts) {
        BatchMemoryRule rule = new BatchMemoryRule(BatchMemoryRule.DEFAULT_BUDGET_BYTES, 256);
        assertEquals(bytes, BatchMemoryRule.bytesPerText(tokens, BGE_M3));
        assertEquals(texts, rule.textsPerBatch(tokens, BGE_M3));
    }
}
