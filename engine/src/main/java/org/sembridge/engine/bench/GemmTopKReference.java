package org.sembridge.engine.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;

/// The external reference `bench init` divides by: what a plain numpy script does for the same
/// shape, `S = T S^T` by OpenBLAS `cblas_sgemm` and the `K` largest of each row, with nothing of
/// the engine's transfer code in it (no entmax, no fallbacks, no records, no reconstruction).
///
/// The measured rows go in chunks of [#CHUNK_ROWS] (the full `nT x nS` product of 250,002 rows
/// would need 29 GiB); per chunk, untimed: the rows are L2-normalised into native memory (the
/// sources once, before everything). Timed: the `cblas_sgemm` call, then the selection, a
/// bounded binary min-heap of `K` (value, column) pairs per row, in parallel over the rows on
/// the common fork-join pool (all cores). So the reference is the two operations the method
/// cannot avoid, at the speed of the BLAS and a straightforward parallel top-K.
final class GemmTopKReference {

    /// Rows per `cblas_sgemm` call: a 1,024 x 30,522 float block is 119 MiB.
    static final int CHUNK_ROWS = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GemmTopKReference.class);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private GemmTopKReference() {
    }

    /// Times the reference over rows `targetRows` of `targets` against all of `sources`.
    ///
    /// @param k candidates per row, `1 <= k <= nS`
    /// @throws OperationCancelledException when `cancel` is set (checked once per chunk)
    static ReferenceTiming measure(OpenBlas blas, FloatMatrix targets, FloatMatrix sources, int[] targetRows, int k,
            ProgressListener progress, CancellationToken cancel) throws OperationCancelledException {
        int sourceCount = sources.rows();
        int dimension = sources.columns();
        if (k < 1 || k > sourceCount) {
            throw new IllegalArgumentException("k must be in [1, " + sourceCount + "], found " + k);
        }
        String stage = "reference: OpenBLAS GEMM + top-" + k;
        long gemmNanos = 0;
        long selectNanos = 0;
        float checksum = 0;
        int chunk = Math.min(CHUNK_ROWS, Math.max(1, targetRows.length));
        try (Arena arena = Arena.ofShared()) {
            MemorySegment normalisedSources = arena.allocate((long) sourceCount * dimension * Float.BYTES, 64);
            normalise(sources, IntStream.range(0, sourceCount).toArray(), 0, sourceCount, normalisedSources);
            MemorySegment block = arena.allocate((long) chunk * dimension * Float.BYTES, 64);
            MemorySegment product = arena.allocate((long) chunk * sourceCount * Float.BYTES, 64);
            float[] topScores = new float[chunk * k];
            int[] topIds = new int[chunk * k];
            for (int first = 0; first < targetRows.length; first += chunk) {
                cancel.throwIfCancelled(stage);
                int count = Math.min(chunk, targetRows.length - first);
                normalise(targets, targetRows, first, count, block);
                long start = System.nanoTime();
                blas.multiplyTransposed(block, normalisedSources, product, count, sourceCount, dimension);
                long multiplied = System.nanoTime();
                IntStream.range(0, count).parallel().forEach(r ->
                        largest(product, (long) r * sourceCount * Float.BYTES, sourceCount, k, topScores, topIds, r * k));
                long selected = System.nanoTime();
                gemmNanos += multiplied - start;
                selectNanos += selected - multiplied;
                checksum += topScores[0];
                progress.onProgress(stage, first + count, targetRows.length);
            }
        }
        ReferenceTiming timing = new ReferenceTiming(targetRows.length, sourceCount, dimension, k, gemmNanos,
                selectNanos, blas.coreName(), blas.threads());
        LOG.info("reference {} x {} x {} (OpenBLAS {}, {} threads): GEMM {} s ({} GFLOP/s), top-{} {} s; checksum {}",
                targetRows.length, sourceCount, dimension, blas.coreName(), blas.threads(),
                String.format("%.3f", gemmNanos / 1e9), String.format("%.1f", timing.gemmGigaflopsPerSecond()), k,
                String.format("%.3f", selectNanos / 1e9), checksum);
        return timing;
    }

    /// Copies rows `rows[first .. first + count)` of `matrix`, each divided by its L2 norm, into `out`.
    private static void normalise(FloatMatrix matrix, int[] rows, int first, int count, MemorySegment out) {
        int columns = matrix.columns();
        float[] values = matrix.values();
        IntStream.range(0, count).parallel().forEach(r -> {
            int from = rows[first + r] * columns;
            double squares = 0;
            for (int c = 0; c < columns; c++) {
                squares += (double) values[from + c] * values[from + c];
            }
            float inverse = (float) (1 / Math.sqrt(squares));
            for (int c = 0; c < columns; c++) {
                out.setAtIndex(FLOAT, (long) r * columns + c, values[from + c] * inverse);
            }
        });
    }

    /// The `k` largest values of one row and their columns (unordered) by a bounded min-heap.
    private static void largest(MemorySegment product, long offset, int length, int k, float[] scores, int[] ids,
            int out) {
        for (int j = 0; j < k; j++) {
            scores[out + j] = product.get(FLOAT, offset + 4L * j);
            ids[out + j] = j;
        }
        for (int j = k / 2 - 1; j >= 0; j--) {
            siftDown(scores, ids, out, j, k);
        }
        for (int j = k; j < length; j++) {
            float value = product.get(FLOAT, offset + 4L * j);
            if (value > scores[out]) {
                scores[out] = value;
                ids[out] = j;
                siftDown(scores, ids, out, 0, k);
            }
        }
    }

    private static void siftDown(float[] scores, int[] ids, int base, int position, int size) {
        int p = position;
        for (int child = 2 * p + 1; child < size; child = 2 * p + 1) {
            if (child + 1 < size && scores[base + child + 1] < scores[base + child]) {
                child++;
            }
            if (scores[base + child] >= scores[base + p]) {
                return;
            }
            float s = scores[base + p];
            scores[base + p] = scores[base + child];
            scores[base + child] = s;
            int i = ids[base + p];
            ids[base + p] = ids[base + child];
            ids[base + child] = i;
            p = child;
        }
    }
}
