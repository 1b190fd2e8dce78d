package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sembridge.app.common.BackgroundWork;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A [TaskRunner] for tests that holds work until [#runAll()], so a test can cancel a task
/// between its start and its run, as a user does while a projection is running.
final class QueuedTaskRunner implements TaskRunner {

    private final List<Runnable> queued = new ArrayList<>();

    @Override
    public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
        queued.add(() -> {
            try {
                onSuccess.accept(work.call(ProgressListener.NONE, token));
            } catch (Exception e) {
                onFailure.accept(e);
            }
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

    /// Runs the queued work in order, inline.
    void runAll() {
        List<Runnable> now = List.copyOf(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }
}
