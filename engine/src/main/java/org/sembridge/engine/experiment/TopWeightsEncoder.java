package org.sembridge.engine.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A [SparseTextEncoder] that keeps only the `limit` largest positive weights of each vector of
/// another encoder, and counts the texts it cut.
///
/// The experiment encodes queries through it so that Lucene's clause limit (one clause per query
/// token, 1,024 by default) never rejects a query: a degenerate initialisation (random rows) can
/// switch on thousands of tokens per text, and such a query is then scored on its `limit` heaviest
/// tokens instead of failing the experiment. Vectors within the limit pass unchanged (same order,
/// zero and negative entries included); the fingerprint is the wrapped encoder's. One thread at a
/// time.
final class TopWeightsEncoder implements SparseTextEncoder {

    private final SparseTextEncoder encoder;
    private final int limit;
    private int truncatedTexts;

    /// Wraps `encoder`, keeping at most `limit >= 1` positive weights per text.
    TopWeightsEncoder(SparseTextEncoder encoder, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        this.encoder = encoder;
        this.limit = limit;
    }

    @Override
    public String fingerprint() {
        return encoder.fingerprint();
    }

    @Override
    public List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException {
        List<TermWeights> vectors = encoder.encode(texts, progress, cancel);
        List<TermWeights> kept = new ArrayList<>(vectors.size());
        for (TermWeights vector : vectors) {
            kept.add(top(vector));
        }
        return kept;
    }

    @Override
    public List<String> tokenize(String text) throws SemBridgeException {
        return encoder.tokenize(text);
    }

    /// How many texts so far had more than `limit` positive weights.
    int truncatedTexts() {
        return truncatedTexts;
    }

    private TermWeights top(TermWeights vector) {
        float[] weights = vector.weights();
        Integer[] positive = IntStream.range(0, vector.size()).filter(i -> weights[i] > 0)
                .boxed().toArray(Integer[]::new);
        if (positive.length <= limit) {
            return vector;
        }
        truncatedTexts++;
        Arrays.sort(positive, Comparator.<Integer>comparingDouble(i -> weights[i]).reversed()
                .thenComparing(i -> vector.terms()[i]));
        String[] terms = new String[limit];
        float[] values = new float[limit];
        for (int k = 0; k < limit; k++) {
            terms[k] = vector.terms()[positive[k]];
            values[k] = weights[positive[k]];
        }
        return new TermWeights(terms, values);
    }
}
