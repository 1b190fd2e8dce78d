package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import org.sembridge.engine.linalg.OpenBlas;

/// The fused decoder + max pooling against a double-precision reference of the textbook order
/// (`log(1 + ReLU(h D^T + b))` per position, then the maximum), on shapes that cross every
/// boundary of the blocking: several vocabulary slices, groups of many short texts, a text longer
/// than a group.
class MaxPooledDecoderTest {

    @Test
    void poolingEqualsTheTextbookOrderAcrossSlicesAndGroups() {
        assumeTrue(OpenBlas.available().isPresent(), () -> "OpenBLAS not loadable here: "
                + OpenBlas.unavailableReason().orElse(""));
        long seed = new Random().nextLong();
        System.out.println("MaxPooledDecoderTest seed " + seed);
        Random random = new Random(seed);
        int vocab = 3 * MaxPooledDecoder.MIN_SLICE + 17;
        int hidden = 24;
        int[] tokens = new int[MaxPooledDecoder.GROUP_TEXTS + 5];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = 1 + random.nextInt(9);
        }
        tokens[3] = MaxPooledDecoder.GROUP_ROWS + 40;
        float[] table = gaussian(random, vocab * hidden);
        float[] bias = gaussian(random, vocab);
        int rows = java.util.Arrays.stream(tokens).sum();
        float[] states = gaussian(random, rows * hidden);

        List<float[]> pooled = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MaxPooledDecoder decoder = MaxPooledDecoder.of(new LinearProjection(
                    manager.create(table, new Shape(vocab, hidden)), manager.create(bias))).orElseThrow();
            for (float[] row : decoder.maxLogits(states, tokens)) {
                decoder.activate(row);
                pooled.add(row);
            }
        }

        assertEquals(tokens.length, pooled.size());
        int first = 0;
        for (int text = 0; text < tokens.length; text++) {
            for (int v = 0; v < vocab; v++) {
                double best = 0;
                for (int t = first; t < first + tokens[text]; t++) {
                    double logit = bias[v];
                    for (int k = 0; k < hidden; k++) {
                        logit += (double) states[t * hidden + k] * table[v * hidden + k];
                    }
                    best = Math.max(best, Math.log1p(Math.max(0, logit)));
                }
                float found = pooled.get(text)[v];
                assertEquals(best, found, 1e-5 * Math.max(1, best), "text " + text + ", token " + v + ", seed " + seed);
                assertTrue(found >= 0, "weights are never negative");
            }
            first += tokens[text];
        }
    }

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
