package org.sembridge.engine.projection;

import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Measures how faithful a 2-D map is to the original vectors ([MapQuality]).
///
/// **Trustworthiness** (J. Venna, S. Kaski, "Neighborhood preservation in nonlinear projection
/// methods: an experimental study", ICANN 2001):
///
/// `T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U_k(i)} (r(i, j) - k)`
///
/// where `U_k(i)` are the points among the `k` nearest map neighbours of `i` that are not among
/// its `k` nearest neighbours in the original space, and `r(i, j)` is the rank of `j` by original
/// distance from `i` (nearest = 1, `i` itself not ranked). T = 1 when every map neighbourhood is
/// an original neighbourhood; the normalisation needs `k < n / 2`. Neighbours and ranks are exact,
/// by Euclidean distance, ties broken by the smaller point index (so scikit-learn's
/// `trustworthiness`, which sorts without a tie rule, can differ on data with tied distances).
///
/// **Linked-neighbour share** ([LinkedNeighbourShare]): among the points that are the `from` end
/// of at least one [MapLink] (links from a point to itself do not count), the share that have one
/// of their `to` points among their `k` nearest neighbours, once by original distance and once
/// by map distance.
///
/// Cost: one pass over all original distances ([GramDistanceRows], `n^2 d` multiply-adds in
/// native `dgemm`) plus one over all map distances (`3 n^2` flops) and, per point, one counting
/// scan of its row for each map neighbour outside its original neighbourhood: O(n^2 (d + k)) time
/// and O(256 n) memory, plus the `2 n k` neighbour lists it returns ([MapNeighbours]). Measured: seconds for 10,000 x 768; use it up to roughly 50,000 points.
public final class QualityEvaluator {

    /// The neighbourhood size of both figures.
    public static final int DEFAULT_K = 10;

    private static final String MAP_STAGE = "map quality: map neighbours";
    private static final String ORIGINAL_STAGE = "map quality: original neighbours";

    private QualityEvaluator() {
    }

    /// The neighbourhood size used for `n` points: [#DEFAULT_K], or `floor((n - 1) / 2)` when
    /// that is smaller.
    public static int neighbourhoodSize(int pointCount) {
        return Math.min(DEFAULT_K, (pointCount - 1) / 2);
    }

    /// The quality figures of `coordinates` as a map of `vectors`, at [#neighbourhoodSize(int)].
    ///
    /// @param vectors n x d original vectors, finite, n >= 3
    /// @param coordinates n x 2 map coordinates, finite
    /// @param links links between points (indices < n); may be empty
    public static MapQuality evaluate(float[][] vectors, double[][] coordinates, List<MapLink> links,
            ProgressListener progress, CancellationToken cancel)
            throws NativeLibraryException, OperationCancelledException {
        return evaluate(vectors, coordinates, links, neighbourhoodSize(vectors.length), progress, cancel);
    }

    /// As [#evaluate(float[][], double[][], List, ProgressListener, CancellationToken)] with an
    /// explicit neighbourhood size `1 <= k < n / 2`.
    public static MapQuality evaluate(float[][] vectors, double[][] coordinates, List<MapLink> links, int k,
            ProgressListener progress, CancellationToken cancel)
            throws NativeLibraryException, OperationCancelledException {
        int n = vectors.length;
        if (coordinates.length != n) {
            throw new IllegalArgumentException(n + " vectors but " + coordinates.length + " map points");
        }
        if (k < 1 || 2 * k >= n) {
            throw new IllegalArgumentException("trustworthiness needs 1 <= k < n / 2; found k = " + k + ", n = " + n);
        }
        int[][] linked = linkedPoints(n, links);
        NeighbourGraph mapNeighbours = NearestNeighbours.search(new PlanarDistanceRows(coordinates), k, MAP_STAGE,
                progress, cancel);

        long[] penalty = new long[n];
        boolean[] linkedNearOriginal = new boolean[n];
        int[][] originalNeighbours = new int[n][];
        double[][] originalSquared = new double[n][];
        new GramDistanceRows(vectors).forEachRow(ORIGINAL_STAGE, (i, row) -> {
            int[] original = new int[k];
            double[] squared = new double[k];
            NearestNeighbours.smallest(row, i, original, squared);
            originalNeighbours[i] = original;
            originalSquared[i] = squared;
            long sum = 0;
            for (int j : mapNeighbours.indices()[i]) {
                if (!contains(original, j)) {
                    sum += rank(row, i, j) - k;
                }
            }
            penalty[i] = sum;
            linkedNearOriginal[i] = containsAny(original, linked[i]);
        }, progress, cancel);

        long total = 0;
        for (long p : penalty) {
            total += p;
        }
        double trustworthiness = 1 - 2.0 * total / ((double) n * k * (2.0 * n - 3.0 * k - 1));
        MapNeighbours neighbours = new MapNeighbours(k, originalNeighbours, MapNeighbours.distances(originalSquared),
                mapNeighbours.indices(), MapNeighbours.distances(mapNeighbours.squaredDistances()));
        return new MapQuality(k, trustworthiness, linkedShare(k, linked, linkedNearOriginal, mapNeighbours),
                neighbours);
    }

    private static LinkedNeighbourShare linkedShare(int k, int[][] linked, boolean[] nearOriginal,
            NeighbourGraph mapNeighbours) {
        int points = 0;
        int original = 0;
        int map = 0;
        for (int i = 0; i < linked.length; i++) {
            if (linked[i].length == 0) {
                continue;
            }
            points++;
            original += nearOriginal[i] ? 1 : 0;
            map += containsAny(mapNeighbours.indices()[i], linked[i]) ? 1 : 0;
        }
        return points == 0 ? null
                : new LinkedNeighbourShare(k, points, (double) original / points, (double) map / points);
    }

    /// For every point, the distinct `to` ends of its links (self links dropped).
    private static int[][] linkedPoints(int n, List<MapLink> links) {
        List<List<Integer>> targets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            targets.add(new ArrayList<>());
        }
        for (MapLink link : links) {
            List<Integer> list = targets.get(link.fromIndex());
            if (link.toIndex() != link.fromIndex() && !list.contains(link.toIndex())) {
                list.add(link.toIndex());
            }
        }
        int[][] linked = new int[n][];
        for (int i = 0; i < n; i++) {
            linked[i] = targets.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return linked;
    }

    /// The 1-based rank of `j` in `row` by (distance, index), `i` itself not ranked.
    private static long rank(double[] row, int i, int j) {
        double dj = row[j];
        long before = 0;
        for (int l = 0; l < row.length; l++) {
            if (l != i && NearestNeighbours.before(row[l], l, dj, j)) {
                before++;
            }
        }
        return before + 1;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(int[] values, int[] candidates) {
        for (int candidate : candidates) {
            if (contains(values, candidate)) {
                return true;
            }
        }
        return false;
    }
}
