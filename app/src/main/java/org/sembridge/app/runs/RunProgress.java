package org.sembridge.app.runs;

import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.app.common.Formats;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.TransferSummary;

/// What the run page shows about the run in progress: the stage, a progress fraction, done of
/// total with units, elapsed time, the stage's estimated time left ([RunClock]), and a log with
/// one line per finished stage and its measured seconds (the CLI's summary format), the run's
/// counts at the end, or the engine's message when it failed.
///
/// The listener from [#begin] is called on the engine thread; it records the report and asks the
/// UI thread (through the `uiThread` executor) for one refresh, coalescing reports that arrive
/// before the refresh ran. All properties change on the UI thread only.
public final class RunProgress {

    private final Executor uiThread;
    private final LongSupplier nanoTime;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No run in progress");
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remaining = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private Attempt current;

    /// Progress whose refreshes run on `uiThread` (`Platform::runLater` in the app, inline in
    /// tests) and whose clock is `nanoTime`.
    public RunProgress(Executor uiThread, LongSupplier nanoTime) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /// Whether a run is in progress.
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /// What runs, e.g. `Run sembridge-a4-ko`.
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /// The engine's current stage, e.g. `aligning target tokens`.
    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /// Done / total of the stage in `[0, 1]`; `-1` (indeterminate) while the total is unknown.
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /// Done of total with units: `1,024 of 5,653 tokens (18%)`; empty while nothing is counted.
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /// Time since the run started: `elapsed 4.2 s`.
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /// The stage's estimated time left: `about 12.3 s left in this stage`; empty without an estimate.
    public ReadOnlyStringProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /// The log, oldest line first: a heading per run, a line per stage, the result.
    public ObservableList<String> log() {
        return log;
    }

    /// Starts showing a new run (UI thread) and returns the listener to give the engine.
    public ProgressListener begin(String runTitle) {
        Attempt attempt = new Attempt(new RunClock(nanoTime));
        current = attempt;
        active.set(true);
        title.set(runTitle);
        stage.set("starting");
        fraction.set(-1);
        count.set("");
        remaining.set("");
        elapsed.set("elapsed " + Formats.duration(0));
        log.add(runTitle);
        return (reportedStage, done, total) -> {
            attempt.clock.report(reportedStage, done, total).ifPresent(attempt.finished::add);
            if (attempt.refreshQueued.compareAndSet(false, true)) {
                uiThread.execute(() -> {
                    attempt.refreshQueued.set(false);
                    refresh(attempt);
                });
            }
        };
    }

    /// Adds a line about something that is not a run (UI thread), e.g. which run folders were
    /// opened, so the log tells the whole session's story.
    public void note(String line) {
        log.add(line);
    }

    /// Re-reads the clock (UI thread): the elapsed time ticks even while a stage sends no report.
    public void tick() {
        if (current != null) {
            refresh(current);
        }
    }

    /// Ends the run with its summary (UI thread): the last stage's line, the counts and the total.
    public void succeed(TransferSummary summary) {
        Attempt attempt = end();
        if (summary.noOp()) {
            log.add("warning: no-op transfer: " + summary.noOpReason());
        }
        log.add(String.format(Locale.ROOT, "method %s on %s: %s target tokens = %s overlap + %s new + %s special",
                summary.method(), summary.device(), Formats.count(summary.targetTokens()),
                Formats.count(summary.overlapTokens()), Formats.count(summary.newTokens()),
                Formats.count(summary.specialTokens())));
        log.add(stageLine(summary.totalSeconds(), "total"));
        log.add("run written to " + summary.runDirectory());
        title.set(title.get() + ": done in " + Formats.duration(attempt == null ? 0 : attempt.clock.elapsedNanos()));
    }

    /// Ends the run after a failure (UI thread): the stage it was in, and the engine's message or
    /// that it was cancelled and nothing was written.
    public void fail(Throwable error) {
        Attempt attempt = end();
        String elapsedText = Formats.duration(attempt == null ? 0 : attempt.clock.elapsedNanos());
        if (error instanceof OperationCancelledException) {
            log.add("cancelled after " + elapsedText + "; no run folder was written");
            title.set(title.get() + ": cancelled");
        } else {
            log.add("failed after " + elapsedText + ": " + (error.getMessage() == null
                    ? error.getClass().getSimpleName() : error.getMessage()));
            title.set(title.get() + ": failed");
        }
    }

    /// The unit of a stage's counts, from the engine's stage name: `tokens` for embedding,
    /// aligning and reconstructing, `rows` for sampled rows, `values` for loaded weights, else
    /// `units`.
    static String unitOf(String stageName) {
        String lower = stageName.toLowerCase(Locale.ROOT);
        if (lower.contains("rows")) {
            return "rows";
        }
        if (lower.contains("token") || lower.contains("embeddings")) {
            return "tokens";
        }
        if (lower.contains("weights")) {
            return "values";
        }
        return "units";
    }

    /// One log line as the CLI prints a stage: right-aligned seconds, then the stage.
    static String stageLine(double seconds, String stageName) {
        return String.format(Locale.ROOT, "%8.2f s  %s", seconds, stageName);
    }

    private Attempt end() {
        Attempt attempt = current;
        if (attempt != null) {
            refresh(attempt);
            attempt.clock.finish().ifPresent(last -> log.add(stageLine(last.elapsedNanos() / 1e9, last.stage())));
            elapsed.set("elapsed " + Formats.duration(attempt.clock.elapsedNanos()));
        }
        current = null;
        active.set(false);
        stage.set("");
        remaining.set("");
        fraction.set(0);
        count.set("");
        return attempt;
    }

    private void refresh(Attempt attempt) {
        if (attempt != current) {
            return;
        }
        for (RunClock.FinishedStage done; (done = attempt.finished.poll()) != null; ) {
            log.add(stageLine(done.elapsedNanos() / 1e9, done.stage()));
        }
        RunClock.Reading reading = attempt.clock.read();
        String stageName = reading.stage();
        long done = reading.done();
        long total = reading.total();
        elapsed.set("elapsed " + Formats.duration(attempt.clock.elapsedNanos()));
        if (stageName == null) {
            return;
        }
        stage.set(stageName);
        String unit = unitOf(stageName);
        if (total > 0) {
            fraction.set(Math.min(1, (double) done / total));
            count.set(String.format(Locale.ROOT, "%s of %s %s (%d%%)", Formats.count(done), Formats.count(total),
                    unit, Math.min(100, done * 100 / total)));
        } else {
            fraction.set(-1);
            count.set(done > 0 ? Formats.count(done) + " " + unit : "");
        }
        remaining.set(reading.remainingNanos().stream()
                .mapToObj(nanos -> "about " + Formats.duration(nanos) + " left in this stage")
                .findFirst()
                .orElse(""));
    }

    /// One run's clock, its finished stages not yet logged, and whether a refresh is queued.
    private record Attempt(RunClock clock, Queue<RunClock.FinishedStage> finished, AtomicBoolean refreshQueued) {
        Attempt(RunClock clock) {
            this(clock, new ConcurrentLinkedQueue<>(), new AtomicBoolean());
        }
    }
}
