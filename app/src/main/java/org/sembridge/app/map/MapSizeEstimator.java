package org.sembridge.app.map;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.engine.projection.ProjectionParameters;

/// Map sizes before they are made (issue 15 item 5): counts the points a setting selects on
/// the current run, estimates the time from the [MapCostModel] (rates measured by the maps made
/// so far), shows both on the points control, and asks before a map of more than
/// [#CONFIRM_ABOVE_POINTS] points is made.
///
/// The preview counts on an engine thread (latest request wins) whenever the points, the
/// sources switch or the run change; a change of method or settings only recomputes the time.
final class MapSizeEstimator {

    /// Maps above this many points need the user's yes: their all-pairs passes take minutes to
    /// hours (a 300,000-point quality step alone is well over 15 minutes on a laptop).
    static final int CONFIRM_ABOVE_POINTS = 50_000;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final RunMapProjector projector;
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private MapCostModel model = MapCostModel.REFERENCE;
    private int confirmAbovePoints = CONFIRM_ABOVE_POINTS;
    private long generation;
    private Key counted;
    private MapPointCount lastCount;
    private Supplier<ProjectionParameters> parameters = () -> null;

    /// What a count depends on.
    private record Key(OpenRun run, String points, boolean withSources) {
    }

    MapSizeEstimator(TaskRunner tasks, DialogService dialogs, RunMapProjector projector) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.projector = projector;
    }

    /// The line the points control shows: points, targets + sources, method and expected time.
    ReadOnlyStringProperty preview() {
        return preview.getReadOnlyProperty();
    }

    /// The rates in use.
    MapCostModel model() {
        return model;
    }

    /// Uses the rates a finished map measured from now on.
    void measured(MapCostModel calibrated) {
        model = Objects.requireNonNull(calibrated);
        showPreview();
    }

    /// Asks before maps above `points` points (tests use small limits; the app [#CONFIRM_ABOVE_POINTS]).
    void confirmAbove(int points) {
        confirmAbovePoints = points;
    }

    /// The estimate of projecting `count` with `projection`.
    MapSizeEstimate estimate(ProjectionParameters projection, MapPointCount count) {
        return new MapSizeEstimate(count.targets(), count.sources(), projection.method(),
                model.expectedSeconds(projection, count.points(), count.dimension()));
    }

    /// Whether a map of `count` projected with `projection` may start: yes up to the limit, else
    /// the user's answer to a confirmation that states the count and the expected time.
    boolean allows(ProjectionParameters projection, MapPointCount count) {
        if (count.points() <= confirmAbovePoints) {
            return true;
        }
        MapSizeEstimate estimate = estimate(projection, count);
        return dialogs.confirm("Make a map of " + Formats.count(estimate.points()) + " points?",
                estimate.text() + ".\nMaps above " + Formats.count(confirmAbovePoints) + " points take long: their "
                        + "all-pairs distance passes grow with the square of the points (expected time from the rate "
                        + "measured on this machine). A smaller point set (e.g. top:20000) maps in seconds.",
                "Make the map");
    }

    /// Counts the points of `request` on `run` for the preview, unless the last count was for
    /// the same run, points and sources switch; the time follows `projection` (read again on
    /// every update). A `null` run clears the preview; without `mayCount` (a page visit or a run
    /// switch, which start nothing) only a count already made is shown.
    void refresh(OpenRun run, MapRequest request, Supplier<ProjectionParameters> projection, boolean mayCount) {
        parameters = projection;
        if (run == null) {
            invalid("");
            return;
        }
        Key key = new Key(run, request.points().text(), request.withSources());
        if (key.equals(counted)) {
            showPreview();
            return;
        }
        if (!mayCount) {
            invalid("");
            return;
        }
        long mine = ++generation;
        preview.set("Counting points…");
        tasks.run("Counting map points of " + run.label(), (progress, cancel) -> projector.count(run.run(), request),
                count -> {
                    if (mine == generation) {
                        counted = key;
                        lastCount = count;
                        showPreview();
                    }
                },
                error -> {
                    if (mine == generation) {
                        counted = null;
                        lastCount = null;
                        preview.set("Points: " + error.getMessage());
                    }
                });
    }

    /// Shows `message` instead of a count (the points do not parse), dropping any count running.
    void invalid(String message) {
        generation++;
        counted = null;
        lastCount = null;
        preview.set(message);
    }

    private void showPreview() {
        ProjectionParameters projection = parameters.get();
        if (lastCount == null || projection == null) {
            return;
        }
        MapSizeEstimate estimate = estimate(projection, lastCount);
        preview.set(estimate.text() + (estimate.points() > confirmAbovePoints ? " · asks before running" : ""));
    }
}
