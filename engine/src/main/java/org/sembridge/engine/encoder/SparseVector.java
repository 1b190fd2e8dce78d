package org.sembridge.engine.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/// The SPLADE representation of one text: the vocabulary tokens with a positive weight, largest
/// weight first (ties: smaller id first).
///
/// @param tokenIds vocabulary ids, ordered by weight, descending
/// @param weights `log(1 + ReLU(logit))` pooled over positions, same order, all `> 0`
/// @param truncated whether the text was cut to the model's token limit before encoding
public record SparseVector(int[] tokenIds, float[] weights, boolean truncated) {

    public SparseVector {
        if (tokenIds.length != weights.length) {
            throw new IllegalArgumentException("tokenIds has " + tokenIds.length + " entries, weights "
                    + weights.length);
        }
    }

    /// Number of non-zero terms.
    public int size() {
        return tokenIds.length;
    }

    /// The token strings of [#tokenIds()], e.g. from [SparseEncoder#vocabulary()].
    public List<String> tokenStrings(List<String> vocabulary) {
        List<String> strings = new ArrayList<>(tokenIds.length);
        for (int id : tokenIds) {
            strings.add(vocabulary.get(id));
        }
        return strings;
    }

    /// Builds the vector of one pooled row: keeps positive weights, sorts them descending and
    /// keeps the first `maxTerms` (all when 0).
    ///
    /// The sort runs on primitive keys, `(MAX_INT - bits(weight)) << 32 | id`: the bits of a
    /// positive float grow with its value, so ascending keys are descending weights, ties by
    /// ascending id (a large vocabulary can leave 10^5 positive weights per text, where sorting
    /// boxed ids through a comparator took longer than the decoder).
    static SparseVector fromDense(float[] pooled, int offset, int vocabSize, int maxTerms, boolean truncated) {
        int count = 0;
        for (int v = 0; v < vocabSize; v++) {
            if (pooled[offset + v] > 0) {
                count++;
            }
        }
        long[] keys = new long[count];
        int next = 0;
        for (int v = 0; v < vocabSize; v++) {
            float weight = pooled[offset + v];
            if (weight > 0) {
                keys[next++] = (long) (Integer.MAX_VALUE - Float.floatToRawIntBits(weight)) << 32 | v;
            }
        }
        Arrays.sort(keys);
        int kept = maxTerms == 0 ? count : Math.min(count, maxTerms);
        int[] tokenIds = new int[kept];
        float[] weights = new float[kept];
        for (int i = 0; i < kept; i++) {
            tokenIds[i] = (int) keys[i];
            weights[i] = pooled[offset + tokenIds[i]];
        }
        return new SparseVector(tokenIds, weights, truncated);
    }
}
