package org.sembridge.engine.index;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/// A sparse vector over vocabulary tokens: parallel arrays of token strings and their weights, as
/// a SPLADE encoder produces for one text.
///
/// Tokens are the vocabulary strings of the encoder (`##ing`, `▁house`), each at most once. Weights
/// are whatever the encoder produced; consumers decide what to keep (the index keeps only
/// positive finite weights, see [SparseIndexWriter]). The arrays are not copied: callers must not
/// change them after construction.
///
/// @param terms   the token strings, no duplicates
/// @param weights the weight of each token, same length as `terms`
public record TermWeights(String[] terms, float[] weights) {

    public TermWeights {
        if (terms == null || weights == null) {
            throw new IllegalArgumentException("terms and weights must not be null");
        }
        if (terms.length != weights.length) {
            throw new IllegalArgumentException("terms and weights differ in length: "
                    + terms.length + " terms, " + weights.length + " weights");
        }
    }

    /// A vector from a token-to-weight map, in the map's iteration order.
    public static TermWeights of(Map<String, Float> weights) {
        String[] terms = new String[weights.size()];
        float[] values = new float[weights.size()];
        int i = 0;
        for (Map.Entry<String, Float> entry : weights.entrySet()) {
            terms[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new TermWeights(terms, values);
    }

    /// The number of entries (including any zero or negative weights).
    public int size() {
        return terms.length;
    }

    /// The entries as an insertion-ordered map; a duplicate token keeps its last weight.
    public SequencedMap<String, Float> asMap() {
        SequencedMap<String, Float> map = new LinkedHashMap<>();
        for (int i = 0; i < terms.length; i++) {
            map.put(terms[i], weights[i]);
        }
        return map;
    }
}
