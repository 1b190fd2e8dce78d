package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The spatial grid answers nearest-point queries exactly like a linear scan.
class PointGridTest {

    private static final int POINTS = 20_000;
    private static final int QUERIES = 5_000;

    /// The brute-force reference: the lowest index among the nearest points within `maxDistance`.
    private static int bruteForceNearest(float[] xs, float[] ys, double x, double y, double maxDistance) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double limit = maxDistance * maxDistance;
        for (int i = 0; i < xs.length; i++) {
            double dx = xs[i] - x;
            double dy = ys[i] - y;
            double distance = dx * dx + dy * dy;
            if (distance <= limit && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    @ParameterizedTest(name = "{0} points, max distance {1}")
    @CsvSource({"uniform, Infinity", "uniform, 0.3", "clustered, Infinity", "clustered, 0.05", "clustered, 2"})
    void gridNearestEqualsBruteForceOn20kRandomPoints(String distribution, double maxDistance) {
        long seed = System.nanoTime();
        System.out.println("PointGridTest seed " + seed + " (" + distribution + ", max distance " + maxDistance + ")");
        SplittableRandom random = new SplittableRandom(seed);
        float[] xs = new float[POINTS];
        float[] ys = new float[POINTS];
        for (int i = 0; i < POINTS; i++) {
            if (distribution.equals("uniform")) {
                xs[i] = (float) random.nextDouble(-50, 50);
                ys[i] = (float) random.nextDouble(-20, 20);
            } else {
                int cluster = random.nextInt(8);
                xs[i] = (float) (cluster * 10 + gaussian(random) * 0.5);
                ys[i] = (float) (cluster % 3 * 7 + gaussian(random) * (cluster == 0 ? 0.01 : 1));
            }
        }
        // a few exact duplicates, so the tie rule (lowest index) is exercised
        for (int i = 0; i < 200; i++) {
            int from = random.nextInt(POINTS);
            int to = random.nextInt(POINTS);
            xs[to] = xs[from];
            ys[to] = ys[from];
        }
        PointGrid grid = new PointGrid(xs, ys);
        for (int q = 0; q < QUERIES; q++) {
            double x;
            double y;
            if (q % 4 == 0) {
                int on = random.nextInt(POINTS);
                x = xs[on];
                y = ys[on];
            } else {
                x = random.nextDouble(-70, 90);
                y = random.nextDouble(-30, 30);
            }
            int expected = bruteForceNearest(xs, ys, x, y, maxDistance);
            assertEquals(expected, grid.nearest(x, y, maxDistance),
                    "query " + q + " at (" + x + ", " + y + "), seed " + seed);
        }
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
