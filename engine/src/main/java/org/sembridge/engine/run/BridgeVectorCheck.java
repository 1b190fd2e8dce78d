package org.sembridge.engine.run;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.bridge.BridgeVectors;
import org.sembridge.engine.vocab.Vocabulary;

/// Checks bridge vectors before any similarity is computed: one row per token, every value
/// finite, no zero vector (a cosine similarity needs a direction). The alignment code treats
/// such rows as caller bugs; here they are user data, so they become [InputFormatException]s
/// that name the vocabulary, the token and where the vectors came from.
final class BridgeVectorCheck {

    private BridgeVectorCheck() {
    }

    /// @param role `source` or `target`, for the message
    static void requireUsable(BridgeVectors vectors, String role, Vocabulary vocabulary) throws InputFormatException {
        if (vectors.size() != vocabulary.size()) {
            throw new InputFormatException(role + " bridge vectors: expected one per token (" + vocabulary.size()
                    + "), found " + vectors.size() + " (" + vectors.origin() + ")");
        }
        int dimension = vectors.dimension();
        float[] values = vectors.vectors().values();
        for (int id = 0; id < vectors.size(); id++) {
            double squares = 0.0;
            for (int c = 0; c < dimension; c++) {
                float value = values[id * dimension + c];
                if (!Float.isFinite(value)) {
                    throw new InputFormatException(role + " bridge vector of token " + id + " '"
                            + vocabulary.tokens().get(id) + "' (text '" + vectors.texts().get(id) + "') has "
                            + value + " in column " + c + "; expected finite values (" + vectors.origin() + ")");
                }
                squares += (double) value * value;
            }
            if (squares == 0.0) {
                throw new InputFormatException(role + " bridge vector of token " + id + " '"
                        + vocabulary.tokens().get(id) + "' (text '" + vectors.texts().get(id)
                        + "') is all zeros; a cosine similarity needs a non-zero vector (" + vectors.origin() + ")");
            }
        }
    }
}
