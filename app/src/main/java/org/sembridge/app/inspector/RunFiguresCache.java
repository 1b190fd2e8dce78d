package org.sembridge.app.inspector;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The token figures of every open run, each read once in the background and kept while the run
/// stays open, so that switching the current run shows its table at once instead of reading its
/// 262,145 records again (issue 15: 10-20 s per switch).
///
/// One read runs at a time. A read the inspector asks for ([#request]) goes first: it cancels a
/// read-ahead of another run, which goes back in the queue. When nothing is asked for, the open
/// runs not read yet are read ahead in the order they were opened. A run whose read was
/// cancelled or failed is not read ahead again (a cancelled request is not repeated by itself);
/// asking for it again reads it. Entries of runs that are closed are dropped. Runs are keyed by
/// identity: re-opening a folder gives a new [OpenRun] and a fresh read. FX thread only.
final class RunFiguresCache {

    /// How a run's figures are read (the engine's [TokenFiguresLoader] in the workbench; tests
    /// hand in synthetic figures).
    @FunctionalInterface
    interface Reader {
        TokenFigures read(OpenRun run, ProgressListener progress, CancellationToken cancel) throws Exception;
    }

    private final WorkbenchState state;
    private final TaskRunner runner;
    private final Reader reader;
    private final BiConsumer<OpenRun, TokenFigures> onRead;
    private final BiConsumer<OpenRun, Throwable> onFailed;
    private final Map<OpenRun, TokenFigures> figures = new IdentityHashMap<>();
    private final Set<OpenRun> notAhead = Collections.newSetFromMap(new IdentityHashMap<>());
    private Reading reading;

    /// @param onRead receives each run's figures when its read lands (requested or read ahead)
    /// @param onFailed receives the failure or cancellation of a read the inspector asked for
    RunFiguresCache(WorkbenchState state, TaskRunner runner, Reader reader, BiConsumer<OpenRun, TokenFigures> onRead,
            BiConsumer<OpenRun, Throwable> onFailed) {
        this.state = state;
        this.runner = runner;
        this.reader = reader;
        this.onRead = onRead;
        this.onFailed = onFailed;
        state.runs().addListener((ListChangeListener<OpenRun>) change -> runsChanged());
    }

    /// The figures of `run` when read; empty before.
    Optional<TokenFigures> get(OpenRun run) {
        return Optional.ofNullable(figures.get(run));
    }

    /// Whether `run` is being read because the inspector asked for it.
    boolean isReading(OpenRun run) {
        return reading != null && reading.run == run && reading.requested;
    }

    /// Reads `run` unless its figures are kept or its read is under way (a read-ahead of it
    /// becomes a requested read); a read-ahead of another run is cancelled and queued again.
    void request(OpenRun run) {
        if (figures.containsKey(run)) {
            return;
        }
        notAhead.remove(run);
        if (reading != null) {
            if (reading.run == run) {
                reading.requested = true;
                return;
            }
            stop();
        }
        start(run, true);
    }

    /// Cancels the read under way (the user's Cancel): the run is not read ahead again, and a
    /// requested read reports its cancellation.
    void cancel() {
        if (reading != null) {
            Reading cancelled = reading;
            notAhead.add(cancelled.run);
            stop();
            if (cancelled.requested) {
                onFailed.accept(cancelled.run, new OperationCancelledException("reading token figures"));
            }
        }
    }

    /// Reads the next open run that is neither kept, read, nor excluded, when idle.
    void readAhead() {
        if (reading != null) {
            return;
        }
        state.runs().stream()
                .filter(run -> !figures.containsKey(run) && !notAhead.contains(run))
                .findFirst()
                .ifPresent(run -> start(run, false));
    }

    private void start(OpenRun run, boolean requested) {
        Reading mine = new Reading(run, requested);
        reading = mine;
        TaskHandle handle = runner.run("Reading token figures of " + run.label(),
                (progress, cancel) -> reader.read(run, progress, cancel),
                read -> {
                    if (reading != mine) {
                        return;
                    }
                    reading = null;
                    if (state.runs().contains(run)) {
                        figures.put(run, read);
                    }
                    onRead.accept(run, read);
                    readAhead();
                },
                error -> {
                    if (reading != mine) {
                        return;
                    }
                    reading = null;
                    notAhead.add(run);
                    if (mine.requested) {
                        onFailed.accept(run, error);
                    }
                    readAhead();
                });
        if (reading == mine) {
            mine.handle = handle;
        }
    }

    /// Cancels the read under way and forgets it: its callbacks are ignored from now on.
    private void stop() {
        Reading stopped = reading;
        reading = null;
        if (stopped.handle != null) {
            stopped.handle.cancel();
        }
    }

    private void runsChanged() {
        Set<OpenRun> open = Collections.newSetFromMap(new IdentityHashMap<>());
        open.addAll(state.runs());
        figures.keySet().retainAll(open);
        notAhead.retainAll(open);
        if (reading != null && !open.contains(reading.run)) {
            stop();
        }
        readAhead();
    }

    /// A read under way: its run, whether the inspector asked for it, and its task.
    private static final class Reading {
        private final OpenRun run;
        private boolean requested;
        private TaskHandle handle;

        private Reading(OpenRun run, boolean requested) {
            this.run = run;
            this.requested = requested;
        }
    }
}
