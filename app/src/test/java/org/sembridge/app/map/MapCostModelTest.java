package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.projection.PcaParameters;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.TsneParameters;
import org.sembridge.engine.projection.UmapParameters;

/// The expected-time model: closed forms of its terms, and rates read back from stage times.
class MapCostModelTest {

    private static final MapCostModel RATES = new MapCostModel(1e-10, 1e-8,
            Map.of(ProjectionMethod.PCA, 1e-5, ProjectionMethod.TSNE, 1e-7, ProjectionMethod.UMAP, 1e-8));

    @Test
    void pcaIsOneVectorPassOneMapPassAndLinearWork() {
        // 1 * 1e4^2 * 100 * 1e-10 + 1e4^2 * 1e-8 + 1e4 * 1e-5 = 1 + 1 + 0.1
        assertEquals(2.1, RATES.expectedSeconds(new PcaParameters(), 10_000, 100), 1e-9);
    }

    @Test
    void tsneAddsItsNeighbourPassAndIterationsTimesNLogN() {
        // 2 * 1024^2 * 10 * 1e-10 + 1024^2 * 1e-8 + 1000 * 1024 * 10 * 1e-7
        double expected = 2 * 1024.0 * 1024 * 10 * 1e-10 + 1024.0 * 1024 * 1e-8 + 1000 * 1024 * 10 * 1e-7;
        assertEquals(expected, RATES.expectedSeconds(TsneParameters.defaults(), 1024, 10), 1e-9);
    }

    @Test
    void umapLayoutIsEpochsTimesPointsTimesNeighbours() {
        UmapParameters umap = new UmapParameters(15, 0.1, 500, 42);
        double expected = 2 * 1e6 * 10 * 1e-10 + 1e6 * 1e-8 + 500.0 * 1000 * 15 * 1e-8;
        assertEquals(expected, RATES.expectedSeconds(umap, 1000, 10), 1e-9);
    }

    @Test
    void timeGrowsWithTheSquareOfThePointsWhenPairsDominate() {
        double small = MapCostModel.REFERENCE.expectedSeconds(new PcaParameters(), 100_000, 768);
        double large = MapCostModel.REFERENCE.expectedSeconds(new PcaParameters(), 300_000, 768);
        assertEquals(9, large / small, 0.1);
    }

    @Test
    void calibrationReadsEachRateFromItsStages() {
        // a fake clock, advanced by each stage's length before its report
        long[] now = {0};
        MapStageTimes times = new MapStageTimes(() -> now[0]);
        String[] stages = {"t-SNE neighbours", "t-SNE affinities", "t-SNE iterations",
                "map quality: map neighbours", "map quality: original neighbours"};
        long[] lengths = {2_000_000_000L, 500_000_000L, 4_000_000_000L, 1_000_000_000L, 2_000_000_000L};
        for (int s = 0; s < stages.length; s++) {
            now[0] += lengths[s];
            times.report(stages[s]);
        }
        TsneParameters tsne = TsneParameters.defaults();

        MapCostModel calibrated = RATES.calibrated(tsne, 1000, 50, times);

        // vector passes: 2 s + 2 s over 2 * 1000^2 * 50 pair-dimensions
        assertEquals(4.0 / (2 * 1e6 * 50), calibrated.secondsPerVectorPair(), 1e-20);
        assertEquals(1.0 / 1e6, calibrated.secondsPerMapPair(), 1e-18);
        // the rest (0.5 s + 4 s) over 1000 iterations * 1000 points * log2(1000)
        double units = 1000.0 * 1000 * (Math.log(1000) / Math.log(2));
        assertEquals(4.5 / units, calibrated.secondsPerLayoutUnit().get(ProjectionMethod.TSNE), 1e-18);
        assertEquals(1e-5, calibrated.secondsPerLayoutUnit().get(ProjectionMethod.PCA), 0.0, "other methods kept");
    }

    @Test
    void stagesTooShortToExtrapolateKeepTheirRates() {
        long[] now = {0};
        MapStageTimes times = new MapStageTimes(() -> now[0]);
        now[0] += 10_000_000L;
        times.report("map quality: map neighbours");
        now[0] += 10_000_000L;
        times.report("map quality: original neighbours");

        MapCostModel calibrated = RATES.calibrated(new PcaParameters(), 100, 10, times);

        assertEquals(RATES, calibrated);
    }
}
