package org.sembridge.app.map;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.ProgressListener;

/// The projection job of the map page: runs [RunMapProjector] on an engine thread through the
/// [TaskRunner], publishes its stage and progress, and hands the finished [MapLayout] over.
///
/// Runs are numbered: starting one cancels the one still running, and callbacks of a superseded
/// run are ignored, so the latest request wins. A cancelled or failed run reports why on the
/// status line ([#progressText()], which the page's other commands report to as well) and
/// leaves the map shown alone.
final class MapProjection {

    private final ObservableValue<MapLayout> layout;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Executor uiThread;
    private final RunMapProjector projector;
    private final MapSizeEstimator sizes;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private long generation;
    private TaskHandle handle;

    /// Projections with `projector` through `tasks`, errors through `dialogs`, and progress
    /// reports handed to the UI thread through `uiThread`; `layout` is the map shown (it decides
    /// whether a cancel message says the previous map is kept); `sizes` guards map sizes and
    /// learns the rates each map measures.
    MapProjection(ObservableValue<MapLayout> layout, TaskRunner tasks, DialogService dialogs, Executor uiThread,
            RunMapProjector projector, MapSizeEstimator sizes) {
        this.layout = layout;
        this.sizes = sizes;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.uiThread = uiThread;
        this.projector = projector;
    }

    /// Whether a projection is running.
    ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /// The running projection's stage, or what happened to the last command.
    ReadOnlyStringProperty progressText() {
        return progressText.getReadOnlyProperty();
    }

    /// The running stage's progress in [0, 1], or -1 when unknown.
    ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    /// Puts `text` on the status line.
    void report(String text) {
        progressText.set(text);
    }

    /// Projects `run` (null: asks for a run to be opened) as `request` says, cancelling the
    /// projection still running; `onFinished` gets the map on the UI thread unless a later
    /// start or [#abandon()] superseded this one.
    ///
    /// Two engine steps: the points are counted first (no vector read), then the size guard
    /// ([MapSizeEstimator#allows]) asks before a map beyond its limit, and only then the
    /// projection runs. A "no" ends the request with a status line; the map shown stays.
    void start(OpenRun run, MapRequest request, Consumer<MapLayout> onFinished) {
        if (run == null) {
            progressText.set("Open a run first: the map shows the tokens of the current run");
            return;
        }
        cancel();
        long mine = ++generation;
        String method = request.parameters().method().displayName();
        running.set(true);
        progress.set(-1);
        progressText.set("Counting the points of " + request.points().text());
        handle = tasks.run("Counting map points of " + run.label(), (engineProgress, cancel) -> {
            MapPointCount count = projector.count(run.run(), request);
            cancel.throwIfCancelled("map");
            return count;
        }, count -> {
            if (mine == generation && running.get()) {
                project(run, request, count, mine, onFinished);
            }
        }, error -> {
            if (mine == generation) {
                running.set(false);
                progress.set(0);
                failed(method, error);
            }
        });
    }

    private void project(OpenRun run, MapRequest request, MapPointCount count, long mine,
            Consumer<MapLayout> onFinished) {
        String method = request.parameters().method().displayName();
        if (!sizes.allows(request.parameters(), count)) {
            running.set(false);
            progress.set(0);
            progressText.set(method + " map of " + Formats.count(count.points()) + " points not made"
                    + (layout.getValue() == null ? "" : "; the previous map is kept"));
            return;
        }
        MapSizeEstimate estimate = sizes.estimate(request.parameters(), count);
        progressText.set("Starting " + method + " of " + Formats.count(count.points()) + " points (about "
                + estimate.expectedTime() + ")");
        MapStageTimes times = new MapStageTimes(System::nanoTime);
        ProgressListener toUi = (stage, done, total) -> uiThread.execute(() -> {
            if (mine == generation && running.get()) {
                progressText.set(stage);
                progress.set(total > 0 ? (double) done / total : -1);
            }
        });
        handle = tasks.run(method + " map of " + run.label(),
                (engineProgress, cancel) -> projector.project(count,
                        (stage, done, total) -> {
                            times.report(stage);
                            engineProgress.onProgress(stage, done, total);
                            toUi.onProgress(stage, done, total);
                        }, cancel),
                finished -> {
                    if (mine == generation) {
                        running.set(false);
                        progress.set(1);
                        progressText.set("");
                        sizes.measured(sizes.model().calibrated(request.parameters(), count.points(),
                                count.dimension(), times));
                        onFinished.accept(finished);
                    }
                },
                error -> {
                    if (mine == generation) {
                        running.set(false);
                        progress.set(0);
                        failed(method, error);
                    }
                });
    }

    /// Stops the running projection; its cancellation is reported when the engine stops.
    void cancel() {
        if (running.get() && handle != null) {
            handle.cancel();
        }
    }

    /// Stops the running projection and ignores it from now on (the run it maps was replaced).
    void abandon() {
        if (running.get() && handle != null) {
            generation++;
            handle.cancel();
            running.set(false);
        }
    }

    private void failed(String method, Throwable error) {
        if (error instanceof OperationCancelledException) {
            progressText.set(method + " cancelled"
                    + (layout.getValue() == null ? "" : "; the previous map is kept"));
            return;
        }
        progressText.set(method + " failed: " + error.getMessage());
        dialogs.showError("Could not make the " + method + " map", error);
    }
}
