package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class NearestNeighboursTest {

    @ParameterizedTest(name = "seed {0}: {1} x {2}, k {3}")
    @CsvSource({"31, 300, 20, 15", "32, 600, 5, 1", "33, 50, 100, 49"})
    void neighboursEqualAFullSortOfDirectDistances(long seed, int n, int d, int k) throws Exception {
        System.out.println("seed " + seed);
        float[][] vectors = TestPoints.gaussian(n, d, seed);

        NeighbourGraph graph = NearestNeighbours.search(new GramDistanceRows(vectors), k, "test",
                ProgressListener.NONE, CancellationToken.create());

        for (int i = 0; i < n; i++) {
            int[] expected = bruteForce(vectors, i, k);
            assertArrayEquals(expected, graph.indices()[i], "point " + i);
            for (int m = 0; m < k; m++) {
                assertEquals(directSquaredDistance(vectors[i], vectors[expected[m]]), graph.squaredDistances()[i][m],
                        1e-9 * (1 + graph.squaredDistances()[i][m]));
            }
        }
    }

    @Test
    void duplicatesAreOrderedByIndex() throws Exception {
        float[][] vectors = {{0, 0}, {1, 0}, {0, 0}, {1, 0}, {0, 0}};

        NeighbourGraph graph = NearestNeighbours.search(new GramDistanceRows(vectors), 3, "test",
                ProgressListener.NONE, CancellationToken.create());

        assertArrayEquals(new int[] {2, 4, 1}, graph.indices()[0]);
        assertArrayEquals(new int[] {3, 0, 2}, graph.indices()[1]);
        assertArrayEquals(new double[] {0, 0, 1}, graph.squaredDistances()[0]);
    }

    @Test
    void cancelledSearchThrows() throws Exception {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        GramDistanceRows rows = new GramDistanceRows(TestPoints.gaussian(10, 3, 1));

        assertThrows(OperationCancelledException.class,
                () -> NearestNeighbours.search(rows, 3, "test", ProgressListener.NONE, cancel));
    }

    private static int[] bruteForce(float[][] vectors, int i, int k) {
        return IntStream.range(0, vectors.length).filter(j -> j != i).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> directSquaredDistance(vectors[i], vectors[j]))
                        .thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double directSquaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = (double) a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
