package org.sembridge.engine.linalg;

/// The dot product of two `float` slices in Java, for products too small or too scattered for a
/// BLAS call (one query against a few keys, one target row against a handful of sources).
public final class FloatDot {

    private FloatDot() {
    }

    /// `sum_c a[aOffset + c] b[bOffset + c]` over `c < length`, in four interleaved partial sums
    /// (one dependency chain would bound the loop by the adder's latency), added as
    /// `(s0 + s1) + (s2 + s3)`: the same order on every call, so the same inputs give the same bits.
    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int c = 0;
        for (; c + 3 < length; c += 4) {
            s0 += a[aOffset + c] * b[bOffset + c];
            s1 += a[aOffset + c + 1] * b[bOffset + c + 1];
            s2 += a[aOffset + c + 2] * b[bOffset + c + 2];
            s3 += a[aOffset + c + 3] * b[bOffset + c + 3];
        }
        for (; c < length; c++) {
            s0 += a[aOffset + c] * b[bOffset + c];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
