package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CholeskyFactorTest {

    @Test
    void positiveDefiniteCovarianceIsFactoredWithoutRidge() {
        double[] covariance = {4, 2, -2, 2, 10, 1, -2, 1, 6};

        double[] lower = CholeskyFactor.lower(covariance, 3, "test matrix");

        assertArrayEquals(covariance, product(lower, 3), 1e-12);
        assertEquals(0.0, lower[1]);
    }

    @Test
    void singularCovarianceIsFactoredWithTheRelativeRidge() {
        // Columns 0 and 1 are equal: rank 2 of 3.
        double[] covariance = {2, 2, 1, 2, 2, 1, 1, 1, 3};
        double ridge = CholeskyFactor.RELATIVE_RIDGE * 7.0 / 3;

        double[] lower = CholeskyFactor.lower(covariance, 3, "test matrix");

        double[] expected = covariance.clone();
        for (int i = 0; i < 3; i++) {
            expected[i * 3 + i] += ridge;
        }
        assertArrayEquals(expected, product(lower, 3), 1e-12);
    }

    @Test
    void zeroCovarianceHasAZeroFactor() {
        assertArrayEquals(new double[4], CholeskyFactor.lower(new double[4], 2, "test matrix"), 0.0);
    }

    /// `L L^T`.
    private static double[] product(double[] lower, int c) {
        double[] out = new double[c * c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                for (int k = 0; k < c; k++) {
                    out[i * c + j] += lower[i * c + k] * lower[j * c + k];
                }
            }
        }
        return out;
    }
}
