package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowDistributionTest {

    @ParameterizedTest(name = "dimension {0}")
    @ValueSource(ints = {1, 3, 4, 7, 12})
    void correlatedDrawIsMeanPlusFactorTimesNormals(int c) {
        long seed = BaselineFixture.seed("correlatedDrawIsMeanPlusFactorTimesNormals(dimension " + c + ")");
        Random random = new Random(seed);
        double[] mean = random.doubles(c).toArray();
        double[] lower = new double[c * c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j <= i; j++) {
                lower[i * c + j] = random.nextGaussian();
            }
        }
        double[] normals = random.doubles(c + 2).toArray();
        float[] out = new float[c + 1];

        RowDistribution.correlated(mean, lower).transform(normals, 2, out, 1);

        for (int i = 0; i < c; i++) {
            double expected = mean[i];
            for (int j = 0; j <= i; j++) {
                expected += lower[i * c + j] * normals[2 + j];
            }
            assertEquals((float) expected, out[1 + i], Math.ulp((float) expected), "seed " + seed + ", entry " + i);
        }
    }
}
