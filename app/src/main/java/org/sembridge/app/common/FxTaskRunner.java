package org.sembridge.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The workbench's [TaskRunner]: wraps work in a `javafx.concurrent.Task` run on a small pool of
/// named engine threads (each task stays on one thread from start to end, so its tensor scopes
/// never hop threads; a long transfer does not block a re-alignment or a search), forwards engine progress through `updateProgress` /
/// `updateMessage`, maps the task's cancel to the engine's [CancellationToken], and keeps the list
/// of running tasks for the status bar's task tray.
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    /// Engine threads: one long job (a transfer, a map) plus interactive work beside it.
    private static final int ENGINE_THREADS = 3;

    private final ExecutorService engineThreads =
            Executors.newFixedThreadPool(ENGINE_THREADS, new NamedThreadFactory("sembridge-engine"));
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();

    /// Tasks queued or running, newest last; observed by the status bar. FX thread only.
    public ObservableList<Task<?>> runningTasks() {
        return running;
    }

    @Override
    public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
        Task<T> task = new Task<>() {
            {
                updateTitle(title);
            }

            @Override
            protected T call() throws Exception {
                updateMessage(title);
                return work.call((stage, done, total) -> {
                    updateMessage(stage);
                    if (total > 0) {
                        updateProgress(done, total);
                    } else {
                        updateProgress(-1, 1);
                    }
                }, token);
            }

            @Override
            protected void cancelled() {
                token.cancel();
            }
        };
        task.setOnSucceeded(e -> {
            running.remove(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(task);
            LOG.warn("{} failed: {}", title, task.getException().getMessage(), task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            running.remove(task);
            onFailure.accept(new OperationCancelledException(title));
        });
        // A task cancelled or finished before this runs was already removed: never add it back.
        Platform.runLater(() -> {
            if (!task.isDone()) {
                running.add(task);
            }
        });
        engineThreads.execute(task);
        return new TaskHandle() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void cancel() {
                token.cancel();
                task.cancel(false);
            }

            @Override
            public CancellationToken cancellationToken() {
                return token;
            }
        };
    }

    @Override
    public void close() {
        engineThreads.shutdownNow();
    }

    /// Names threads so thread dumps and logs say whose they are.
    private record NamedThreadFactory(String name) implements ThreadFactory {
        private static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, name + "-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
