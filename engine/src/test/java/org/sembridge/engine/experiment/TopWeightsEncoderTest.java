package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class TopWeightsEncoderTest {

    /// Returns the vector stored for each text.
    private record FixedEncoder(Map<String, TermWeights> vectors) implements SparseTextEncoder {

        @Override
        public String fingerprint() {
            return "fixed";
        }

        @Override
        public List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel) {
            return texts.stream().map(vectors::get).toList();
        }

        @Override
        public List<String> tokenize(String text) {
            return List.of(text);
        }
    }

    private static final TermWeights LONG = new TermWeights(new String[] {"a", "b", "c", "d", "e"},
            new float[] {0.5f, 2f, -1f, 0.5f, 1f});
    private static final TermWeights SHORT = new TermWeights(new String[] {"x", "y", "z"}, new float[] {1f, 0f, 3f});

    private static TopWeightsEncoder encoder(int limit) {
        return new TopWeightsEncoder(new FixedEncoder(Map.of("long", LONG, "short", SHORT)), limit);
    }

    @Test
    void longVectorKeepsItsLargestPositiveWeightsTiesByToken() throws Exception {
        TermWeights kept = encoder(3).encode(List.of("long"), ProgressListener.NONE, CancellationToken.create())
                .getFirst();
        assertArrayEquals(new String[] {"b", "e", "a"}, kept.terms());
        assertArrayEquals(new float[] {2f, 1f, 0.5f}, kept.weights());
    }

    @Test
    void vectorWithinTheLimitPassesUnchanged() throws Exception {
        assertSame(SHORT, encoder(2).encode(List.of("short"), ProgressListener.NONE, CancellationToken.create())
                .getFirst(), "2 positive weights, limit 2");
    }

    @Test
    void countsTheTextsItCut() throws Exception {
        TopWeightsEncoder encoder = encoder(2);
        encoder.encode(List.of("long", "short", "long"), ProgressListener.NONE, CancellationToken.create());
        assertEquals(2, encoder.truncatedTexts());
    }

    @Test
    void keepsTheWrappedFingerprint() {
        assertEquals("fixed", encoder(1).fingerprint());
    }
}
