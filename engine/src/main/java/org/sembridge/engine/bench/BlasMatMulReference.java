package org.sembridge.engine.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The external reference of `bench encode`: the same `[rows, inner] x [inner, columns]` product
/// as [MatMulBaseline], repeated to the same FLOPs per round, but by OpenBLAS `cblas_sgemm`
/// ([OpenBlas], through FFM) on off-heap memory instead of libtorch. Dividing the encoder's
/// GFLOP/s by it says how close encoding gets to a BLAS outside libtorch on this CPU.
///
/// Random factors uniform in `[-1, 1)` from a fixed seed; one product is allocated and reused;
/// `warmupProducts` untimed products first; cancellation checked once per round.
final class BlasMatMulReference {

    private static final Logger LOG = LoggerFactory.getLogger(BlasMatMulReference.class);

    private BlasMatMulReference() {
    }

    /// Measures the product with `blas`; arguments as [MatMulBaseline#measure].
    ///
    /// @throws OperationCancelledException when `cancel` is set
    static MatMulMeasurement measure(OpenBlas blas, long rows, long inner, long columns, long targetFlops,
            int warmupProducts, int measuredRounds, String stage, ProgressListener progress, CancellationToken cancel)
            throws OperationCancelledException {
        if (rows < 1 || inner < 1 || columns < 1 || rows * Math.max(inner, columns) > Integer.MAX_VALUE
                || targetFlops < 1 || warmupProducts < 0 || measuredRounds < 1) {
            throw new IllegalArgumentException("invalid BLAS reference: " + rows + " x " + inner + " x " + columns
                    + ", " + targetFlops + " FLOPs, " + warmupProducts + " warm-up products and " + measuredRounds
                    + " rounds");
        }
        long productFlops = 2 * rows * inner * columns;
        int repetitions = (int) Math.max(1, Math.round((double) targetFlops / productFlops));
        long[] nanos = new long[measuredRounds];
        int m = (int) rows;
        int k = (int) inner;
        int n = (int) columns;
        progress.onProgress(stage, 0, measuredRounds);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment left = random(arena, (long) m * k, 1);
            MemorySegment right = random(arena, (long) k * n, 2);
            MemorySegment product = arena.allocate((long) m * n * Float.BYTES, 64);
            for (int i = 0; i < warmupProducts; i++) {
                blas.sgemm(false, false, m, n, k, 1f, left, k, right, n, 0f, product, n);
            }
            for (int round = 0; round < measuredRounds; round++) {
                cancel.throwIfCancelled(stage);
                long start = System.nanoTime();
                for (int r = 0; r < repetitions; r++) {
                    blas.sgemm(false, false, m, n, k, 1f, left, k, right, n, 0f, product, n);
                }
                nanos[round] = System.nanoTime() - start;
                progress.onProgress(stage, round + 1, measuredRounds);
            }
        }
        MatMulMeasurement measured = new MatMulMeasurement(rows, inner, columns, repetitions,
                TimingSummary.ofNanos(nanos));
        LOG.info("{}: OpenBLAS {} ({} threads) [{} x {}] x [{} x {}] x {}: {} GFLOP/s", stage, blas.coreName(),
                blas.threads(), rows, inner, inner, columns, repetitions,
                String.format("%.1f", measured.gflopsPerSecond()));
        return measured;
    }

    private static MemorySegment random(Arena arena, long count, long seed) {
        MemorySegment segment = arena.allocate(count * Float.BYTES, 64);
        SplittableRandom random = new SplittableRandom(seed);
        for (long i = 0; i < count; i++) {
            segment.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) random.nextDouble(-1, 1));
        }
        return segment;
    }
}
