package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.transfer.FloatMatrix;

class RandomInitializerTest {

    private static final int DRAWS = 20_000;
    private static final int COLUMNS = 8;

    @Test
    void drawsHaveMeanZeroAndTheSpreadOfAllSourceEntries() throws Exception {
        long seed = BaselineFixture.seed("drawsHaveMeanZeroAndTheSpreadOfAllSourceEntries");
        Random random = new Random(seed);
        FloatMatrix source = FloatMatrix.zeros(2_000, COLUMNS);
        for (int i = 0; i < source.values().length; i++) {
            int column = i % COLUMNS;
            source.values()[i] = (float) (column - 3.0 + (0.5 + 0.3 * column) * random.nextGaussian());
        }
        InitializationInput input = new InitializationInput(source, null, null, IntStream.range(0, DRAWS).toArray(),
                new int[0], seed, SelectedDevice.cpu());

        FloatMatrix rows = BaselineFixture.apply(BaselineFixture.plan(new RandomInitializer(), input), List.of(source))
                .getFirst();

        List<BaselineReference.Moments> moments = BaselineReference.moments(source, rows);
        double sigma = moments.get(0).entryStd();
        double n = (double) DRAWS * COLUMNS;
        // Five standard errors: a false alarm about once in 3 million runs.
        double meanOfDraws = IntStream.range(0, COLUMNS).mapToDouble(j -> moments.get(1).mean()[j]).sum() / COLUMNS;
        assertEquals(0.0, meanOfDraws, 5 * sigma / Math.sqrt(n), "seed " + seed + ": mean of the draws");
        assertEquals(sigma, moments.get(1).entryStd(), 5 * sigma / Math.sqrt(2 * n),
                "seed " + seed + ": spread of the draws");
        for (int j = 0; j < COLUMNS; j++) {
            assertEquals(0.0, moments.get(1).mean()[j], 5 * sigma / Math.sqrt(DRAWS), "seed " + seed + ", column " + j);
        }
    }
}
