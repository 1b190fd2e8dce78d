package org.sembridge.app.inspector;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.sembridge.app.common.BackgroundWork;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A [TaskRunner] for tests that holds work until the test runs it ([#runNext()]), so a test
/// can issue requests while one is "running". Everything stays on the test thread.
final class QueuedTaskRunner implements TaskRunner {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
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
        return new TaskHandle() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void cancel() {
                token.cancel();
            }

            @Override
            public CancellationToken cancellationToken() {
                return token;
            }
        };
    }

    /// Runs the oldest queued work and its callback; false when nothing is queued.
    boolean runNext() {
        Runnable next = queued.poll();
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /// Runs queued work (and what its callbacks queue) until none is left.
    void runAll() {
        while (runNext()) {
            // each step may queue more
        }
    }

    int queuedCount() {
        return queued.size();
    }
}
