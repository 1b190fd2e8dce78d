package org.sembridge.engine.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.stream.IntStream;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Cosine similarities between target and source bridge vectors, computed block by block so that
/// the full `nT x nS` matrix never exists: by OpenBLAS on off-heap memory on a CPU where it loads,
/// else on a DJL device ([SimilarityBackend] decides, from the device).
///
/// `s_x,i = <b(x), b(i)> / (|b(x)| |b(i)|)`. The inverse L2 norms are computed in `double` in Java
/// (which also validates the input before any tensor exists); the normalised source matrix
/// (`nS x D` floats) is uploaded once (DJL) or copied off-heap once (OpenBLAS), and each block of target rows becomes one `float32` GEMM
/// `S_block = T_block S^T` of at most `maxBlockBytes` (default 128 MiB: 1,099 rows against a
/// 30,522-token source vocabulary). Every block lives in its own `NDManager` sub-manager; the GEMM
/// of block `b + 1` is issued before block `b` is finished and freed, so on a GPU the host work of
/// one block overlaps the device work of the next and at most two blocks are alive. Cancellation is
/// checked once per block.
///
/// Zero-length (or non-finite) bridge vectors are rejected with an `IllegalArgumentException`
/// naming the matrix and the row: the bridge encoder L2-normalises its output, so a zero vector
/// means a broken caller, and treating it as "similarity 0 to everything" would hand entmax a
/// constant row, that is the uniform average of the whole vocabulary.
///
/// The OpenBLAS path ([HostSimilarityBlocks]) multiplies the same normalised `float32` inputs; its
/// blocks differ from the DJL path's only by the GEMM's summation order (a few units in the last
/// place).
///
/// Precision: `float32` GEMM, so similarities carry an absolute error of about `D * 2^-24` at worst
/// (typically far less); PyTorch does not use TF32 for `float32` matmul unless asked to.
public final class BlockedCosineSimilarity {

    /// Default bound on one block's similarity matrix: 128 MiB. Chosen by `bench init` on two
    /// AMD EPYC cores (OpenBLAS SkylakeX): blocks of 549 rows (64 MiB) ran the GEMM at 285 GFLOP/s
    /// against 370 for the reference's 1,024-row calls, blocks of 1,099 rows at 330-365.
    public static final long DEFAULT_MAX_BLOCK_BYTES = 128L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(BlockedCosineSimilarity.class);

    private final SimilarityBackend backend;
    private final long maxBlockBytes;

    /// Consumes the similarity blocks with one block of look-ahead; package-private because it
    /// hands out `NDArray`s.
    ///
    /// [#start] runs as soon as a block's GEMM has been issued; the [BlockTask] it returns is
    /// finished only after the NEXT block's GEMM has been issued, so that on an asynchronous device
    /// (GPU) the next GEMM runs while the host works on this block. Both calls run on the caller's
    /// (device) thread; the block's arrays stay alive until its task is finished.
    @FunctionalInterface
    interface BlockVisitor {
        /// @param similarities `rowCount x nS` cosine similarities, owned by the block's manager
        /// @param firstRow index into the requested target rows of the block's first row
        /// @param rowCount rows in this block
        /// @return the work left for this block
        BlockTask start(NDArray similarities, int firstRow, int rowCount);
    }

    /// The remainder of one block's work.
    interface BlockTask {
        /// Completes the block; its arrays are freed right after.
        void finish() throws OperationCancelledException;

        /// Called instead of [#finish()] when the operation fails or is cancelled: stop or wait
        /// for any host work started for the block, and publish nothing.
        default void abandon() {
        }
    }

    /// A blocked similarity on `device` whose blocks stay within `maxBlockBytes`.
    ///
    /// @param device where the GEMMs run, e.g. `SelectedDevice.cpu()`
    /// @param maxBlockBytes bound on one block's `float32` similarity matrix, `>= 4`; a block holds
    ///     at least one row even when one row exceeds the bound
    public BlockedCosineSimilarity(SelectedDevice device, long maxBlockBytes) {
        this(SimilarityBackend.forDevice(device), maxBlockBytes);
    }

    /// A blocked similarity on a given backend (tests compare the two paths with it).
    ///
    /// @param maxBlockBytes as for [#BlockedCosineSimilarity(SelectedDevice, long)]
    public BlockedCosineSimilarity(SimilarityBackend backend, long maxBlockBytes) {
        if (maxBlockBytes < Float.BYTES) {
            throw new IllegalArgumentException("maxBlockBytes must be >= " + Float.BYTES + ", found "
                    + maxBlockBytes);
        }
        this.backend = backend;
        this.maxBlockBytes = maxBlockBytes;
    }

    /// The device of this similarity (where the DJL path runs its GEMMs).
    public SelectedDevice device() {
        return backend.device();
    }

    /// Off-heap scratch the OpenBLAS path keeps between calls (normalised sources and one block,
    /// see [NativeScratch]); resident from the first call on, 0 before it or on the DJL path.
    public static long keptScratchBytes() {
        return NativeScratch.keptBytes();
    }

    /// Frees the kept off-heap scratch (unless a search is using it), so that the next search
    /// allocates and touches it as the first one in a process does (`bench init --cold-scratch`).
    public static void releaseKeptScratch() {
        NativeScratch.release();
    }

    /// Where the GEMMs run.
    public SimilarityBackend backend() {
        return backend;
    }

    /// Target rows per block against `sourceCount` sources: `max(1, maxBlockBytes / (4 nS))`.
    public int blockRows(int sourceCount) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBlockBytes / ((long) Float.BYTES * sourceCount)));
    }

    /// The full similarity rows of a few target tokens (for inspection and tests): `O(rows nS)`
    /// memory, so not meant for a whole vocabulary.
    ///
    /// @param targets target bridge vectors, `nT x D`
    /// @param sources source bridge vectors, `nS x D`
    /// @param targetRows rows of `targets` to compare, each in `[0, nT)`
    /// @return `targetRows.length x nS` similarities, row `r` for `targetRows[r]`
    /// @throws OperationCancelledException when `cancel` is cancelled; nothing is returned
    public FloatMatrix similarityRows(FloatMatrix targets, FloatMatrix sources, int[] targetRows,
            ProgressListener progress, CancellationToken cancel) throws OperationCancelledException {
        float[] out = new float[Math.multiplyExact(targetRows.length, sources.rows())];
        if (backend.usesBlas()) {
            int sourceCount = sources.rows();
            forEachHostBlock(targets, sources, targetRows, "computing similarities", progress, cancel,
                    (block, firstRow, rowCount) -> MemorySegment.copy(block, ValueLayout.JAVA_FLOAT, 0, out,
                            firstRow * sourceCount, rowCount * sourceCount));
            return new FloatMatrix(targetRows.length, sourceCount, out);
        }
        forEachBlock(targets, sources, targetRows, "computing similarities", progress, cancel,
                (similarities, firstRow, rowCount) -> () -> {
                    float[] block = similarities.toFloatArray();
                    System.arraycopy(block, 0, out, firstRow * sources.rows(), block.length);
                });
        return new FloatMatrix(targetRows.length, sources.rows(), out);
    }

    /// Runs only the blocked GEMM (normalise, multiply, wait for the device) and keeps nothing:
    /// the baseline the top-K search is benchmarked against.
    ///
    /// @return the shape, the block count and the elapsed wall time including the upload of the
    ///     source matrix
    /// @throws OperationCancelledException when `cancel` is cancelled
    public SimilarityTiming timeSimilarityOnly(FloatMatrix targets, FloatMatrix sources, int[] targetRows,
            ProgressListener progress, CancellationToken cancel) throws OperationCancelledException {
        long start = System.nanoTime();
        int[] blocks = {0};
        if (backend.usesBlas()) {
            forEachHostBlock(targets, sources, targetRows, "computing similarities", progress, cancel,
                    (block, firstRow, rowCount) -> blocks[0]++);
        } else {
            forEachBlock(targets, sources, targetRows, "computing similarities", progress, cancel,
                    (similarities, firstRow, rowCount) -> () -> {
                        // Reading one element waits for the asynchronous device to finish the block.
                        similarities.get(rowCount - 1, similarities.getShape().get(1) - 1).getFloat();
                        blocks[0]++;
                    });
        }
        long elapsed = System.nanoTime() - start;
        LOG.info("similarity only: {} x {} x {} in {} blocks on {}: {} s", targetRows.length, sources.rows(),
                sources.columns(), blocks[0], backend.label(), String.format("%.3f", elapsed / 1e9));
        return new SimilarityTiming(targetRows.length, sources.rows(), sources.columns(), blocks[0], elapsed);
    }

    /// The OpenBLAS path: validates the inputs and hands each block of the requested target rows
    /// to `visitor`, in order, while it is alive ([HostSimilarityBlocks]); one block at a time.
    ///
    /// @return wall nanoseconds of the block products (gather and GEMM), summed
    /// @throws IllegalStateException when this similarity's backend is not OpenBLAS
    long forEachHostBlock(FloatMatrix targets, FloatMatrix sources, int[] targetRows, String stage,
            ProgressListener progress, CancellationToken cancel, HostSimilarityBlocks.Visitor visitor)
            throws OperationCancelledException {
        OpenBlas blas = backend.blas().orElseThrow(() -> new IllegalStateException("backend " + backend.label()
                + " is not OpenBLAS"));
        float[][] scales = started(targets, sources, targetRows, stage, progress, cancel);
        if (targetRows.length == 0) {
            return 0;
        }
        return HostSimilarityBlocks.forEachBlock(blas, targets, sources, targetRows, scales[0], scales[1],
                blockRows(sources.rows()), stage, progress, cancel, visitor);
    }

    /// The start of both block paths: validates the inputs ([#validatedScales], whose scales it
    /// returns), checks `cancel` and reports the stage's start (0 of the rows; nothing for no rows),
    /// so that its estimate counts from here.
    private float[][] started(FloatMatrix targets, FloatMatrix sources, int[] targetRows, String stage,
            ProgressListener progress, CancellationToken cancel) throws OperationCancelledException {
        float[][] scales = validatedScales(targets, sources, targetRows);
        cancel.throwIfCancelled(stage);
        if (targetRows.length > 0) {
            progress.onProgress(stage, 0, targetRows.length);
        }
        return scales;
    }

    /// Validates the inputs, uploads the normalised sources once and hands each block of the
    /// requested target rows to `visitor`, in order, each block in its own sub-manager; at most
    /// two blocks are alive at a time (device memory `2 maxBlockBytes` plus temporaries). This is
    /// the DJL path, whatever the backend (softmax needs it on every device).
    void forEachBlock(FloatMatrix targets, FloatMatrix sources, int[] targetRows, String stage,
            ProgressListener progress, CancellationToken cancel, BlockVisitor visitor)
            throws OperationCancelledException {
        int dimension = sources.columns();
        float[][] scales = started(targets, sources, targetRows, stage, progress, cancel);
        float[] targetScale = scales[0];
        float[] sourceScale = scales[1];
        if (targetRows.length == 0) {
            return;
        }
        int sourceCount = sources.rows();
        int rowsPerBlock = blockRows(sourceCount);
        try (NDManager scope = NDManager.newBaseManager(backend.device().device())) {
            NDArray sourceMatrix = scope.create(sources.values(), new Shape(sourceCount, dimension));
            sourceMatrix.muli(scope.create(sourceScale, new Shape(sourceCount, 1)));
            NDArray sourcesTransposed = sourceMatrix.transpose();
            PendingBlock pending = null;
            try {
                for (int first = 0; first < targetRows.length; first += rowsPerBlock) {
                    cancel.throwIfCancelled(stage);
                    int count = Math.min(rowsPerBlock, targetRows.length - first);
                    NDManager block = scope.newSubManager();
                    float[] rows = gatherScaled(targets, targetRows, targetScale, first, count);
                    NDArray similarities = block.create(rows, new Shape(count, dimension)).matMul(sourcesTransposed);
                    if (pending != null) {
                        pending.finish(stage, targetRows.length, progress);
                    }
                    pending = new PendingBlock(block, visitor.start(similarities, first, count), first + count);
                }
                if (pending != null) {
                    pending.finish(stage, targetRows.length, progress);
                    pending = null;
                }
            } finally {
                if (pending != null) {
                    pending.task().abandon();
                }
            }
        }
    }

    /// A started block whose task is still to finish, with its manager.
    private record PendingBlock(NDManager manager, BlockTask task, int rowsDone) {

        void finish(String stage, int rowsTotal, ProgressListener progress) throws OperationCancelledException {
            try (manager) {
                task.finish();
            }
            LOG.debug("{}: {} of {} rows", stage, rowsDone, rowsTotal);
            progress.onProgress(stage, rowsDone, rowsTotal);
        }
    }

    /// Checks the shapes and returns the inverse norms `{target rows, sources}`.
    private static float[][] validatedScales(FloatMatrix targets, FloatMatrix sources, int[] targetRows) {
        if (targets.columns() != sources.columns()) {
            throw new IllegalArgumentException("target bridge vectors have dimension " + targets.columns()
                    + " but source bridge vectors have " + sources.columns());
        }
        if (sources.rows() == 0) {
            throw new IllegalArgumentException("need at least one source bridge vector");
        }
        float[] sourceScale = inverseNorms(sources, null, "source");
        float[] targetScale = inverseNorms(targets, targetRows, "target");
        return new float[][] {targetScale, sourceScale};
    }

    /// `1 / |row|` in `double`, rounded to `float`, for the given rows (all when `rows` is null).
    private static float[] inverseNorms(FloatMatrix matrix, int[] rows, String name) {
        int count = rows == null ? matrix.rows() : rows.length;
        int columns = matrix.columns();
        float[] values = matrix.values();
        float[] scale = new float[count];
        for (int r = 0; r < count; r++) {
            int row = rows == null ? r : rows[r];
            if (row < 0 || row >= matrix.rows()) {
                throw new IllegalArgumentException(name + " row " + row + " (requested at index " + r
                        + ") is outside [0, " + matrix.rows() + ")");
            }
        }
        // Rows are independent: in parallel, each summed in order as before (same rounding).
        IntStream.range(0, count).parallel().forEach(r -> {
            int row = rows == null ? r : rows[r];
            double squares = 0.0;
            for (int c = row * columns, end = c + columns; c < end; c++) {
                squares += (double) values[c] * values[c];
            }
            double norm = Math.sqrt(squares);
            scale[r] = !(norm > 0.0) || Double.isInfinite(norm) ? Float.NaN : (float) (1.0 / norm);
        });
        for (int r = 0; r < count; r++) {
            if (Float.isNaN(scale[r])) {
                int row = rows == null ? r : rows[r];
                double squares = 0.0;
                for (int c = row * columns, end = c + columns; c < end; c++) {
                    squares += (double) values[c] * values[c];
                }
                throw new IllegalArgumentException(name + " bridge vector " + row + " has L2 norm "
                        + Math.sqrt(squares) + "; expected a finite norm > 0 (cosine similarity is undefined)");
            }
        }
        return scale;
    }

    private static float[] gatherScaled(FloatMatrix targets, int[] targetRows, float[] targetScale, int first,
            int count) {
        int columns = targets.columns();
        float[] values = targets.values();
        float[] out = new float[count * columns];
        for (int r = 0; r < count; r++) {
            int from = targetRows[first + r] * columns;
            float scale = targetScale[first + r];
            for (int c = 0; c < columns; c++) {
                out[r * columns + c] = values[from + c] * scale;
            }
        }
        return out;
    }
}
