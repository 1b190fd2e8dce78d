package org.sembridge.app.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A [TaskRunner] for tests that holds work until the test runs it ([#runNext()]), so a test
/// can issue requests while one is "running". Everything stays on the test thread.
public final class QueuedTaskRunner implements TaskRunner {

    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final Deque<TaskHandle> handles = new ArrayDeque<>();

    @Override
    public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
        TaskHandle handle = new TokenTaskHandle(title, token);
        handles.add(handle);
        queued.add(() -> {
            T result;
            try {
                result = work.call(ProgressListener.NONE, token);
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        return handle;
    }

    /// Runs the oldest queued work and its callback; false when nothing is queued.
    public boolean runNext() {
        Runnable next = queued.poll();
        if (next == null) {
            return false;
        }
        handles.poll();
        next.run();
        return true;
    }

    /// Runs queued work (and what its callbacks queue) until none is left.
    public void runAll() {
        while (runNext()) {
            // each step may queue more
        }
    }

    /// Cancels the oldest queued work, as the task bar's cancel button does (it still runs at
    /// [#runNext()] and sees its token cancelled); false when nothing is queued.
    public boolean cancelNext() {
        TaskHandle next = handles.peek();
        if (next == null) {
            return false;
        }
        next.cancel();
        return true;
    }

    public int queuedCount() {
        return queued.size();
    }
}
