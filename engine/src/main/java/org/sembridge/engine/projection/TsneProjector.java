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

/// Barnes-Hut t-SNE (L. van der Maaten, "Accelerating t-SNE using tree-based algorithms", JMLR
/// 15, 2014), written here because Smile 6.3.0's `smile.manifold.TSNE` is the exact O(n^2)
/// algorithm: three n x n double matrices (2.4 GB at 10,000 points) and n^2 work per iteration.
///
/// Steps:
/// 1. input affinities on the exact `3 * perplexity` nearest neighbours ([NearestNeighbours]):
///    `p_j|i = exp(-beta_i |x_i - x_j|^2) / sum`, with `beta_i` found by bisection so that the
///    entropy of row `i` equals `ln(perplexity)` (tolerance 1e-5 nats), symmetrised as
///    `p_ij = (p_j|i + p_i|j) / 2n`;
/// 2. start layout: the first two principal components, scaled so that the first has standard
///    deviation 1e-4 (the PCA initialisation of Kobak and Linderman 2021), plus seeded Gaussian
///    jitter of standard deviation 1e-8 that separates duplicate points;
/// 3. gradient descent on KL(P || Q) with Student-t `q_ij ~ 1 / (1 + |y_i - y_j|^2)`: the
///    attractive force exactly over the sparse P, the repulsive force and the normaliser
///    `Z = sum q` by a [QuadTree] with angle [#THETA]; early exaggeration [#EARLY_EXAGGERATION]
///    and momentum 0.5 for the first 250 iterations, then momentum 0.8; per-coordinate gains
///    (+0.2 / x0.8, at least 0.01); the layout is re-centred every iteration. The gradient has
///    bhtsne's scale (no factor 4), so learning rates compare with bhtsne's.
///
/// Determinism: the forces on different points and the per-point updates are computed in
/// parallel over fixed chunks of 256 points, but each point's sums run in a fixed order and the
/// global `Z` and the centring means are summed in index order on one thread, so the coordinates
/// are bit-identical at any number of threads (tested at 1, 2 and 5). The parallel streams run in
/// the caller's fork-join pool (the common one, or one the caller chose); only the quadtree build,
/// `Z` and the means, `O(n log n)` and `O(n)` of each iteration, are sequential. Progress: stages "t-SNE neighbours", "t-SNE affinities",
/// "principal components", then "t-SNE iterations" every 10 iterations; cancellation is checked
/// every iteration. Cost per iteration O(n log n); memory O(n * perplexity).
public final class TsneProjector implements Projector {

    /// The Barnes-Hut angle: a cell is summarised when its width / distance is below this.
    public static final double THETA = 0.5;
    /// The factor on P during the first [#EXAGGERATION_ITERATIONS] iterations.
    public static final double EARLY_EXAGGERATION = 12;
    /// Iterations with early exaggeration and the initial momentum.
    public static final int EXAGGERATION_ITERATIONS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(TsneProjector.class);
    private static final double INITIAL_MOMENTUM = 0.5;
    private static final double FINAL_MOMENTUM = 0.8;
    private static final double MIN_GAIN = 0.01;
    private static final double START_SCALE = 1e-4;
    private static final double JITTER = 1e-8;
    private static final double ENTROPY_TOLERANCE = 1e-5;
    private static final int BISECTION_STEPS = 200;
    private static final int CHUNK = 256;
    private static final int REPORT_EVERY = 10;
    private static final String ITERATIONS_STAGE = "t-SNE iterations";

    private final TsneParameters parameters;

    /// A t-SNE projector.
    public TsneProjector(TsneParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public TsneParameters parameters() {
        return parameters;
    }

    @Override
    public double[][] project(MapInput input, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, NativeLibraryException, OperationCancelledException {
        int n = input.size();
        parameters.validate(n);
        NeighbourGraph neighbours = NearestNeighbours.search(new GramDistanceRows(input.vectors()),
                parameters.neighbourCount(n), "t-SNE neighbours", progress, cancel);
        cancel.throwIfCancelled("t-SNE affinities");
        SparseRows p = affinities(neighbours, parameters.perplexity());
        progress.onProgress("t-SNE affinities", n, n);
        double[][] start = PrincipalComponents.scores(input.vectors(), 2, progress, cancel);
        return descend(p, start, progress, cancel);
    }

    /// The symmetrised affinities `p_ij` of a nearest-neighbour graph (step 1 of the class guide);
    /// all values sum to 1.
    static SparseRows affinities(NeighbourGraph neighbours, double perplexity) {
        int n = neighbours.size();
        int k = neighbours.k();
        double[][] conditional = new double[n][];
        IntStream.range(0, n).parallel().forEach(i ->
                conditional[i] = conditionalRow(neighbours.squaredDistances()[i], perplexity));
        int count = 2 * n * k;
        int[] rows = new int[count];
        int[] columns = new int[count];
        double[] values = new double[count];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                int j = neighbours.indices()[i][m];
                double value = conditional[i][m] / (2.0 * n);
                rows[e] = i;
                columns[e] = j;
                values[e++] = value;
                rows[e] = j;
                columns[e] = i;
                values[e++] = value;
            }
        }
        return SparseRows.of(n, rows, columns, values, count);
    }

    /// `p_j|i` over one row of ascending squared neighbour distances, with entropy ln(perplexity).
    static double[] conditionalRow(double[] squaredDistances, double perplexity) {
        int k = squaredDistances.length;
        double nearest = squaredDistances[0];
        double[] shifted = new double[k];
        double meanShift = 0;
        for (int m = 0; m < k; m++) {
            shifted[m] = squaredDistances[m] - nearest;
            meanShift += shifted[m];
        }
        meanShift /= k;
        double target = Math.log(perplexity);
        double beta = meanShift > 0 ? 1 / meanShift : 1;
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        double[] p = new double[k];
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double sum = 0;
            double weighted = 0;
            for (int m = 0; m < k; m++) {
                p[m] = Math.exp(-beta * shifted[m]);
                sum += p[m];
                weighted += shifted[m] * p[m];
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int m = 0; m < k; m++) {
                p[m] /= sum;
            }
            double difference = entropy - target;
            if (Math.abs(difference) <= ENTROPY_TOLERANCE) {
                break;
            }
            if (difference > 0) {
                low = beta;
                beta = Double.isInfinite(high) ? beta * 2 : (beta + high) / 2;
            } else {
                high = beta;
                beta = (beta + low) / 2;
            }
        }
        return p;
    }

    /// Gradient descent from the PCA start (steps 2 and 3 of the class guide).
    private double[][] descend(SparseRows p, double[][] start, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        int n = start.length;
        double[] x = new double[n];
        double[] y = new double[n];
        startLayout(start, x, y);
        double[] updateX = new double[n];
        double[] updateY = new double[n];
        double[] gainX = new double[n];
        double[] gainY = new double[n];
        Arrays.fill(gainX, 1);
        Arrays.fill(gainY, 1);
        double[] attractX = new double[n];
        double[] attractY = new double[n];
        double[] repulse = new double[3 * n];
        QuadTree tree = new QuadTree();
        int chunks = (n + CHUNK - 1) / CHUNK;
        int iterations = parameters.iterations();
        double eta = parameters.learningRate();
        long started = System.nanoTime();
        for (int iteration = 0; iteration < iterations; iteration++) {
            cancel.throwIfCancelled(ITERATIONS_STAGE);
            boolean early = iteration < EXAGGERATION_ITERATIONS;
            double exaggeration = early ? EARLY_EXAGGERATION : 1;
            double momentum = early ? INITIAL_MOMENTUM : FINAL_MOMENTUM;
            tree.build(x, y);
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                int[] stack = new int[QuadTree.stackSize()];
                double[] force = new double[3];
                for (int i = chunk * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    double fx = 0;
                    double fy = 0;
                    for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                        int j = p.columns()[e];
                        double dx = x[i] - x[j];
                        double dy = y[i] - y[j];
                        double weight = p.values()[e] / (1 + dx * dx + dy * dy);
                        fx += weight * dx;
                        fy += weight * dy;
                    }
                    attractX[i] = fx;
                    attractY[i] = fy;
                    Arrays.fill(force, 0);
                    tree.repulsion(i, THETA, stack, force);
                    repulse[3 * i] = force[0];
                    repulse[3 * i + 1] = force[1];
                    repulse[3 * i + 2] = force[2];
                }
            });
            double z = 0;
            for (int i = 0; i < n; i++) {
                z += repulse[3 * i + 2];
            }
            double normaliser = z;
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                for (int i = chunk * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    double gradX = exaggeration * attractX[i] - repulse[3 * i] / normaliser;
                    double gradY = exaggeration * attractY[i] - repulse[3 * i + 1] / normaliser;
                    gainX[i] = nextGain(gainX[i], gradX, updateX[i]);
                    gainY[i] = nextGain(gainY[i], gradY, updateY[i]);
                    updateX[i] = momentum * updateX[i] - eta * gainX[i] * gradX;
                    updateY[i] = momentum * updateY[i] - eta * gainY[i] * gradY;
                    x[i] += updateX[i];
                    y[i] += updateY[i];
                }
            });
            centre(x);
            centre(y);
            if ((iteration + 1) % REPORT_EVERY == 0 || iteration + 1 == iterations) {
                progress.onProgress(ITERATIONS_STAGE, iteration + 1, iterations);
            }
        }
        LOG.debug("t-SNE descent: {} points, {} iterations, {} ms", n, iterations,
                (System.nanoTime() - started) / 1_000_000);
        double[][] coordinates = new double[n][];
        for (int i = 0; i < n; i++) {
            coordinates[i] = new double[] {x[i], y[i]};
        }
        return coordinates;
    }

    /// The PCA start scaled to standard deviation [#START_SCALE] on its first axis, plus jitter.
    private void startLayout(double[][] start, double[] x, double[] y) {
        int n = start.length;
        double mean = 0;
        for (double[] point : start) {
            mean += point[0];
        }
        mean /= n;
        double variance = 0;
        for (double[] point : start) {
            variance += (point[0] - mean) * (point[0] - mean);
        }
        double deviation = Math.sqrt(variance / n);
        double scale = deviation > 0 ? START_SCALE / deviation : 0;
        SplittableRandom random = new SplittableRandom(parameters.seed());
        for (int i = 0; i < n; i++) {
            x[i] = start[i][0] * scale + JITTER * random.nextGaussian();
            y[i] = start[i][1] * scale + JITTER * random.nextGaussian();
        }
    }

    private static double nextGain(double gain, double gradient, double update) {
        double next = Math.signum(gradient) != Math.signum(update) ? gain + 0.2 : gain * 0.8;
        return Math.max(next, MIN_GAIN);
    }

    private static void centre(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        for (int i = 0; i < values.length; i++) {
            values[i] -= mean;
        }
    }
}
