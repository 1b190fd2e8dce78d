package org.sembridge.engine.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Small seeded point sets for the projection tests.
final class TestPoints {

    private TestPoints() {
    }

    /// `n` points in `d` dimensions around `clusters` centres (centre coordinates N(0, 3^2),
    /// points N(0, 0.3^2) around them; point i belongs to cluster i % clusters, its `kind`).
    static MapInput clusters(int n, int d, int clusters, long seed) throws InputFormatException {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[clusters][d];
        for (float[] centre : centres) {
            for (int j = 0; j < d; j++) {
                centre[j] = (float) (3 * random.nextGaussian());
            }
        }
        float[][] vectors = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                vectors[i][j] = (float) (centres[i % clusters][j] + 0.3 * random.nextGaussian());
            }
        }
        return MapInput.of(vectors, labels(n, "en"), List.of());
    }

    /// `n` points with i.i.d. N(0, 1) coordinates.
    static float[][] gaussian(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[n][d];
        for (float[] vector : vectors) {
            for (int j = 0; j < d; j++) {
                vector[j] = (float) random.nextGaussian();
            }
        }
        return vectors;
    }

    /// Labels `t0`, `t1`, ... of language `language`.
    static List<PointLabel> labels(int n, String language) {
        List<PointLabel> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add(new PointLabel("t" + i, i, "source", language, ""));
        }
        return labels;
    }

    /// The cluster of point `i` in [#clusters].
    static int clusterOf(int i, int clusters) {
        return i % clusters;
    }

    /// The share of points whose nearest map neighbour lies in their own cluster.
    static double nearestNeighbourPurity(double[][] map, int clusters) {
        int pure = 0;
        for (int i = 0; i < map.length; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < map.length; j++) {
                double dx = map[i][0] - map[j][0];
                double dy = map[i][1] - map[j][1];
                double d = dx * dx + dy * dy;
                if (j != i && d < best) {
                    best = d;
                    nearest = j;
                }
            }
            pure += clusterOf(nearest, clusters) == clusterOf(i, clusters) ? 1 : 0;
        }
        return (double) pure / map.length;
    }

    /// The vectors of `input` as doubles, for Smile's reference implementations.
    static double[][] asDoubles(MapInput input) {
        double[][] data = new double[input.size()][input.dimension()];
        for (int i = 0; i < input.size(); i++) {
            for (int j = 0; j < input.dimension(); j++) {
                data[i][j] = input.vectors()[i][j];
            }
        }
        return data;
    }

    /// Entry `(row, column)` of `rows`, 0 when not stored.
    static double entry(SparseRows rows, int row, int column) {
        for (int e = rows.rowStart()[row]; e < rows.rowStart()[row + 1]; e++) {
            if (rows.columns()[e] == column) {
                return rows.values()[e];
            }
        }
        return 0;
    }

    /// The trustworthiness of `map` for `input` at the default `k`, without links.
    static double trustworthiness(MapInput input, double[][] map) throws Exception {
        return QualityEvaluator.evaluate(input.vectors(), map, List.of(), ProgressListener.NONE,
                CancellationToken.create()).trustworthiness();
    }
}
