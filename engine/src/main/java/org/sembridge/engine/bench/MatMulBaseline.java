package org.sembridge.engine.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Times a plain DJL `matMul` of random float32 matrices on a device, repeated to a FLOP
/// budget, as the reference a model's achieved GFLOP/s is divided by.
///
/// One round runs `max(1, round(targetFlops / (2 rows inner columns)))` products; rounds are
/// timed one by one after `warmupProducts` untimed single products (a product of fixed size
/// reaches its steady speed on the second call, so warming up with whole rounds would only
/// lengthen the run). Each product lives in a sub-manager of its own
/// and is freed at once, so memory holds the two factors and one product. The last product of
/// a round is read back (one element), which waits for an asynchronous GPU. Cancellation is
/// checked once per round.
final class MatMulBaseline {

    private static final Logger LOG = LoggerFactory.getLogger(MatMulBaseline.class);

    private MatMulBaseline() {
    }

    /// Measures `[rows, inner] x [inner, columns]` on `device`.
    ///
    /// @param targetFlops FLOPs one round should do (those of one model batch), `>= 1`
    /// @param warmupProducts untimed products before the first round, `>= 0`
    /// @param measuredRounds timed rounds, `>= 1`
    /// @param stage the progress stage name
    /// @throws OperationCancelledException when `cancel` is set
    static MatMulMeasurement measure(SelectedDevice device, long rows, long inner, long columns, long targetFlops,
            int warmupProducts, int measuredRounds, String stage, ProgressListener progress, CancellationToken cancel)
            throws OperationCancelledException {
        if (rows < 1 || inner < 1 || columns < 1 || targetFlops < 1 || warmupProducts < 0 || measuredRounds < 1) {
            throw new IllegalArgumentException("invalid matmul benchmark: " + rows + " x " + inner + " x " + columns
                    + ", " + targetFlops + " FLOPs, " + warmupProducts + " warm-up products and " + measuredRounds
                    + " rounds");
        }
        long productFlops = 2 * rows * inner * columns;
        int repetitions = (int) Math.max(1, Math.round((double) targetFlops / productFlops));
        long[] nanos = new long[measuredRounds];
        progress.onProgress(stage, 0, measuredRounds);
        try (NDManager scope = NDManager.newBaseManager(device.device(), "PyTorch")) {
            NDArray left = scope.randomUniform(-1f, 1f, new Shape(rows, inner));
            NDArray right = scope.randomUniform(-1f, 1f, new Shape(inner, columns));
            cancel.throwIfCancelled(stage);
            multiply(scope, left, right, warmupProducts);
            for (int round = 0; round < measuredRounds; round++) {
                cancel.throwIfCancelled(stage);
                long start = System.nanoTime();
                multiply(scope, left, right, repetitions);
                nanos[round] = System.nanoTime() - start;
                LOG.debug("{}: round {} of {}: {} products in {} ms", stage, round + 1, measuredRounds, repetitions,
                        nanos[round] / 1_000_000);
                progress.onProgress(stage, round + 1, measuredRounds);
            }
        }
        return new MatMulMeasurement(rows, inner, columns, repetitions, TimingSummary.ofNanos(nanos));
    }

    /// Computes `left x right` `count` times, each product in its own sub-manager, and waits
    /// for the last one by reading one element.
    private static void multiply(NDManager scope, NDArray left, NDArray right, int count) {
        for (int r = 0; r < count; r++) {
            try (NDManager product = scope.newSubManager()) {
                left.tempAttach(product);
                NDArray result = left.matMul(right);
                if (r == count - 1) {
                    result.getFloat(0, 0);
                }
            }
        }
    }
}
