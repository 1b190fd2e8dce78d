package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/// The agreement criterion of the reference tests: every element satisfies
/// `|actual - expected| <= 1e-4 * max(1, |expected|)` (absolute for small values, relative for
/// large ones). Float32 through two layers stays near 1e-6; an activation or LayerNorm slip
/// shows up at 1e-3 or more.
final class RelativeError {

    /// The tolerance factor.
    static final double TOLERANCE = 1e-4;

    private RelativeError() {
    }

    static void assertClose(String what, float[] actual, double[] expected) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double allowed = TOLERANCE * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(actual[i] - expected[i]) <= allowed)) {
                fail(what + "[" + i + "]: expected " + expected[i] + ", found " + actual[i] + " (allowed error "
                        + allowed + ")");
            }
        }
    }

    static void assertClose(String what, float[][] actual, double[][] expected) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + "[" + i + "]", actual[i], expected[i]);
        }
    }

    static void assertClose(String what, float[][][] actual, double[][][] expected) {
        assertEquals(expected.length, actual.length, what + ": batch");
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + "[" + i + "]", actual[i], expected[i]);
        }
    }
}
