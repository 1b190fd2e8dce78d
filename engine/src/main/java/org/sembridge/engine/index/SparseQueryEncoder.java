package org.sembridge.engine.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Turns query texts into [SparseQuery] vectors with a [SparseTextEncoder], either through the
/// full model or tokenizer-only ([QueryWeighting]).
///
/// @param encoder   the encoder; its fingerprint is stamped on every query
/// @param weighting full encoding or inference-free weights
public record SparseQueryEncoder(SparseTextEncoder encoder, QueryWeighting weighting) {

    private static final String STAGE = "encoding queries";

    /// Encodes `texts` in order, one query per text.
    ///
    /// @throws SemBridgeException from the encoder, or on cancellation
    public List<SparseQuery> encode(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException {
        List<TermWeights> weights = switch (weighting) {
            case ENCODER -> encoder.encode(texts, progress, cancel);
            case INFERENCE_FREE -> tokenWeights(texts, progress, cancel);
        };
        if (weights.size() != texts.size()) {
            throw new IllegalStateException("encoder returned " + weights.size() + " vectors for "
                    + texts.size() + " texts");
        }
        List<SparseQuery> queries = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            queries.add(new SparseQuery(texts.get(i), encoder.fingerprint(), weighting, weights.get(i)));
        }
        return queries;
    }

    private List<TermWeights> tokenWeights(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException {
        List<TermWeights> result = new ArrayList<>(texts.size());
        for (String text : texts) {
            cancel.throwIfCancelled(STAGE);
            Map<String, Float> weights = new LinkedHashMap<>();
            for (String token : encoder.tokenize(text)) {
                weights.put(token, 1f);
            }
            result.add(TermWeights.of(weights));
            progress.onProgress(STAGE, result.size(), texts.size());
        }
        return result;
    }
}
