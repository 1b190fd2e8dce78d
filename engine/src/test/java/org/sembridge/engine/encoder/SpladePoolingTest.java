package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The pooling order of [SpladePooling#pool] (max of raw logits, then the activation; only real
/// tokens) against the textbook formula it replaced, `pool_t(log(1 + ReLU(x_t)) * mask_t)` over
/// the padded batch, on seeded random logits with random text lengths.
class SpladePoolingTest {

    private static final int TEXTS = 6;
    private static final int LENGTH = 23;
    private static final int VOCAB = 4_099;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_240_601L})
    void maxPoolingOfRawLogitsEqualsTheTextbookOrderBitForBit(long seed) {
        System.out.println("SpladePoolingTest seed " + seed);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Batch batch = Batch.random(manager, seed);
            float[] textbook = textbook(batch, SpladePooling.MAX);
            float[] pooled = pooled(batch, SpladePooling.MAX);

            assertArrayEquals(textbook, pooled, "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_240_601L})
    void sumPoolingOfRealTokensEqualsTheTextbookOrderToFloatRounding(long seed) {
        System.out.println("SpladePoolingTest seed " + seed);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Batch batch = Batch.random(manager, seed);
            float[] textbook = textbook(batch, SpladePooling.SUM);
            float[] pooled = pooled(batch, SpladePooling.SUM);

            assertEquals(textbook.length, pooled.length);
            for (int i = 0; i < textbook.length; i++) {
                // Only the summation order differs (padding zeros left out): a few ulps at most.
                assertEquals(textbook[i], pooled[i], 1e-6f * Math.max(1f, Math.abs(textbook[i])), "element " + i);
            }
        }
    }

    /// The formula before the change: activation on every padded position, times the mask, pooled.
    private static float[] textbook(Batch batch, SpladePooling pooling) {
        NDArray weights = Activation.relu(batch.logits).add(1f).log().mul(batch.mask.expandDims(2));
        return (pooling == SpladePooling.MAX ? weights.max(new int[] {1}) : weights.sum(new int[] {1}))
                .toFloatArray();
    }

    /// The new path: each text's real rows, pooled by [SpladePooling#pool].
    private static float[] pooled(Batch batch, SpladePooling pooling) {
        NDList rows = new NDList();
        for (int text = 0; text < TEXTS; text++) {
            rows.add(pooling.pool(batch.logits.get("{}, :{}", text, batch.lengths[text])));
        }
        return NDArrays.stack(rows).toFloatArray();
    }

    private record Batch(NDArray logits, NDArray mask, int[] lengths) {

        /// Logits spread over [-8, 8) (about half negative, so ReLU matters), lengths 1..LENGTH
        /// with one text at full length; padded positions hold large logits that must not leak.
        static Batch random(NDManager manager, long seed) {
            Random random = new Random(seed);
            float[] values = new float[TEXTS * LENGTH * VOCAB];
            for (int i = 0; i < values.length; i++) {
                values[i] = (random.nextFloat() - 0.5f) * 16f;
            }
            int[] lengths = new int[TEXTS];
            float[] mask = new float[TEXTS * LENGTH];
            for (int text = 0; text < TEXTS; text++) {
                lengths[text] = text == 0 ? LENGTH : 1 + random.nextInt(LENGTH);
                for (int t = 0; t < LENGTH; t++) {
                    if (t < lengths[text]) {
                        mask[text * LENGTH + t] = 1f;
                    } else {
                        for (int v = 0; v < VOCAB; v++) {
                            values[(text * LENGTH + t) * VOCAB + v] = 50f;
                        }
                    }
                }
            }
            return new Batch(manager.create(values, new Shape(TEXTS, LENGTH, VOCAB)),
                    manager.create(mask, new Shape(TEXTS, LENGTH)).toType(DataType.FLOAT32, false), lengths);
        }
    }
}
