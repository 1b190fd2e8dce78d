package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
