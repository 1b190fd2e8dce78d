package org.sembridge.engine.projection;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// UMAP (L. McInnes, J. Healy, J. Melville, "UMAP: Uniform Manifold Approximation and Projection
/// for Dimension Reduction", 2018), following the reference implementation umap-learn with its
/// defaults (spread 1, local connectivity 1, negative sample rate 5, repulsion strength 1,
/// learning rate 1).
///
/// Written here rather than calling Smile 6.3.0's `smile.manifold.UMAP.fit`, because that one is
/// not reproducible inside one JVM: its spectral start layout comes from ARPACK `dsaupd` with a
/// random start vector whose seed ARPACK keeps in a Fortran `SAVE` variable, so the second run
/// with the same `MathEx.setSeed` gets another start vector, flipped or rotated eigenvectors and
/// another map. It also offers no progress or cancellation hooks. Smile still supplies the curve
/// fit ([UmapCurve]) and the PCA start ([PrincipalComponents]).
///
/// Steps:
/// 1. the exact `k` nearest neighbours ([NearestNeighbours]), Euclidean distance `d_ij`;
/// 2. fuzzy simplicial set: per point `rho_i` = distance to the nearest neighbour at a positive
///    distance and `sigma_i` by bisection so that `sum_j exp(-max(0, d_ij - rho_i) / sigma_i) =
///    log2(k)`; memberships `w_ij = exp(-max(0, d_ij - rho_i) / sigma_i)`; fuzzy union
///    `w + w^T - w o w^T`; edges below `max(w) / epochs` are dropped;
/// 3. start layout: the first two principal components scaled to a largest coordinate of 10,
///    plus seeded Gaussian noise of standard deviation 1e-4 (this separates duplicate points),
///    then each axis rescaled to [0, 10];
/// 4. `epochs` passes of stochastic gradient descent: every edge is sampled in proportion to its
///    weight; it pulls its two ends together with the gradient of `1 / (1 + a d^2b)` ([UmapCurve]
///    fits `a`, `b` to `min_dist`) and pushes its head away from 5 points drawn at random; each
///    gradient component is clipped to [-4, 4]; the learning rate falls linearly to 0.
///
/// Parallel and deterministic: within an epoch every point moves only itself, reading the other
/// points where the epoch started (a Jacobi sweep over points; umap-learn's sequential mode moves
/// both ends of an edge at once, its parallel mode races on shared coordinates and is not
/// reproducible). The graph is symmetric, so each edge still acts on both of its ends, through its
/// two directions; the attraction step is doubled to keep umap-learn's balance of attraction and
/// repulsion. Negative samples come from a `SplittableRandom` per (seed, epoch, point), points are
/// split into fixed chunks of 256, and no sum crosses points, so the same seed gives bit-identical
/// coordinates at any number of threads (the parallel streams run in the caller's fork-join pool:
/// the common pool, or a pool the caller chose). Every earlier step is order-independent too. Progress: stages "UMAP neighbours", "principal components", "UMAP epochs" (every
/// 10 epochs); cancellation is checked every epoch. Cost after the neighbour search: about
/// `6 * epochs * edges * mean(w / max w)` gradient steps, a few seconds for 10,000 points.
public final class UmapProjector implements Projector {

    private static final Logger LOG = LoggerFactory.getLogger(UmapProjector.class);
    private static final double MAX_START_COORDINATE = 10;
    private static final double START_NOISE = 1e-4;
    private static final int NEGATIVE_SAMPLE_RATE = 5;
    private static final double REPULSION_STRENGTH = 1;
    private static final double INITIAL_LEARNING_RATE = 1;
    private static final double GRADIENT_CLIP = 4;
    private static final double SIGMA_TOLERANCE = 1e-5;
    private static final int SIGMA_STEPS = 64;
    private static final double MIN_SIGMA_SCALE = 1e-3;
    private static final int REPORT_EVERY = 10;
    private static final String EPOCHS_STAGE = "UMAP epochs";
    /// Points per unit of parallel work; fixed, so the work split does not depend on the threads.
    private static final int CHUNK = 256;

    private final UmapParameters parameters;

    /// A UMAP projector.
    public UmapProjector(UmapParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public UmapParameters parameters() {
        return parameters;
    }

    @Override
    public double[][] project(MapInput input, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, NativeLibraryException, OperationCancelledException {
        int n = input.size();
        parameters.validate(n);
        NeighbourGraph neighbours = NearestNeighbours.search(new GramDistanceRows(input.vectors()),
                parameters.neighbours(), "UMAP neighbours", progress, cancel);
        SparseRows graph = fuzzyGraph(neighbours, parameters.epochs());
        double[][] start = PrincipalComponents.scores(input.vectors(), 2, progress, cancel);
        return descend(graph, startLayout(start), progress, cancel);
    }

    /// Step 2 of the class guide: the fuzzy union as a symmetric sparse matrix (entry `(i, j)` is
    /// the edge weight), without the edges lighter than `max / epochs`.
    static SparseRows fuzzyGraph(NeighbourGraph neighbours, int epochs) {
        int n = neighbours.size();
        int k = neighbours.k();
        double[][] distances = new double[n][k];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                distances[i][m] = Math.sqrt(neighbours.squaredDistances()[i][m]);
                total += distances[i][m];
            }
        }
        double meanDistance = total / ((double) n * k);
        double[][] membership = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> membership[i] = membershipRow(distances[i], meanDistance));
        int count = n * k;
        int[] rows = new int[count];
        int[] columns = new int[count];
        double[] values = new double[count];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                rows[e] = i;
                columns[e] = neighbours.indices()[i][m];
                values[e++] = membership[i][m];
            }
        }
        SparseRows directed = SparseRows.of(n, rows, columns, values, count);
        // Fuzzy union w + w^T - w o w^T: entries of w and of w^T, then the product correction.
        int[] unionRows = new int[3 * count];
        int[] unionColumns = new int[3 * count];
        double[] unionValues = new double[3 * count];
        int u = 0;
        for (int i = 0; i < n; i++) {
            for (int d = directed.rowStart()[i]; d < directed.rowStart()[i + 1]; d++) {
                int j = directed.columns()[d];
                double forward = directed.values()[d];
                unionRows[u] = i;
                unionColumns[u] = j;
                unionValues[u++] = forward;
                unionRows[u] = j;
                unionColumns[u] = i;
                unionValues[u++] = forward;
                int back = Arrays.binarySearch(directed.columns(), directed.rowStart()[j],
                        directed.rowStart()[j + 1], i);
                if (back >= 0) {
                    unionRows[u] = i;
                    unionColumns[u] = j;
                    unionValues[u++] = -forward * directed.values()[back];
                }
            }
        }
        SparseRows union = SparseRows.of(n, unionRows, unionColumns, unionValues, u);
        return union.withoutValuesBelow(union.maxValue() / epochs);
    }

    /// Memberships of one row of ascending neighbour distances.
    private static double[] membershipRow(double[] distances, double meanDistance) {
        int k = distances.length;
        double rho = 0;
        for (double d : distances) {
            if (d > 0) {
                rho = d;
                break;
            }
        }
        double target = Math.log(k) / Math.log(2);
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        double sigma = 1;
        for (int step = 0; step < SIGMA_STEPS; step++) {
            double sum = 0;
            for (double d : distances) {
                double excess = d - rho;
                sum += excess > 0 ? Math.exp(-excess / sigma) : 1;
            }
            if (Math.abs(sum - target) < SIGMA_TOLERANCE) {
                break;
            }
            if (sum > target) {
                high = sigma;
                sigma = (low + high) / 2;
            } else {
                low = sigma;
                sigma = Double.isInfinite(high) ? sigma * 2 : (low + high) / 2;
            }
        }
        double rowMean = Arrays.stream(distances).average().orElse(0);
        double floor = MIN_SIGMA_SCALE * (rho > 0 ? rowMean : meanDistance);
        sigma = Math.max(sigma, floor);
        double[] membership = new double[k];
        for (int m = 0; m < k; m++) {
            double excess = distances[m] - rho;
            membership[m] = excess <= 0 || sigma == 0 ? 1 : Math.exp(-excess / sigma);
        }
        return membership;
    }

    /// Step 3 of the class guide.
    private double[][] startLayout(double[][] scores) {
        int n = scores.length;
        double largest = 0;
        for (double[] point : scores) {
            largest = Math.max(largest, Math.max(Math.abs(point[0]), Math.abs(point[1])));
        }
        double expansion = largest > 0 ? MAX_START_COORDINATE / largest : 0;
        SplittableRandom random = new SplittableRandom(parameters.seed());
        double[][] layout = new double[n][2];
        for (int i = 0; i < n; i++) {
            layout[i][0] = scores[i][0] * expansion + START_NOISE * random.nextGaussian();
            layout[i][1] = scores[i][1] * expansion + START_NOISE * random.nextGaussian();
        }
        for (int axis = 0; axis < 2; axis++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] point : layout) {
                min = Math.min(min, point[axis]);
                max = Math.max(max, point[axis]);
            }
            double range = max - min;
            for (double[] point : layout) {
                point[axis] = range > 0 ? MAX_START_COORDINATE * (point[axis] - min) / range : 0;
            }
        }
        return layout;
    }

    /// Step 4 of the class guide, one epoch at a time: every point moves itself only, reading
    /// the others where the epoch started (see the class guide's "Determinism").
    private double[][] descend(SparseRows graph, double[][] layout, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        int n = layout.length;
        int edges = graph.entries();
        double[] ab = UmapCurve.fit(parameters.minDist());
        double a = ab[0];
        double b = ab[1];
        double maxWeight = graph.maxValue();
        double[] epochsPerSample = new double[edges];
        double[] epochsPerNegativeSample = new double[edges];
        double[] nextSample = new double[edges];
        double[] nextNegativeSample = new double[edges];
        for (int e = 0; e < edges; e++) {
            epochsPerSample[e] = maxWeight / graph.values()[e];
            epochsPerNegativeSample[e] = epochsPerSample[e] / NEGATIVE_SAMPLE_RATE;
            nextSample[e] = epochsPerSample[e];
            nextNegativeSample[e] = epochsPerNegativeSample[e];
        }
        double[] start = new double[2 * n];
        double[] end = new double[2 * n];
        for (int i = 0; i < n; i++) {
            start[2 * i] = layout[i][0];
            start[2 * i + 1] = layout[i][1];
        }
        long seed = new SplittableRandom(parameters.seed()).split().nextLong();
        int chunks = (n + CHUNK - 1) / CHUNK;
        int epochs = parameters.epochs();
        long[] chunkSteps = new long[chunks];
        for (int epoch = 0; epoch < epochs; epoch++) {
            cancel.throwIfCancelled(EPOCHS_STAGE);
            double alpha = INITIAL_LEARNING_RATE * (1 - (double) epoch / epochs);
            int currentEpoch = epoch;
            double[] from = start;
            double[] to = end;
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                long steps = 0;
                for (int head = chunk * CHUNK, last = Math.min(n, head + CHUNK); head < last; head++) {
                    steps += moveHead(head, currentEpoch, alpha, a, b, graph, from, to, epochsPerSample,
                            epochsPerNegativeSample, nextSample, nextNegativeSample, seed);
                }
                chunkSteps[chunk] += steps;
            });
            start = to;
            end = from;
            if ((epoch + 1) % REPORT_EVERY == 0 || epoch + 1 == epochs) {
                progress.onProgress(EPOCHS_STAGE, epoch + 1, epochs);
            }
        }
        LOG.debug("UMAP descent: {} points, {} edges, {} epochs, {} gradient steps, a={} b={}", n, edges, epochs,
                Arrays.stream(chunkSteps).sum(), a, b);
        for (int i = 0; i < n; i++) {
            layout[i][0] = start[2 * i];
            layout[i][1] = start[2 * i + 1];
        }
        return layout;
    }

    /// One epoch of point `head`: starting from its position in `from`, the attraction of each
    /// edge due this epoch (twice the one-sided step, standing for both directions of the
    /// symmetric edge, as umap-learn moves both ends of every edge), then that edge's negative
    /// samples, drawn from a random stream of its own (seed, epoch, head); the result goes to
    /// `to`. Reads only `from` and writes only `head`'s entries, so points can move in parallel.
    /// Returns the gradient steps taken.
    private static long moveHead(int head, int epoch, double alpha, double a, double b, SparseRows graph,
            double[] from, double[] to, double[] epochsPerSample, double[] epochsPerNegativeSample,
            double[] nextSample, double[] nextNegativeSample, long seed) {
        int n = from.length / 2;
        double x = from[2 * head];
        double y = from[2 * head + 1];
        SplittableRandom random = null;
        long steps = 0;
        for (int e = graph.rowStart()[head]; e < graph.rowStart()[head + 1]; e++) {
            if (nextSample[e] > epoch) {
                continue;
            }
            int tail = graph.columns()[e];
            double dx = x - from[2 * tail];
            double dy = y - from[2 * tail + 1];
            double distanceSquared = dx * dx + dy * dy;
            double coefficient = 0;
            if (distanceSquared > 0) {
                double power = Math.pow(distanceSquared, b);
                coefficient = -2 * a * b * power / distanceSquared / (a * power + 1);
            }
            x += 2 * clip(coefficient * dx) * alpha;
            y += 2 * clip(coefficient * dy) * alpha;
            nextSample[e] += epochsPerSample[e];
            int negatives = (int) ((epoch - nextNegativeSample[e]) / epochsPerNegativeSample[e]);
            if (negatives > 0 && random == null) {
                random = new SplittableRandom(seed ^ (epoch * 0x9E3779B97F4A7C15L) ^ (head * 0xC2B2AE3D27D4EB4FL));
            }
            for (int s = 0; s < negatives; s++) {
                int sample = random.nextInt(n);
                if (sample == head) {
                    continue;
                }
                double fx = x - from[2 * sample];
                double fy = y - from[2 * sample + 1];
                double farSquared = fx * fx + fy * fy;
                if (farSquared <= 0) {
                    continue;
                }
                double push = 2 * REPULSION_STRENGTH * b / ((0.001 + farSquared) * (a * Math.pow(farSquared, b) + 1));
                x += clip(push * fx) * alpha;
                y += clip(push * fy) * alpha;
            }
            nextNegativeSample[e] += negatives * epochsPerNegativeSample[e];
            steps += 1 + negatives;
        }
        to[2 * head] = x;
        to[2 * head + 1] = y;
        return steps;
    }

    private static double squaredDistance(double[] p, double[] q) {
        double dx = p[0] - q[0];
        double dy = p[1] - q[1];
        return dx * dx + dy * dy;
    }

    private static double clip(double value) {
        return Math.max(-GRADIENT_CLIP, Math.min(GRADIENT_CLIP, value));
    }
}
