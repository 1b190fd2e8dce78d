package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.transfer.FloatMatrix;

class GaussianInitializerTest {

    private static final int DRAWS = 20_000;
    private static final int COLUMNS = 8;

    @Test
    void eachColumnOfTheDrawsHasTheSourceColumnMeanAndSpread() throws Exception {
        long seed = BaselineFixture.seed("eachColumnOfTheDrawsHasTheSourceColumnMeanAndSpread");
        Random random = new Random(seed);
        FloatMatrix source = FloatMatrix.zeros(2_000, COLUMNS);
        for (int i = 0; i < source.values().length; i++) {
            int column = i % COLUMNS;
            source.values()[i] = (float) (column - 3.0 + (0.2 + 0.5 * column) * random.nextGaussian());
        }
        InitializationInput input = new InitializationInput(source, null, null, IntStream.range(0, DRAWS).toArray(),
                new int[0], seed, SelectedDevice.cpu());

        FloatMatrix rows = BaselineFixture.apply(BaselineFixture.plan(new GaussianInitializer(), input),
                List.of(source)).getFirst();

        List<BaselineReference.Moments> moments = BaselineReference.moments(source, rows);
        for (int j = 0; j < COLUMNS; j++) {
            double mean = moments.get(0).mean()[j];
            double std = moments.get(0).std()[j];
            String where = "seed " + seed + ", column " + j;
            // Five standard errors of the sample mean and of the sample standard deviation.
            assertEquals(mean, moments.get(1).mean()[j], 5 * std / Math.sqrt(DRAWS), where + ": mean");
            assertEquals(std, moments.get(1).std()[j], 5 * std / Math.sqrt(2.0 * DRAWS), where + ": std");
        }
    }
}
