package org.sembridge.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A deterministic stand-in for a SPLADE encoder in tests: tokens are the lower-cased
/// letter/digit runs of the text, and a token's weight is `count x base(token)` with
/// `base = 0.5 + (|hashCode| mod 97) / 64`, so weights are irregular enough that Lucene's
/// quantisation matters, yet reproducible.
final class WordWeightEncoder implements SparseTextEncoder {

    private final String fingerprint;
    int encodeCalls;

    WordWeightEncoder(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel) {
        encodeCalls++;
        List<TermWeights> vectors = new ArrayList<>();
        for (String text : texts) {
            Map<String, Float> weights = new LinkedHashMap<>();
            for (String token : tokenize(text)) {
                weights.merge(token, base(token), Float::sum);
            }
            vectors.add(TermWeights.of(weights));
        }
        return vectors;
    }

    @Override
    public List<String> tokenize(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(token -> !token.isEmpty())
                .toList();
    }

    static float base(String token) {
        return 0.5f + Math.floorMod(token.hashCode(), 97) / 64f;
    }
}
