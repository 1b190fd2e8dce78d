package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;

/// Leak discipline: forward passes leave the model manager's managed-array count (weights
/// only; sub-managers included) unchanged. The manager is also capped, so an operation that
/// tried to attach to it would throw.
class EncoderLeakTest {

    private static final int PASSES = 5;
    private static final List<String> TEXTS = List.of("the cat sat", "a dog", "the big blue house in the city");

    @TempDir
    Path models;

    @Test
    void sparseEncodingLeavesNoArraysBehind() throws Exception {
        HfModelFolder folder = HfModelFolder.open(RandomModelFolder.create(models, "mlm", "roberta"));
        try (SparseEncoder encoder = SparseEncoder.load(folder, SelectedDevice.cpu(), SpladeSettings.DEFAULTS)) {
            NDManager manager = encoder.model().manager();
            int before = manager.getManagedArrays().size();

            for (int i = 0; i < PASSES; i++) {
                encoder.encode(TEXTS);
                encoder.model().maskedLmLogits(encoder.tokenizer().encodeBatch(TEXTS));
            }

            assertEquals(before, manager.getManagedArrays().size());
        }
    }

    @Test
    void bridgeEmbeddingLeavesNoArraysBehind() throws Exception {
        HfModelFolder folder = HfModelFolder.open(RandomModelFolder.create(models, "bridge", "bert", "--bridge"));
        try (BridgeEncoder encoder = BridgeEncoder.load(folder, SelectedDevice.cpu(), 2)) {
            NDManager manager = encoder.model().manager();
            int before = manager.getManagedArrays().size();

            for (int i = 0; i < PASSES; i++) {
                encoder.embed(TEXTS);
                encoder.model().hiddenStates(encoder.tokenizer().encodeBatch(TEXTS));
            }

            assertEquals(before, manager.getManagedArrays().size());
        }
    }
}
