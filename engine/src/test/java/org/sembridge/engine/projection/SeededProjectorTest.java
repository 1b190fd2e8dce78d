package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Behaviour every seeded projector shares (t-SNE and UMAP): reproducible per seed, clusters kept
/// apart, duplicates separated. Method-specific checks stay in [TsneProjectorTest] and
/// [UmapProjectorTest].
class SeededProjectorTest {

    /// Each seeded method with its small test settings and the same settings under another seed.
    static Stream<Arguments> seededMethods() {
        return Stream.of(
                Arguments.of(TsneProjectorTest.SMALL, TsneProjectorTest.SMALL.withSeed(43)),
                Arguments.of(UmapProjectorTest.SMALL, UmapProjectorTest.SMALL.withSeed(43)));
    }

    @ParameterizedTest
    @MethodSource("seededMethods")
    void sameSeedGivesSameCoordinates(ProjectionParameters parameters, ProjectionParameters otherSeed)
            throws Exception {
        MapInput input = TestPoints.clusters(150, 10, 5, 1);

        double[][] first = project(parameters, input);
        double[][] second = project(parameters, input);

        assertArrayEquals(first, second);
    }

    @ParameterizedTest
    @MethodSource("seededMethods")
    void sameSeedGivesBitIdenticalCoordinatesAtAnyThreadCount(ProjectionParameters parameters,
            ProjectionParameters otherSeed) throws Exception {
        // More points than one work chunk (256), so several chunks really run side by side.
        MapInput input = TestPoints.clusters(700, 10, 5, 3);

        double[][] oneThread = projectWithThreads(parameters, input, 1);
        double[][] twoThreads = projectWithThreads(parameters, input, 2);
        double[][] fiveThreads = projectWithThreads(parameters, input, 5);

        for (int i = 0; i < oneThread.length; i++) {
            for (int axis = 0; axis < 2; axis++) {
                long bits = Double.doubleToRawLongBits(oneThread[i][axis]);
                assertEquals(bits, Double.doubleToRawLongBits(twoThreads[i][axis]), "point " + i + ", 2 threads");
                assertEquals(bits, Double.doubleToRawLongBits(fiveThreads[i][axis]), "point " + i + ", 5 threads");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seededMethods")
    void otherSeedGivesOtherCoordinates(ProjectionParameters parameters, ProjectionParameters otherSeed)
            throws Exception {
        MapInput input = TestPoints.clusters(150, 10, 5, 1);

        double[][] first = project(parameters, input);
        double[][] second = project(otherSeed, input);

        assertFalse(Arrays.deepEquals(first, second));
    }

    @ParameterizedTest
    @MethodSource("seededMethods")
    void separatedClustersStaySeparated(ProjectionParameters parameters, ProjectionParameters otherSeed)
            throws Exception {
        MapInput input = TestPoints.clusters(200, 16, 5, 2);

        double[][] map = project(parameters, input);

        assertTrue(TestPoints.nearestNeighbourPurity(map, 5) >= 0.98);
        assertTrue(TestPoints.trustworthiness(input, map) >= 0.9);
    }

    @ParameterizedTest
    @MethodSource("seededMethods")
    void duplicatePointsGetFiniteDistinctCoordinates(ProjectionParameters parameters,
            ProjectionParameters otherSeed) throws Exception {
        MapInput clusters = TestPoints.clusters(60, 8, 3, 6);
        float[][] vectors = new float[90][];
        for (int i = 0; i < 90; i++) {
            vectors[i] = clusters.vectors()[i % 60].clone();
        }
        MapInput input = MapInput.of(vectors, TestPoints.labels(90, "en"), List.of());

        double[][] map = project(parameters, input);

        for (double[] point : map) {
            assertTrue(Double.isFinite(point[0]) && Double.isFinite(point[1]));
        }
        assertFalse(Arrays.equals(map[0], map[60]), "a point and its duplicate share coordinates");
    }

    /// Projects inside a fork-join pool of `threads` workers: the projectors' parallel streams run
    /// in the pool of the task that starts them.
    private static double[][] projectWithThreads(ProjectionParameters parameters, MapInput input, int threads)
            throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> project(parameters, input)).get();
        } finally {
            pool.shutdown();
        }
    }

    private static double[][] project(ProjectionParameters parameters, MapInput input) throws Exception {
        return Projector.of(parameters).project(input, ProgressListener.NONE, CancellationToken.create());
    }
}
