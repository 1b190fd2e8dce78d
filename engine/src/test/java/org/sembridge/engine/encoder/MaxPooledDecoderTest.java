package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        int[] tokens = new int[MaxPooledDecoder.GROUP_TEXTS + 5];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = 1 + random.nextInt(9);
        }
        tokens[3] = MaxPooledDecoder.GROUP_ROWS + 40;
        assertEqualsTextbookOrder(random, seed, 3 * MaxPooledDecoder.MIN_SLICE + 17, 24, tokens, 1);
    }

    @Test
    void vocabularyRangesOnSeveralThreadsEqualTheTextbookOrder() {
        assumeTrue(OpenBlas.available().isPresent(), () -> "OpenBLAS not loadable here: "
                + OpenBlas.unavailableReason().orElse(""));
        long seed = new Random().nextLong();
        System.out.println("MaxPooledDecoderTest seed " + seed);
        Random random = new Random(seed);
        int[] tokens = new int[7];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = 1 + random.nextInt(12);
        }
        // 12 ranges of about 1,112 columns for 3 threads (more than the common pool has here,
        // so ranges also queue), none aligned to a slice.
        int vocab = 13 * MaxPooledDecoder.MIN_PART_COLUMNS + 37;
        assertEquals(12, MaxPooledDecoder.parts(vocab, 3), "ranges for 3 threads");
        assertEqualsTextbookOrder(random, seed, vocab, 8, tokens, 3);
    }

    @Test
    void theVectorFoldGivesTheScalarFoldsBits() {
        assumeTrue(OpenBlas.available().isPresent(), () -> "OpenBLAS not loadable here: "
                + OpenBlas.unavailableReason().orElse(""));
        assumeTrue(HostActivation.VECTOR_API, "the Vector API module is not in the boot layer");
        long seed = new Random().nextLong();
        System.out.println("MaxPooledDecoderTest seed " + seed);
        Random random = new Random(seed);
        // One-token texts, a text longer than a group, and slices whose widths are not multiples
        // of the 64-column strip nor of a vector: every branch of both folds.
        int[] tokens = {1, 7, 1, 40, 3, MaxPooledDecoder.GROUP_ROWS + 9, 2, 1, 16};
        int vocab = 5 * MaxPooledDecoder.MIN_PART_COLUMNS + 77;
        int hidden = 16;
        float[] table = gaussian(random, vocab * hidden);
        float[] states = gaussian(random, java.util.Arrays.stream(tokens).sum() * hidden);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MaxPooledDecoder decoder = MaxPooledDecoder.of(new LinearProjection(
                    manager.create(table, new Shape(vocab, hidden)), manager.create(gaussian(random, vocab))))
                    .orElseThrow();
            assertFalse(decoder.vectorFold(), "a vocabulary of " + vocab + " folds in scalar code");
            MaxPooledDecoder vector = decoder.withVectorFold(true);
            assertTrue(vector.vectorFold());
            for (int threads : new int[] {1, 3}) {
                float[][] scalar = decoder.maxLogits(states, tokens, threads);
                float[][] vectorised = vector.maxLogits(states, tokens, threads);
                for (int text = 0; text < tokens.length; text++) {
                    assertArrayEquals(scalar[text], vectorised[text], "text " + text + ", " + threads + " threads, seed "
                            + seed);
                }
            }
        }
    }

    @Test
    void aLargeVocabularyFoldsOnTheVectorApi() {
        assumeTrue(OpenBlas.available().isPresent(), () -> "OpenBLAS not loadable here: "
                + OpenBlas.unavailableReason().orElse(""));
        assumeTrue(HostActivation.VECTOR_API, "the Vector API module is not in the boot layer");
        int vocab = MaxPooledDecoder.VECTOR_FOLD_MIN_VOCAB;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MaxPooledDecoder decoder = MaxPooledDecoder.of(new LinearProjection(
                    manager.zeros(new Shape(vocab, 4)), manager.zeros(new Shape(vocab)))).orElseThrow();
            assertTrue(decoder.vectorFold(), "a vocabulary of " + vocab + " folds on the Vector API");
        }
    }

    /// Pools random head states with `threads` threads and compares every weight with a
    /// double-precision reference of the textbook order (`log(1 + ReLU(h D^T + b))` per
    /// position, then the maximum).
    private static void assertEqualsTextbookOrder(Random random, long seed, int vocab, int hidden, int[] tokens,
            int threads) {
        float[] table = gaussian(random, vocab * hidden);
        float[] bias = gaussian(random, vocab);
        int rows = java.util.Arrays.stream(tokens).sum();
        float[] states = gaussian(random, rows * hidden);

        List<float[]> pooled = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MaxPooledDecoder decoder = MaxPooledDecoder.of(new LinearProjection(
                    manager.create(table, new Shape(vocab, hidden)), manager.create(bias))).orElseThrow();
            for (float[] row : decoder.maxLogits(states, tokens, threads)) {
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
