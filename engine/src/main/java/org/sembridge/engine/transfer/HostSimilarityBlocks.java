package org.sembridge.engine.transfer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.stream.IntStream;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The OpenBLAS path of [BlockedCosineSimilarity]: `S_block = T_block S^T` by `cblas_sgemm` on
/// off-heap memory, one block at a time, each handed to a visitor while it is alive.
///
/// Memory (native): the normalised sources (`nS x D` floats, 125 MiB
/// for 30,522 x 1,024), one gathered and normalised target block (`block x D`) and one similarity
/// block (`block x nS`, at most `maxBlockBytes`), in one [NativeScratch] buffer that is kept for
/// the next call (fresh pages are slow to fault in on virtual machines). The phases alternate: OpenBLAS multiplies with
/// its own threads (one per core), then the visitor works on the block with the Java threads;
/// on two cores, overlapping them would only make the two pools take turns on the same cores.
/// The memory is shared so that the visitor may read the block from several threads; it must not
/// keep the segment after it returns.
final class HostSimilarityBlocks {

    private static final Logger LOG = LoggerFactory.getLogger(HostSimilarityBlocks.class);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    /// Receives each block while it is alive, on the caller's thread.
    @FunctionalInterface
    interface Visitor {
        /// @param block `rowCount x nS` similarities, row-major, row stride `nS` floats
        /// @param firstRow index into the requested target rows of the block's first row
        /// @param rowCount rows in this block
        void visit(MemorySegment block, int firstRow, int rowCount) throws OperationCancelledException;
    }

    private HostSimilarityBlocks() {
    }

    /// Multiplies the requested target rows against all sources, block by block, and hands each
    /// block to `visitor`; the scales are the rows' inverse L2 norms (already validated).
    ///
    /// @return wall nanoseconds spent gathering target blocks and multiplying, summed over blocks
    static long forEachBlock(OpenBlas blas, FloatMatrix targets, FloatMatrix sources, int[] targetRows,
            float[] targetScale, float[] sourceScale, int rowsPerBlock, String stage, ProgressListener progress,
            CancellationToken cancel, Visitor visitor) throws OperationCancelledException {
        int dimension = sources.columns();
        int sourceCount = sources.rows();
        int blockRows = Math.min(rowsPerBlock, targetRows.length);
        long gemmNanos = 0;
        long sourceBytes = aligned((long) sourceCount * dimension * Float.BYTES);
        long targetBytes = aligned((long) blockRows * dimension * Float.BYTES);
        long blockBytes = aligned((long) blockRows * sourceCount * Float.BYTES);
        try (NativeScratch.Lease scratch = NativeScratch.acquire(sourceBytes + targetBytes + blockBytes)) {
            MemorySegment normalisedSources = scratch.segment().asSlice(0, sourceBytes);
            MemorySegment targetBlock = scratch.segment().asSlice(sourceBytes, targetBytes);
            MemorySegment similarities = scratch.segment().asSlice(sourceBytes + targetBytes, blockBytes);
            scaleRows(sources.values(), dimension, IntStream.range(0, sourceCount).toArray(), 0, sourceCount,
                    sourceScale, 0, normalisedSources);
            for (int first = 0; first < targetRows.length; first += blockRows) {
                cancel.throwIfCancelled(stage);
                int count = Math.min(blockRows, targetRows.length - first);
                long start = System.nanoTime();
                scaleRows(targets.values(), dimension, targetRows, first, count, targetScale, first, targetBlock);
                blas.multiplyTransposed(targetBlock, normalisedSources, similarities, count, sourceCount, dimension);
                gemmNanos += System.nanoTime() - start;
                visitor.visit(similarities, first, count);
                LOG.debug("{}: {} of {} rows", stage, first + count, targetRows.length);
                progress.onProgress(stage, first + count, targetRows.length);
            }
        }
        return gemmNanos;
    }

    /// `bytes` rounded up to a multiple of 64 (cache-line aligned slices).
    private static long aligned(long bytes) {
        return (bytes + 63) & ~63L;
    }

    /// Copies rows `rows[first ..  first + count)` of a row-major matrix into `out`, each scaled
    /// by `scale[scaleOffset + r]`, in parallel over rows.
    private static void scaleRows(float[] values, int columns, int[] rows, int first, int count, float[] scale,
            int scaleOffset, MemorySegment out) {
        IntStream.range(0, count).parallel().forEach(r -> {
            int from = rows[first + r] * columns;
            float factor = scale[scaleOffset + r];
            long to = (long) r * columns * Float.BYTES;
            for (int c = 0; c < columns; c++) {
                out.set(FLOAT, to + 4L * c, values[from + c] * factor);
            }
        });
    }
}
