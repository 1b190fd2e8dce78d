package org.sembridge.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A test encoder that returns the vectors it was given for each text (an empty vector for
/// unknown texts), and runs a hook with the 0-based call number before each `encode` call.
final class ScriptedEncoder implements SparseTextEncoder {

    private final String fingerprint;
    private final Map<String, TermWeights> vectors = new HashMap<>();
    private IntConsumer beforeEncode = call -> { };
    private int calls;

    ScriptedEncoder(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /// Gives `text` the vector `terms[i] -> weights[i]`.
    ScriptedEncoder vector(String text, String[] terms, float[] weights) {
        vectors.put(text, new TermWeights(terms, weights));
        return this;
    }

    ScriptedEncoder beforeEncode(IntConsumer hook) {
        this.beforeEncode = hook;
        return this;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel) {
        beforeEncode.accept(calls++);
        List<TermWeights> result = new ArrayList<>();
        for (String text : texts) {
            result.add(vectors.getOrDefault(text, new TermWeights(new String[0], new float[0])));
        }
        return result;
    }

    @Override
    public List<String> tokenize(String text) {
        return Arrays.asList(text.split(" "));
    }
}
