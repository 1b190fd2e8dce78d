package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.testing.PythonReference;

class QualityEvaluatorTest {

    @TempDir
    Path temp;

    @Test
    void identityMapHasTrustworthinessOne() throws Exception {
        float[][] vectors = TestPoints.gaussian(60, 2, 7);
        double[][] map = new double[60][];
        for (int i = 0; i < 60; i++) {
            map[i] = new double[] {vectors[i][0], vectors[i][1]};
        }

        MapQuality quality = evaluate(vectors, map, List.of(), 10);

        assertEquals(1.0, quality.trustworthiness(), 0.0);
    }

    @ParameterizedTest(name = "seed {0}, n {1}, d {2}, k {3}")
    @CsvSource({"11, 150, 12, 1", "12, 150, 12, 5", "13, 150, 12, 10", "14, 41, 30, 20", "15, 300, 4, 10"})
    void trustworthinessAndLinkedShareMatchNumpyReference(long seed, int n, int d, int k) throws Exception {
        System.out.println("seed " + seed);
        float[][] vectors = TestPoints.gaussian(n, d, seed);
        double[][] map = noisyProjection(vectors, seed);
        List<MapLink> links = randomLinks(n, n / 3, seed);

        MapQuality quality = evaluate(vectors, map, links, k);
        JsonObject reference = reference(vectors, map, links, k);

        assertEquals(reference.get("trustworthiness").getAsDouble(), quality.trustworthiness(), 1e-9);
        assertEquals(reference.get("linked_points").getAsInt(), quality.linkedShare().linkedPoints());
        assertEquals(reference.get("linked_original").getAsDouble(), quality.linkedShare().originalSpace(), 1e-12);
        assertEquals(reference.get("linked_map").getAsDouble(), quality.linkedShare().map(), 1e-12);
    }

    @Test
    void tiedDistancesAreRankedByIndexLikeTheReference() throws Exception {
        // Integer lattice points: many exactly equal distances in both spaces.
        float[][] vectors = new float[49][3];
        double[][] map = new double[49][];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 49; i++) {
            vectors[i] = new float[] {i % 7, i / 7, 0};
            map[i] = new double[] {random.nextInt(5), random.nextInt(5)};
        }

        MapQuality quality = evaluate(vectors, map, List.of(), 10);

        assertEquals(reference(vectors, map, List.of(), 10).get("trustworthiness").getAsDouble(),
                quality.trustworthiness(), 1e-9);
    }

    @Test
    void linkedShareIsOneWhenEveryTargetSitsOnItsSource() throws Exception {
        float[][] sources = TestPoints.gaussian(40, 8, 3);
        float[][] vectors = new float[80][];
        List<MapLink> links = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            vectors[i] = sources[i];
            vectors[40 + i] = sources[i].clone();
            vectors[40 + i][0] += 1e-3f;
            links.add(new MapLink(40 + i, i, 1));
        }
        double[][] map = new double[80][];
        for (int i = 0; i < 80; i++) {
            map[i] = new double[] {vectors[i][0], vectors[i][1]};
        }

        LinkedNeighbourShare share = evaluate(vectors, map, links, 10).linkedShare();

        assertEquals(new LinkedNeighbourShare(10, 40, 1.0, 1.0), share);
    }

    @Test
    void mapWithoutLinksHasNoLinkedShare() throws Exception {
        float[][] vectors = TestPoints.gaussian(30, 4, 9);

        MapQuality quality = evaluate(vectors, noisyProjection(vectors, 9), List.of(), 10);

        assertFalse(quality.hasLinkedShare());
        assertNull(quality.linkedShare());
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"21", "22", "23"})
    void keptNeighbourListsAreTheExactNearestByDistanceThenIndex(long seed) throws Exception {
        System.out.println("seed " + seed);
        float[][] vectors = TestPoints.gaussian(80, 6, seed);
        double[][] map = noisyProjection(vectors, seed);

        MapNeighbours neighbours = evaluate(vectors, map, List.of(), 7).neighbours();

        assertEquals(7, neighbours.k());
        assertEquals(80, neighbours.size());
        for (int i = 0; i < 80; i++) {
            assertArrayEquals(bruteForceNearest(i, 7, 80, (a, b) -> squared(vectors[a], vectors[b])),
                    neighbours.originalOf(i), "original neighbours of point " + i);
            assertArrayEquals(bruteForceNearest(i, 7, 80, (a, b) -> {
                double dx = map[a][0] - map[b][0];
                double dy = map[a][1] - map[b][1];
                return dx * dx + dy * dy;
            }), neighbours.mapOf(i), "map neighbours of point " + i);
            double nearest = Math.sqrt(squared(vectors[i], vectors[neighbours.original()[i][0]]));
            assertEquals(nearest, neighbours.originalDistances()[i][0], 1e-4 * Math.max(1, nearest));
        }
    }

    @Test
    void anIdentityMapKeepsEveryOriginalNeighbour() throws Exception {
        float[][] vectors = TestPoints.gaussian(60, 2, 7);
        double[][] identity = new double[60][];
        for (int i = 0; i < 60; i++) {
            identity[i] = new double[] {vectors[i][0], vectors[i][1]};
        }

        MapNeighbours neighbours = evaluate(vectors, identity, List.of(), 10).neighbours();

        for (int i = 0; i < 60; i++) {
            assertEquals(10, neighbours.sharedCount(i), "point " + i + " of an identity map");
        }
    }

    /// A distance between two points by index.
    private interface PairDistance {
        double between(int a, int b);
    }

    private static double squared(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = (double) a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }

    /// The `k` nearest of the `n` points to `i`, by sorting all others by (distance, index).
    private static int[] bruteForceNearest(int i, int k, int n, PairDistance distance) {
        return java.util.stream.IntStream.range(0, n).filter(j -> j != i).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(j -> distance.between(i, j))
                        .thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @ParameterizedTest(name = "{0} points -> k {1}")
    @CsvSource({"3, 1", "20, 9", "21, 10", "10000, 10"})
    void neighbourhoodSizeIsTenOrLessForSmallMaps(int points, int k) {
        assertEquals(k, QualityEvaluator.neighbourhoodSize(points));
    }

    private static MapQuality evaluate(float[][] vectors, double[][] map, List<MapLink> links, int k)
            throws Exception {
        return QualityEvaluator.evaluate(vectors, map, links, k, ProgressListener.NONE, CancellationToken.create());
    }

    private JsonObject reference(float[][] vectors, double[][] map, List<MapLink> links, int k) throws Exception {
        StringBuilder pairs = new StringBuilder();
        for (MapLink link : links) {
            pairs.append(link.fromIndex()).append(' ').append(link.toIndex()).append('\n');
        }
        Path linksFile = temp.resolve("links.txt");
        AtomicFiles.writeString(linksFile, pairs.toString());
        String json = PythonReference.run("trustworthiness_reference.py",
                ReferenceMatrices.writeMatrix(temp.resolve("vectors.txt"), vectors).toString(),
                ReferenceMatrices.writeMatrix(temp.resolve("map.txt"), map).toString(), linksFile.toString(),
                Integer.toString(k));
        return JsonParser.parseString(json).getAsJsonObject();
    }

    /// A deliberately imperfect map: two random directions plus noise.
    private static double[][] noisyProjection(float[][] vectors, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int d = vectors[0].length;
        double[][] axes = new double[2][d];
        for (double[] axis : axes) {
            for (int j = 0; j < d; j++) {
                axis[j] = random.nextGaussian();
            }
        }
        double[][] map = new double[vectors.length][2];
        for (int i = 0; i < vectors.length; i++) {
            for (int c = 0; c < 2; c++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += vectors[i][j] * axes[c][j];
                }
                map[i][c] = sum + 0.5 * random.nextGaussian();
            }
        }
        return map;
    }

    private static List<MapLink> randomLinks(int n, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<MapLink> links = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            links.add(new MapLink(random.nextInt(n), random.nextInt(n), (float) random.nextDouble()));
        }
        return links;
    }
}
