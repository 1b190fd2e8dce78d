package org.sembridge.app.map;

import com.google.gson.JsonElement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.session.SessionPartReader;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionSettingCatalog;
import org.sembridge.engine.projection.ProjectionParameters;

/// State and commands of the embedding-map page: the projection settings chosen before a run,
/// the running projection (progress, cancel), the finished [MapLayout], and what the user does
/// on the canvas (viewport, hover, selection, lasso) in pixel terms the view passes in.
///
/// A facade over the package-private parts that do each job: `MapSettings`, `MapProjection`,
/// `MapViewportState`, `MapSelection` and `MapLasso`. It owns the shown map and keeps the parts
/// in step when a map arrives or the current run changes.
///
/// Linked to the other pages through [WorkbenchState]: the map of the current run; a click on
/// a target point selects that token everywhere, and a token selected elsewhere is highlighted
/// and centred here; the lasso's target tokens become the [TokenFocus] the inspector shows.
///
/// Toolkit-free: tested with an inline task runner and an inline UI executor. A cancelled or
/// failed projection keeps the previous map.
public final class MapViewModel implements SessionPart {

    private final WorkbenchState state;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<MapLayout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No map yet");
    private final BooleanProperty lassoMode = new SimpleBooleanProperty();
    private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();
    private final MapSettings settings = new MapSettings();
    private final MapProjection projection;
    private final MapViewportState camera;
    private final MapSelection selection;
    private final MapLasso lasso;
    private final MapSearch search;
    private final MapNeighbourhood neighbourhood;
    private final MapSizeEstimator sizes;

    /// The last map of each open run other than the one shown, with its viewport and lasso, so a
    /// switch back shows it again instead of projecting anew.
    private final Map<OpenRun, KeptMap> keptMaps = new IdentityHashMap<>();
    private OpenRun layoutRun;
    /// Whether the page is visible: only then does the points preview count (a short select).
    private boolean shown;

    /// A map page over `state`; engine work through `tasks`, errors and file choosers through
    /// `dialogs`, page switches through `navigator`, and progress reports handed to the UI
    /// thread through `uiThread` (`Platform::runLater` in the app, `Runnable::run` in tests).
    public MapViewModel(WorkbenchState state, TaskRunner tasks, DialogService dialogs, Navigator navigator,
            Executor uiThread) {
        this(state, tasks, dialogs, navigator, uiThread, RunMapProjector.withBundledLexicon());
    }

    MapViewModel(WorkbenchState state, TaskRunner tasks, DialogService dialogs, Navigator navigator,
            Executor uiThread, RunMapProjector projector) {
        this.state = state;
        this.dialogs = dialogs;
        this.sizes = new MapSizeEstimator(tasks, dialogs, projector);
        this.projection = new MapProjection(layout, tasks, dialogs, uiThread, projector, sizes);
        this.camera = new MapViewportState(layout);
        this.selection = new MapSelection(layout, state, camera);
        this.lasso = new MapLasso(layout, camera, state, tasks, dialogs, navigator, projection::report);
        this.search = new MapSearch(layout, camera, selection);
        this.neighbourhood = new MapNeighbourhood(layout, selection.selected());
        state.currentRunProperty().addListener((obs, old, now) -> currentRunChanged());
        state.runs().addListener((ListChangeListener<OpenRun>) change -> forgetClosedRuns());
        layout.addListener((obs, old, now) -> updateLegend());
        settings.colourMode().addListener((obs, old, now) -> updateLegend());
        settings.points().addListener(o -> refreshSizePreview());
        settings.withSources().addListener(o -> refreshSizePreview());
        settings.method().addListener(o -> refreshSizePreview());
        for (var setting : settings.savedSettings()) {
            settings.setting(setting.name()).addListener(o -> refreshSizePreview());
        }
        state.currentRunProperty().addListener(o -> showKnownSizePreview());
    }

    // ---- settings chosen before a run ----

    /// The projection method of the next run; PCA by default.
    public ObjectProperty<ProjectionMethod> methodProperty() {
        return settings.method();
    }

    /// The descriptors of the projection settings (the pane builds its controls from them).
    public ProjectionSettingCatalog projectionSettings() {
        return settings.catalog();
    }

    /// The value of the projection setting named `name` (e.g. `perplexity`, `seed`): an
    /// `IntegerProperty`, `DoubleProperty` or `LongProperty` by the setting's kind.
    ///
    /// @throws IllegalArgumentException when no method has a setting of that name
    public Property<Number> settingProperty(String name) {
        return settings.setting(name);
    }

    /// t-SNE perplexity, > 1 and below (points - 1) / 3; default 30.
    public DoubleProperty perplexityProperty() {
        return settings.perplexity();
    }

    /// t-SNE iterations, >= 250; default 1000.
    public IntegerProperty iterationsProperty() {
        return settings.iterations();
    }

    /// t-SNE learning rate, > 0; default 200.
    public DoubleProperty learningRateProperty() {
        return settings.learningRate();
    }

    /// UMAP neighbours, 2 .. points - 1; default 15.
    public IntegerProperty neighboursProperty() {
        return settings.neighbours();
    }

    /// UMAP min_dist in [0, 1]; default 0.1.
    public DoubleProperty minDistProperty() {
        return settings.minDist();
    }

    /// UMAP epochs, >= 10; default 500.
    public IntegerProperty epochsProperty() {
        return settings.epochs();
    }

    /// Seed of t-SNE and UMAP; default 42.
    public LongProperty seedProperty() {
        return settings.seed();
    }

    /// The engine's point-set spec: `top:N`, `lexicon`, `tokens:a,b`, `pattern:RE`, `token:X`.
    public StringProperty pointsProperty() {
        return settings.points();
    }

    /// Whether the targets bring the source tokens they were built from (links).
    public BooleanProperty withSourcesProperty() {
        return settings.withSources();
    }

    /// The parameters the settings describe for the chosen method.
    public ProjectionParameters parameters() {
        return settings.parameters();
    }

    // ---- the projection ----

    /// The finished map; null until the first one is made.
    public ReadOnlyObjectProperty<MapLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /// Whether a projection is running.
    public ReadOnlyBooleanProperty runningProperty() {
        return projection.running();
    }

    /// The running projection's stage, or what happened to the last one.
    public ReadOnlyStringProperty progressTextProperty() {
        return projection.progressText();
    }

    /// The running stage's progress in [0, 1], or -1 when unknown.
    public ReadOnlyDoubleProperty progressProperty() {
        return projection.progress();
    }

    /// One line about the map shown: method, points, quality, time.
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /// Projects the current run with the chosen settings; a projection still running is
    /// cancelled first (the latest request wins).
    public void runMap() {
        start(settings.parameters());
    }

    /// Stops the running projection; the map shown stays.
    public void cancel() {
        projection.cancel();
    }

    /// Called when the page becomes visible. Starts nothing (issue 15: visiting the page started a
    /// PCA of the last point setting, even a 300,000-point one that had been cancelled): without
    /// a map, the summary says how to make one.
    public void pageShown() {
        shown = true;
        showKnownSizePreview();
        if (layout.get() == null) {
            summary.set(noMapYet());
        }
    }

    /// Called when another page replaces this one: the points preview stops counting.
    public void pageHidden() {
        shown = false;
    }

    /// Shows `finished` as if a projection of the current run had just made it (tests and
    /// measurements on synthetic maps).
    void showMap(MapLayout finished) {
        show(finished, state.currentRunProperty().get());
    }

    private String noMapYet() {
        OpenRun run = state.currentRunProperty().get();
        return run == null ? "No map yet: open a run first"
                : "No map of " + run.label() + " yet: choose the points and press Run (Ctrl+Enter)";
    }

    private void start(ProjectionParameters parameters) {
        MapRequest request;
        try {
            request = settings.request(parameters);
        } catch (InputFormatException e) {
            dialogs.showError("Invalid points", e);
            return;
        }
        OpenRun run = state.currentRunProperty().get();
        projection.start(run, request, finished -> show(finished, run));
    }

    private void show(MapLayout finished, OpenRun run) {
        layout.set(finished);
        layoutRun = run;
        summary.set(finished.summary());
        camera.mapShown(finished);
        selection.hover(-1);
        lasso.mapShown();
        selection.mapShown(finished);
    }

    /// Keeps the map shown for its run and shows the new current run's kept map, if any; a
    /// projection still running is abandoned (it is not repeated later) and nothing new starts.
    private void currentRunChanged() {
        OpenRun now = state.currentRunProperty().get();
        if (now == layoutRun) {
            return;
        }
        if (layoutRun != null && layout.get() != null && state.runs().contains(layoutRun)) {
            keptMaps.put(layoutRun, new KeptMap(layout.get(), camera.sessionViewport(), lasso.sessionOutline()));
        }
        projection.abandon();
        projection.report("");
        selection.selectOnly(-1);
        selection.hover(-1);
        lasso.clear();
        KeptMap kept = now == null ? null : keptMaps.remove(now);
        if (kept != null) {
            camera.restore(kept.viewport());
            lasso.restore(kept.lasso());
            show(kept.layout(), now);
            return;
        }
        layout.set(null);
        layoutRun = null;
        summary.set(noMapYet());
    }

    private void forgetClosedRuns() {
        Set<OpenRun> open = Collections.newSetFromMap(new IdentityHashMap<>());
        open.addAll(state.runs());
        keptMaps.keySet().retainAll(open);
    }

    /// A run's map put aside while another run is current.
    private record KeptMap(MapLayout layout, MapViewport viewport, LassoPolygon lasso) {
    }

    // ---- the canvas: viewport, hover, selection ----

    /// The legend of the current colour mode: one entry per category with its point count.
    public ObservableList<LegendEntry> legend() {
        return legend;
    }

    private void updateLegend() {
        MapLayout map = layout.get();
        if (map == null) {
            legend.clear();
        } else {
            legend.setAll(LegendEntry.of(map, settings.colourMode().get()));
        }
    }

    /// What part of the map shows; the view redraws when it changes.
    public ObjectProperty<MapViewport> viewportProperty() {
        return camera.viewport();
    }

    /// Whether points are coloured by language or by kind.
    public ObjectProperty<ColourMode> colourModeProperty() {
        return settings.colourMode();
    }

    /// Whether a plain drag draws a lasso instead of panning (Shift+drag always lassos).
    public BooleanProperty lassoModeProperty() {
        return lassoMode;
    }

    /// The point under the pointer, or -1.
    public ReadOnlyIntegerProperty hoveredProperty() {
        return selection.hovered();
    }

    /// The selected point, or -1.
    public ReadOnlyIntegerProperty selectedProperty() {
        return selection.selected();
    }

    /// The selected point's links: to its sources (a target) or from the targets built from it
    /// (a source), heaviest first.
    public ObservableList<MapLinkRow> selectedLinks() {
        return selection.selectedLinks();
    }

    /// Tells the view model the canvas size in pixels (the view calls it on every resize).
    public void setCanvasSize(double width, double height) {
        camera.setCanvasSize(width, height);
    }

    /// The pixel mapping of the current viewport on the current canvas; null without a map.
    public ViewTransform transform() {
        return camera.transform();
    }

    /// Shows the whole map (key 0).
    public void resetView() {
        camera.reset();
    }

    /// Zooms by `factor` (> 1 zooms in) around the pixel `(screenX, screenY)`.
    public void zoomAt(double screenX, double screenY, double factor) {
        camera.zoomAt(screenX, screenY, factor);
    }

    /// Zooms for a wheel turn of `deltaY` pixels (positive: away from the user, zoom in).
    public void zoomByWheel(double screenX, double screenY, double deltaY) {
        camera.zoomByWheel(screenX, screenY, deltaY);
    }

    /// Moves the map with a drag of `(dx, dy)` pixels.
    public void panBy(double dx, double dy) {
        camera.panBy(dx, dy);
    }

    /// The point within 8 pixels (`MapViewportState.PICK_RADIUS_PIXELS`) of the pixel
    /// `(screenX, screenY)`, nearest first, or -1; from the spatial grid, not a scan.
    public int pointAt(double screenX, double screenY) {
        return camera.pointAt(screenX, screenY);
    }

    /// Updates the hovered point for the pointer at `(screenX, screenY)`.
    public void hoverAt(double screenX, double screenY) {
        selection.hover(camera.pointAt(screenX, screenY));
    }

    /// Ends hovering (the pointer left the canvas).
    public void hoverNone() {
        selection.hover(-1);
    }

    /// The hover text of point `i`: token, language and kind, e.g. `▁집 · ko target · new`.
    public String describePoint(int i) {
        return selection.describePoint(i);
    }

    /// Selects the point at the pixel `(screenX, screenY)`, or clears the selection over empty
    /// space.
    public void clickAt(double screenX, double screenY) {
        selection.selectPoint(camera.pointAt(screenX, screenY));
    }

    /// Selects point `i` (-1 clears); a target point becomes the workbench's selected token.
    public void selectPoint(int i) {
        selection.selectPoint(i);
    }

    // ---- search ----

    /// The search box's text (token text, regex or English source by [#searchModeProperty()]);
    /// blank: no search. A query that finds points highlights them and fits the view to them.
    public StringProperty searchQueryProperty() {
        return search.query();
    }

    /// How the search box reads its text; token text by default.
    public ObjectProperty<MapSearchMode> searchModeProperty() {
        return search.mode();
    }

    /// What the search finds on the shown map (the canvas dims everything else).
    public ReadOnlyObjectProperty<MapSearchResult> searchResultProperty() {
        return search.result();
    }

    /// Selects the next search match (wrapping round) and centres it (Enter in the search box);
    /// tells which point, or -1 when nothing matches.
    public int nextSearchMatch() {
        return search.next();
    }

    /// Clears the search (Esc in the search box).
    public void clearSearch() {
        search.clear();
    }

    // ---- neighbours ----

    /// The selected point's nearest neighbours by distance between the original vectors, nearest
    /// first; each row says whether it is also a map neighbour.
    public ObservableList<MapNeighbourRow> originalNeighbours() {
        return neighbourhood.original();
    }

    /// The selected point's nearest neighbours on the map, nearest first; each row says whether it
    /// is also an original neighbour.
    public ObservableList<MapNeighbourRow> mapNeighbours() {
        return neighbourhood.onMap();
    }

    /// One line comparing the two neighbour lists, e.g. `6 of 10 nearest in the original space
    /// are also among the 10 nearest on the map`.
    public ReadOnlyStringProperty neighbourSummaryProperty() {
        return neighbourhood.summary();
    }

    // ---- map size ----

    /// How many points the chosen points setting makes on the current run and the expected time
    /// of the chosen method (counted off the UI thread as the settings change).
    public ReadOnlyStringProperty sizePreviewProperty() {
        return sizes.preview();
    }

    /// Asks before maps of more than `points` points ([MapSizeEstimator#CONFIRM_ABOVE_POINTS]
    /// unless changed; tests use small limits on the sample runs).
    void confirmMapsAbove(int points) {
        sizes.confirmAbove(points);
    }

    /// The rates the expected times come from (tests and measurements).
    MapCostModel costModel() {
        return sizes.model();
    }

    private void refreshSizePreview() {
        updateSizePreview(true);
    }

    /// A visit or a run switch starts nothing (issue 15): it shows a count already made, if any.
    private void showKnownSizePreview() {
        updateSizePreview(false);
    }

    private void updateSizePreview(boolean mayCount) {
        OpenRun run = state.currentRunProperty().get();
        if (!shown || run == null) {
            return;
        }
        try {
            sizes.refresh(run, settings.request(settings.parameters()), settings::parameters, mayCount);
        } catch (InputFormatException e) {
            sizes.invalid("Points: " + e.getMessage());
        }
    }

    // ---- lasso ----

    /// The lasso selection; null when none.
    public ReadOnlyObjectProperty<LassoSelection> lassoProperty() {
        return lasso.selection();
    }

    /// The tokens of the lasso selection, in point order.
    public ObservableList<String> lassoTokens() {
        return lasso.tokens();
    }

    /// Selects the points inside the polygon drawn through the pixels `(screenXs[k], screenYs[k])`;
    /// fewer than 3 vertices clear the selection.
    public void lassoScreen(double[] screenXs, double[] screenYs) {
        lasso.lassoScreen(screenXs, screenYs);
    }

    /// Selects the points inside `polygon` (map units).
    public void lassoMap(LassoPolygon polygon) {
        lasso.lassoMap(polygon);
    }

    /// Clears the lasso selection.
    public void clearLasso() {
        lasso.clear();
    }

    /// The target tokens of the lasso selection, in point order, each once.
    public List<String> lassoTargetTokens() {
        return lasso.targetTokens();
    }

    /// Writes the lasso's token names, one per line, to a file the user chooses.
    public void exportLasso() {
        lasso.export();
    }

    /// Focuses the inspector on the lasso's target tokens and shows it.
    public void showLassoInInspector() {
        lasso.showInInspector();
    }

    // ---- session ----

    @Override
    public String key() {
        return MapSessionState.KEY;
    }

    @Override
    public JsonElement save() {
        MapSessionState saved = settings.sessionState();
        return new MapSessionState(saved.method(), saved.parameters(), saved.points(), saved.withSources(),
                saved.colourMode(), camera.sessionViewport(), lasso.sessionOutline()).toJson();
    }

    /// Restores the settings at once; the viewport and the lasso outline (map units: the same
    /// settings give the same map, so it catches the same points) apply to the next map made.
    ///
    /// @throws org.sembridge.app.session.SessionFieldException naming every member of the wrong
    ///     type or out of range, after restoring all the others
    @Override
    public void restore(JsonElement saved) {
        SessionPartReader fields = new SessionPartReader(saved);
        MapSessionState state = MapSessionState.fromJson(saved, fields, settings.savedSettings());
        settings.restore(state);
        camera.restore(state.viewport());
        lasso.restore(state.lasso());
        fields.finish();
    }
}
