package org.sembridge.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The analytic FLOP count of a forward pass.
class EncoderShapeTest {

    @Test
    void bertBaseAt128TokensIs28Point5GigaFlopsPerText() {
        // 12 * (4*128*768^2*2 + 2*128^2*768*2 + 2*128*768*3072*2) + 128*768^2*2 + 128*768*30522*2
        assertEquals(28_499_116_032L, EncoderShape.BERT_BASE.forwardFlops(128));
    }

    /// One layer, one head, hidden 1, feed-forward 1, vocabulary 1: every product is `2 L` or
    /// `2 L^2` FLOPs, so the total is `4*2L + 2*2L^2 + 2*2L + 2L + 2L = 16 L + 4 L^2`.
    @ParameterizedTest
    @CsvSource({"1, 20", "2, 48", "10, 560"})
    void unitSizedModelCountsEachProductOnce(int tokens, long expected) {
        assertEquals(expected, new EncoderShape(1, 1, 1, 1, 1).forwardFlops(tokens));
    }

    @Test
    void flopsGrowLinearlyWithLayersBesideTheHead() {
        long one = new EncoderShape(1, 64, 4, 128, 300).forwardFlops(16);
        long two = new EncoderShape(2, 64, 4, 128, 300).forwardFlops(16);
        long three = new EncoderShape(3, 64, 4, 128, 300).forwardFlops(16);
        assertEquals(two - one, three - two);
    }

    @Test
    void hiddenNotDivisibleByHeadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EncoderShape(2, 64, 5, 128, 300));
    }
}
