package org.sembridge.app.map;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The lasso of the map page: the [LassoSelection] on the shown [MapLayout] and its tokens, what
/// the user does with it (export the token names to a file, focus the inspector on its target
/// tokens), and the outline's session value (map units; the map page restores it onto the map it
/// belongs to).
///
/// Outcomes the user should read (written, nothing to export) go to the status line the page
/// passes in.
final class MapLasso {

    private static final Logger LOG = LoggerFactory.getLogger(MapLasso.class);

    private final ObservableValue<MapLayout> layout;
    private final MapViewportState camera;
    private final WorkbenchState state;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Navigator navigator;
    private final Consumer<String> status;
    private final ReadOnlyObjectWrapper<LassoSelection> lasso = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> lassoTokens = FXCollections.observableArrayList();

    /// The lasso on the map `layout` holds, with pixels mapped through `camera`; exports run
    /// through `tasks`, file choices and errors through `dialogs`, the inspector is shown through
    /// `navigator`, and outcomes are reported to `status`.
    MapLasso(ObservableValue<MapLayout> layout, MapViewportState camera, WorkbenchState state, TaskRunner tasks,
            DialogService dialogs, Navigator navigator, Consumer<String> status) {
        this.layout = layout;
        this.camera = camera;
        this.state = state;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.navigator = navigator;
        this.status = status;
    }

    /// The lasso selection; null when none.
    ReadOnlyObjectProperty<LassoSelection> selection() {
        return lasso.getReadOnlyProperty();
    }

    /// The tokens of the lasso selection, in point order.
    ObservableList<String> tokens() {
        return lassoTokens;
    }

    /// Selects the points inside the polygon through the pixels `(screenXs[k], screenYs[k])`;
    /// fewer than 3 vertices, or no map, clear the selection.
    void lassoScreen(double[] screenXs, double[] screenYs) {
        ViewTransform transform = camera.transform();
        if (transform == null || screenXs.length < 3) {
            clear();
            return;
        }
        double[] xs = new double[screenXs.length];
        double[] ys = new double[screenYs.length];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = transform.toMapX(screenXs[k]);
            ys[k] = transform.toMapY(screenYs[k]);
        }
        lassoMap(new LassoPolygon(xs, ys));
    }

    /// Selects the points inside `polygon` (map units); nothing without a map.
    void lassoMap(LassoPolygon polygon) {
        MapLayout map = layout.getValue();
        if (map == null) {
            return;
        }
        int[] indices = polygon.select(map.xs(), map.ys());
        lasso.set(new LassoSelection(polygon, indices));
        lassoTokens.setAll(Arrays.stream(indices).mapToObj(i -> map.point(i).token()).toList());
    }

    /// Clears the lasso selection.
    void clear() {
        lasso.set(null);
        lassoTokens.clear();
    }

    /// Starts a newly shown map with no lasso.
    void mapShown() {
        clear();
    }

    /// The target tokens of the lasso selection, in point order, each once.
    List<String> targetTokens() {
        MapLayout map = layout.getValue();
        LassoSelection selection = lasso.get();
        if (map == null || selection == null) {
            return List.of();
        }
        return Arrays.stream(selection.indices()).filter(map::isTarget)
                .mapToObj(i -> map.point(i).token()).distinct().toList();
    }

    /// Writes the lasso's token names, one per line, to a file the user chooses.
    void export() {
        List<String> tokens = List.copyOf(lassoTokens);
        if (tokens.isEmpty()) {
            status.accept("Nothing to export: draw a lasso first (Shift+drag)");
            return;
        }
        dialogs.chooseSaveFile("Export the selected token names", state.workspace().root(), "map-selection.txt")
                .ifPresent(file -> write(file, tokens));
    }

    private void write(Path file, List<String> tokens) {
        Consumer<Throwable> onError = error -> dialogs.showError("Could not write " + file, error);
        tasks.run("Exporting " + Formats.tokens(tokens.size()), (progress, cancel) -> {
            AtomicFiles.writeString(file, String.join("\n", tokens) + "\n");
            return file;
        }, written -> {
            LOG.info("Exported {} map tokens to {}", tokens.size(), written);
            status.accept("Wrote " + Formats.count(tokens.size()) + " tokens to " + written.getFileName());
        }, onError);
    }

    /// Focuses the inspector on the lasso's target tokens and shows it.
    void showInInspector() {
        List<String> targets = targetTokens();
        if (targets.isEmpty()) {
            status.accept("The lasso holds no target token");
            return;
        }
        state.focusProperty().set(new TokenFocus("map lasso: " + Formats.tokens(targets.size()), targets));
        navigator.showPage("inspector");
    }

    /// The lasso outline a saved session holds, `null` without one.
    LassoPolygon sessionOutline() {
        LassoSelection selection = lasso.get();
        return selection == null ? null : selection.polygon();
    }

}
