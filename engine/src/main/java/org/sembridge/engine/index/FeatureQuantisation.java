package org.sembridge.engine.index;

/// The precision loss of Lucene's `FeatureField`, reproduced bit for bit so that score
/// explanations can show the document weight Lucene actually scored with.
///
/// `FeatureField` stores a weight `w` as the term frequency `floatToIntBits(w) >>> 15` and reads
/// it back as `intBitsToFloat(freq << 15)`: the sign, the 8 exponent bits and the top 8 of the 23
/// mantissa bits survive, i.e. 9 significant bits. The result is always rounded *down* (towards
/// zero) and the relative error is below 2^-8 = 0.39%. Valid input: finite `w >= Float.MIN_NORMAL`
/// (the smallest weight `FeatureField` accepts).
public final class FeatureQuantisation {

    /// The smallest weight `FeatureField` accepts; smaller positive weights are dropped at indexing.
    public static final float MIN_WEIGHT = Float.MIN_NORMAL;

    private FeatureQuantisation() {
    }

    /// The weight Lucene scores with after indexing `exact`.
    public static float indexedValue(float exact) {
        int frequency = Float.floatToIntBits(exact) >>> 15;
        return Float.intBitsToFloat(frequency << 15);
    }
}
