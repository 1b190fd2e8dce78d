package org.sembridge.engine.transfer.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The plan of every statistical baseline (mean, random, Gaussian, multivariate Gaussian): for
/// each applied matrix, fit a [RowDistribution] to its rows, then draw one row per new target
/// token from it.
///
/// Reproducibility: matrix `i` of an [#apply] list draws from the `i`-th `split()` of
/// `new SplittableRandom(seed)`; within a matrix the standard normals are drawn sequentially,
/// `c` per row, rows in `newTargetIds` order, in blocks of [#BLOCK_ROWS] rows. Only the
/// transform `mean + L z` runs in parallel, each row alone. So the same seed, ids and matrices
/// give the same rows bit for bit, whatever the thread count; a different seed gives different
/// rows (the mean baseline draws nothing and ignores the seed).
final class SampledRowsPlan implements InitializationPlan {

    /// Fits the distribution of one matrix's rows.
    @FunctionalInterface
    interface Fit {
        /// @param matrix the applied source matrix, `nS x c`
        /// @param what names it in logs and messages, e.g. `source matrix 0 (30522 x 768)`
        RowDistribution fit(FloatMatrix matrix, String what, CancellationToken cancel)
                throws OperationCancelledException;
    }

    /// Rows per block (one cancellation check and progress report each).
    static final int BLOCK_ROWS = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(SampledRowsPlan.class);

    private final String method;
    private final int[] newTargetIds;
    private final long seed;
    private final Fit fit;

    private SampledRowsPlan(String method, int[] newTargetIds, long seed, Fit fit) {
        this.method = method;
        this.newTargetIds = newTargetIds.clone();
        this.seed = seed;
        this.fit = fit;
    }

    /// The plan of a statistical method: nothing to compute before the matrices are known, but a
    /// cancelled token still stops here.
    ///
    /// @param method the method name, for logs and progress
    /// @throws OperationCancelledException when `cancel` is cancelled
    static SampledRowsPlan plan(String method, InitializationInput input, CancellationToken cancel, Fit fit)
            throws OperationCancelledException {
        cancel.throwIfCancelled("planning " + method);
        return new SampledRowsPlan(method, input.newTargetIds(), input.seed(), fit);
    }

    /// Always empty: statistical baselines choose no source tokens.
    @Override
    public List<TokenAlignment> alignments() {
        return List.of();
    }

    @Override
    public List<FloatMatrix> apply(List<FloatMatrix> sourceMatrices, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        SplittableRandom root = new SplittableRandom(seed);
        List<FloatMatrix> out = new ArrayList<>(sourceMatrices.size());
        for (int i = 0; i < sourceMatrices.size(); i++) {
            FloatMatrix matrix = sourceMatrices.get(i);
            String what = "source matrix " + i + " (" + matrix.rows() + " x " + matrix.columns() + ")";
            String stage = "sampling " + method + " rows for " + what;
            RandomGenerator random = root.split();
            cancel.throwIfCancelled(stage);
            long start = System.nanoTime();
            RowDistribution distribution = fit.fit(matrix, what, cancel);
            long fitted = System.nanoTime();
            out.add(draw(distribution, random, stage, progress, cancel));
            LOG.info("{}: {} rows of dimension {} for {}, fitted in {} s, drawn in {} s", method,
                    newTargetIds.length, matrix.columns(), what, String.format("%.3f", (fitted - start) / 1e9),
                    String.format("%.3f", (System.nanoTime() - fitted) / 1e9));
        }
        return List.copyOf(out);
    }

    private FloatMatrix draw(RowDistribution distribution, RandomGenerator random, String stage,
            ProgressListener progress, CancellationToken cancel) throws OperationCancelledException {
        int c = distribution.dimension();
        int perRow = distribution.normalsPerRow();
        int rowCount = newTargetIds.length;
        FloatMatrix rows = FloatMatrix.zeros(rowCount, c);
        double[] normals = new double[Math.min(rowCount, BLOCK_ROWS) * perRow];
        for (int first = 0; first < rowCount; first += BLOCK_ROWS) {
            cancel.throwIfCancelled(stage);
            int count = Math.min(BLOCK_ROWS, rowCount - first);
            for (int k = 0; k < count * perRow; k++) {
                normals[k] = random.nextGaussian();
            }
            int blockStart = first;
            IntStream.range(0, count).parallel().forEach(r ->
                    distribution.transform(normals, r * perRow, rows.values(), (blockStart + r) * c));
            progress.onProgress(stage, first + count, rowCount);
        }
        return rows;
    }
}
