package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import org.sembridge.engine.hf.HiddenActivation;

/// The host activations against independent references: `erf` by its everywhere-convergent
/// series `erf(x) = 2 / sqrt(pi) e^(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1))` (positive terms,
/// no cancellation) summed in double, and closed-form values of the normal distribution.
class HostActivationTest {

    /// `erf` by the series above, accurate to about 1e-15 for `|x| <= 10`.
    private static double erfSeries(double x) {
        double ax = Math.abs(x);
        double term = ax;
        double sum = ax;
        for (int n = 1; n < 1000 && term > 1e-18 * sum; n++) {
            term *= 2 * ax * ax / (2 * n + 1);
            sum += term;
        }
        return Math.copySign(2 / Math.sqrt(Math.PI) * Math.exp(-ax * ax) * sum, x);
    }

    private static double geluReference(double x) {
        return 0.5 * x * (1 + erfSeries(x / Math.sqrt(2)));
    }

    @Test
    void erfcHasAFractionalErrorBelowOnePointThreeInTenMillion() {
        double worst = 0;
        for (int i = 0; i <= 30_000; i++) {
            double z = i * 1e-4;
            double exact = 1 - erfSeries(z);
            worst = Math.max(worst, Math.abs(HostActivation.erfc(z) - exact) / exact);
        }
        System.out.printf("erfc on [0, 3]: largest fractional error %.3g%n", worst);
        assertTrue(worst < 1.3e-7, "largest fractional error " + worst);
    }

    @Test
    void geluIsExactToTheFloatPrecisionAtEveryScale() {
        double worst = 0;
        for (int i = -100_000; i <= 100_000; i++) {
            float x = i * 1e-4f;
            double exact = geluReference(x);
            double error = Math.abs(HostActivation.gelu(x) - exact);
            worst = Math.max(worst, error);
            assertTrue(error <= 2.5e-7 * Math.abs(exact) + 1e-12, "GELU(" + x + "): " + HostActivation.gelu(x)
                    + " vs " + exact);
        }
        System.out.printf("GELU on [-10, 10]: largest absolute error %.3g%n", worst);
    }

    @Test
    void vectorGeluStaysWithinItsStatedBounds() {
        assumeTrue(HostActivation.VECTOR_API, "jdk.incubator.vector is not in the boot layer");
        float[] row = new float[200_001];
        for (int i = 0; i < row.length; i++) {
            row[i] = (i - 100_000) * 1e-4f;
        }
        float[] xs = row.clone();
        VectorKernels.gelu(row, row.length, new float[row.length]);
        double worstAbsolute = 0;
        double worstRelative = 0;
        for (int i = 0; i < row.length; i++) {
            double exact = geluReference(xs[i]);
            double error = Math.abs(row[i] - exact);
            worstAbsolute = Math.max(worstAbsolute, error / Math.max(1, Math.abs(exact)));
            if (Math.abs(exact) >= 1e-3) {
                worstRelative = Math.max(worstRelative, error / Math.abs(exact));
            }
        }
        System.out.printf("vector GELU on [-10, 10]: largest error %.3g of max(1, |GELU|), relative %.3g (|GELU| >= "
                + "1e-3)%n",
                worstAbsolute, worstRelative);
        assertTrue(worstAbsolute < 3e-7, "error over max(1, |GELU|) " + worstAbsolute);
        assertTrue(worstRelative < 2e-6, "relative " + worstRelative);
    }

    @Test
    void vectorExponentialsSumLikeTheScalarOnes() {
        assumeTrue(HostActivation.VECTOR_API, "jdk.incubator.vector is not in the boot layer");
        float[] row = new float[37];
        double expected = 0;
        for (int i = 0; i < row.length; i++) {
            row[i] = -0.37f * i;
            expected += Math.exp(-0.37 * i - 0.5);
        }
        float[] xs = row.clone();
        double sum = VectorKernels.expShifted(row, row.length, 0.5f);

        assertEquals(expected, sum, 1e-6 * expected);
        for (int i = 0; i < row.length; i++) {
            assertEquals(Math.exp(xs[i] - 0.5), row[i], 5e-7 * Math.exp(xs[i] - 0.5), "element " + i);
        }
    }

    @Test
    void geluGivesTheNormalDistributionAtOneAndMinusOne() {
        // Phi(1) = 0.841344746068542948..., x Phi(x)
        assertEquals(0.8413447460685429, HostActivation.gelu(1f), 1e-7);
        assertEquals(-0.15865525393145707, HostActivation.gelu(-1f), 1e-8);
        assertEquals(0f, HostActivation.gelu(0f));
        assertEquals(-0f, HostActivation.gelu(-30f), 1e-30);
    }

    @Test
    void biasIsAddedBeforeTheActivation() {
        float[] row = {-1f, 0.5f, 2f};
        HostActivation.apply(HiddenActivation.RELU, row, 3, new float[] {0.5f, -1f, 1f});

        assertEquals(0f, row[0]);
        assertEquals(0f, row[1]);
        assertEquals(3f, row[2]);
    }

    @Test
    void geluTanhMatchesItsFormula() {
        double x = 1.5;
        double expected = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

        assertEquals(expected, HostActivation.geluTanh(1.5f), 1e-7);
    }
}
