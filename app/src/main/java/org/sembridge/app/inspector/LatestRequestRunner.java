package org.sembridge.app.inspector;

import java.util.function.Consumer;
import org.sembridge.app.common.BackgroundWork;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.engine.OperationCancelledException;

/// Runs one request at a time through a [TaskRunner] and coalesces the rest: while a request
/// runs, newer ones replace each other and only the latest runs next; a result is delivered only
/// when no newer request came in meanwhile. For requests where only the last one matters: the
/// alpha slider (dragging fires dozens of values a second), the table's sort and the comparison
/// run. FX thread only.
///
/// @param <T> the result type
final class LatestRequestRunner<T> {

    private final TaskRunner runner;
    private final String title;
    private final Consumer<T> onResult;
    private final Consumer<Throwable> onFailure;
    private BackgroundWork<T> pending;
    private boolean busy;
    private long latest;

    /// @param onResult receives the result of the latest request, on the FX thread
    /// @param onFailure receives the failure of the latest request (cancellations are dropped)
    LatestRequestRunner(TaskRunner runner, String title, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        this.runner = runner;
        this.title = title;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /// Asks for `work`: starts it now when idle, else keeps it as the one to run next (replacing
    /// any earlier waiting request).
    void submit(BackgroundWork<T> work) {
        latest++;
        if (busy) {
            pending = work;
        } else {
            start(work, latest);
        }
    }

    /// Drops any waiting request and makes a running one's result stale.
    void discard() {
        latest++;
        pending = null;
    }

    private void start(BackgroundWork<T> work, long generation) {
        busy = true;
        runner.run(title, work, result -> {
            finish();
            if (generation == latest) {
                onResult.accept(result);
            }
        }, error -> {
            finish();
            if (generation == latest && !(error instanceof OperationCancelledException)) {
                onFailure.accept(error);
            }
        });
    }

    private void finish() {
        busy = false;
        if (pending != null) {
            BackgroundWork<T> next = pending;
            pending = null;
            start(next, latest);
        }
    }
}
