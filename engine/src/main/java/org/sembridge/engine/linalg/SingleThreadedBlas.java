package org.sembridge.engine.linalg;

/// A period during which OpenBLAS runs every product on the calling thread: for callers that
/// split one large job into independent products and run them on several Java threads at once
/// (the fused SPLADE decoder, one vocabulary range per thread), where OpenBLAS's own threads would
/// only wait for each other.
///
/// OpenBLAS 0.3.26 has one process-wide thread count (`openblas_set_num_threads`); a threaded
/// product holds a library-wide lock, so two Java threads calling a threaded `sgemm` take turns,
/// while single-threaded products run side by side. [#open] sets the count to 1 when the first
/// period begins and restores the count it found when the last one ends, so overlapping periods
/// (two index builds) cannot leave the library single-threaded. Other callers' products during a
/// period are still correct, only single-threaded.
///
/// Use with try-with-resources; [#close()] is idempotent.
public final class SingleThreadedBlas implements AutoCloseable {

    private static final Object LOCK = new Object();
    private static int openPeriods;
    private static int threadsBefore;

    private final OpenBlas blas;
    private boolean closed;

    private SingleThreadedBlas(OpenBlas blas) {
        this.blas = blas;
    }

    /// Begins a period: OpenBLAS runs single-threaded until every open period is closed.
    public static SingleThreadedBlas open(OpenBlas blas) {
        synchronized (LOCK) {
            if (openPeriods == 0) {
                threadsBefore = blas.threads();
                blas.setThreads(1);
            }
            openPeriods++;
        }
        return new SingleThreadedBlas(blas);
    }

    /// Ends this period; the last one to end restores the thread count found by the first.
    @Override
    public void close() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            openPeriods--;
            if (openPeriods == 0) {
                blas.setThreads(threadsBefore);
            }
        }
    }
}
