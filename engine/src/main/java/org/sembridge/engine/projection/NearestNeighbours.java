package org.sembridge.engine.projection;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Exact k-nearest-neighbour search over [DistanceRows]: every row is scanned once with a bounded
/// max-heap, O(n^2 log k) comparisons on top of the distance computation.
///
/// Order: ascending squared distance, ties broken by the smaller point index (the same total order
/// [QualityEvaluator] ranks by).
final class NearestNeighbours {

    private NearestNeighbours() {
    }

    /// The `k` nearest neighbours of every point of `rows`, itself excluded.
    ///
    /// @param k neighbours per point, `1 <= k < rows.size()`
    static NeighbourGraph search(DistanceRows rows, int k, String stage, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        int n = rows.size();
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must lie in [1, " + (n - 1) + "]; found " + k);
        }
        int[][] indices = new int[n][];
        double[][] distances = new double[n][];
        rows.forEachRow(stage, (i, row) -> {
            int[] index = new int[k];
            double[] distance = new double[k];
            smallest(row, i, index, distance);
            indices[i] = index;
            distances[i] = distance;
        }, progress, cancel);
        return new NeighbourGraph(indices, distances);
    }

    /// Fills `index` and `distance` (both of length k) with the k smallest entries of `row`
    /// except `exclude`, in ascending (distance, index) order.
    static void smallest(double[] row, int exclude, int[] index, double[] distance) {
        int k = index.length;
        int size = 0;
        for (int j = 0; j < row.length; j++) {
            if (j == exclude) {
                continue;
            }
            double d = row[j];
            if (size < k) {
                index[size] = j;
                distance[size] = d;
                siftUp(index, distance, size);
                size++;
            } else if (before(d, j, distance[0], index[0])) {
                index[0] = j;
                distance[0] = d;
                siftDown(index, distance, size);
            }
        }
        // Heap sort in place: repeatedly move the largest to the end.
        for (int end = size - 1; end > 0; end--) {
            swap(index, distance, 0, end);
            siftDown(index, distance, end);
        }
    }

    /// Whether `(d1, i1)` comes before `(d2, i2)` in (distance, index) order.
    static boolean before(double d1, int i1, double d2, int i2) {
        return d1 < d2 || (d1 == d2 && i1 < i2);
    }

    private static void siftUp(int[] index, double[] distance, int child) {
        while (child > 0) {
            int parent = (child - 1) / 2;
            if (!before(distance[parent], index[parent], distance[child], index[child])) {
                return;
            }
            swap(index, distance, parent, child);
            child = parent;
        }
    }

    private static void siftDown(int[] index, double[] distance, int size) {
        int parent = 0;
        while (true) {
            int largest = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && before(distance[largest], index[largest], distance[left], index[left])) {
                largest = left;
            }
            if (right < size && before(distance[largest], index[largest], distance[right], index[right])) {
                largest = right;
            }
            if (largest == parent) {
                return;
            }
            swap(index, distance, parent, largest);
            parent = largest;
        }
    }

    private static void swap(int[] index, double[] distance, int a, int b) {
        int i = index[a];
        index[a] = index[b];
        index[b] = i;
        double d = distance[a];
        distance[a] = distance[b];
        distance[b] = d;
    }
}
