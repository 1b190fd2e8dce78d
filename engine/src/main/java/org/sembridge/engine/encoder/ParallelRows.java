package org.sembridge.engine.encoder;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/// Runs a task over a range of rows in contiguous chunks, in parallel on the common fork-join
/// pool (the calling thread takes part): the element-wise work of the host forward pass
/// ([HostEncoder]) between its matrix products.
///
/// Work below [#MIN_PARALLEL_ELEMENTS] runs on the calling thread alone, where handing chunks
/// to other threads would cost more than it saves. Each chunk is a whole number of rows, so a
/// task owns its rows and no two tasks write the same memory; an exception of a task reaches
/// the caller.
final class ParallelRows {

    /// Elements (rows x row width) below which the rows are processed on the calling thread.
    static final long MIN_PARALLEL_ELEMENTS = 1 << 15;
    /// Chunks per thread, so that a thread slowed by other work on the machine does not hold up
    /// the rest.
    private static final int CHUNKS_PER_THREAD = 4;

    /// Work on the rows `[from, to)`.
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    private ParallelRows() {
    }

    /// Runs `task` over rows `[0, rows)` of `width` elements each.
    static void forEach(int rows, int width, RowRange task) {
        if (rows <= 0) {
            return;
        }
        int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
        if (threads == 1 || rows == 1 || (long) rows * width < MIN_PARALLEL_ELEMENTS) {
            task.run(0, rows);
            return;
        }
        int chunks = Math.min(rows, threads * CHUNKS_PER_THREAD);
        IntStream.range(0, chunks).parallel()
                .forEach(chunk -> task.run((int) ((long) chunk * rows / chunks), (int) ((long) (chunk + 1) * rows / chunks)));
    }
}
