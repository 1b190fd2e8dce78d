package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.transfer.FloatMatrix;

class MultivariateGaussianInitializerTest {

    private static final int DRAWS = 20_000;
    private static final int COLUMNS = 8;
    /// Relative Frobenius error of a sample covariance of `n` draws in `d` dimensions is about
    /// `sqrt((1 + tr(C)^2 / |C|_F^2) / n) <= sqrt((1 + d) / n)` = 0.021 here; three times that.
    private static final double FROBENIUS_TOLERANCE = 0.065;

    @Test
    void sampleCovarianceOfTheDrawsIsCloseToTheSourceCovariance() throws Exception {
        long seed = BaselineFixture.seed("sampleCovarianceOfTheDrawsIsCloseToTheSourceCovariance");
        FloatMatrix source = correlated(new Random(seed), 5_000, false);

        FloatMatrix rows = draw(source, seed);

        List<BaselineReference.Moments> moments = BaselineReference.moments(source, rows);
        double error = relativeFrobeniusError(moments.get(0).cov(), moments.get(1).cov());
        System.out.println("relative Frobenius error of the sample covariance: " + error);
        assertTrue(error < FROBENIUS_TOLERANCE, "seed " + seed + ": relative Frobenius error " + error);
        for (int j = 0; j < COLUMNS; j++) {
            double std = moments.get(0).std()[j];
            assertEquals(moments.get(0).mean()[j], moments.get(1).mean()[j], 5 * std / Math.sqrt(DRAWS),
                    "seed " + seed + ", column " + j);
        }
    }

    @Test
    void singularCovarianceGetsARidgeAndStillMatches() throws Exception {
        long seed = BaselineFixture.seed("singularCovarianceGetsARidgeAndStillMatches");
        FloatMatrix source = correlated(new Random(seed), 5_000, true);

        FloatMatrix rows = draw(source, seed);

        for (float value : rows.values()) {
            assertTrue(Float.isFinite(value), "seed " + seed + ": every draw is finite");
        }
        List<BaselineReference.Moments> moments = BaselineReference.moments(source, rows);
        double error = relativeFrobeniusError(moments.get(0).cov(), moments.get(1).cov());
        assertTrue(error < FROBENIUS_TOLERANCE, "seed " + seed + ": relative Frobenius error " + error);
    }

    @Test
    void oneColumnMatrixDrawsTheUnivariateNormal() throws Exception {
        long seed = BaselineFixture.seed("oneColumnMatrixDrawsTheUnivariateNormal");
        Random random = new Random(seed);
        FloatMatrix bias = FloatMatrix.zeros(3_000, 1);
        for (int r = 0; r < bias.rows(); r++) {
            bias.values()[r] = (float) (-2.0 + 0.7 * random.nextGaussian());
        }

        FloatMatrix rows = draw(bias, seed);

        List<BaselineReference.Moments> moments = BaselineReference.moments(bias, rows);
        double std = moments.get(0).std()[0];
        assertEquals(moments.get(0).mean()[0], moments.get(1).mean()[0], 5 * std / Math.sqrt(DRAWS), "seed " + seed);
        assertEquals(std, moments.get(1).std()[0], 5 * std / Math.sqrt(2.0 * DRAWS), "seed " + seed);
    }

    @Test
    void constantMatrixDrawsItsOnlyRow() throws Exception {
        float[] row = {1.5f, -2f, 0.25f};
        FloatMatrix source = BaselineFixture.matrix(new float[][] {row, row, row, row});

        FloatMatrix rows = draw(source, 11L);

        for (int r = 0; r < rows.rows(); r++) {
            assertArrayEquals(row, rows.row(r), 0.0f, "row " + r);
        }
    }

    private static FloatMatrix draw(FloatMatrix source, long seed) throws Exception {
        InitializationInput input = new InitializationInput(source, null, null, IntStream.range(0, DRAWS).toArray(),
                new int[0], seed, SelectedDevice.cpu());
        return BaselineFixture.apply(BaselineFixture.plan(new MultivariateGaussianInitializer(), input),
                List.of(source)).getFirst();
    }

    /// `z A + b` with a random mixing matrix `A`, so the columns are correlated; with
    /// `duplicateColumn` column 1 repeats column 0, so the covariance is singular.
    private static FloatMatrix correlated(Random random, int rows, boolean duplicateColumn) {
        double[][] mixing = new double[COLUMNS][COLUMNS];
        for (double[] line : mixing) {
            for (int j = 0; j < COLUMNS; j++) {
                line[j] = random.nextGaussian();
            }
        }
        FloatMatrix matrix = FloatMatrix.zeros(rows, COLUMNS);
        double[] z = new double[COLUMNS];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < COLUMNS; k++) {
                z[k] = random.nextGaussian();
            }
            for (int j = 0; j < COLUMNS; j++) {
                double value = 0.5 * j;
                for (int k = 0; k < COLUMNS; k++) {
                    value += z[k] * mixing[k][j];
                }
                matrix.values()[r * COLUMNS + j] = (float) value;
            }
            if (duplicateColumn) {
                matrix.values()[r * COLUMNS + 1] = matrix.values()[r * COLUMNS];
            }
        }
        return matrix;
    }

    private static double relativeFrobeniusError(double[][] expected, double[][] actual) {
        double difference = 0.0;
        double norm = 0.0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                difference += Math.pow(actual[i][j] - expected[i][j], 2);
                norm += expected[i][j] * expected[i][j];
            }
        }
        return Math.sqrt(difference / norm);
    }
}
