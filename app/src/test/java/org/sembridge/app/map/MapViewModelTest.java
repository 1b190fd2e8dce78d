package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.QueuedTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.session.SessionFieldException;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.points.PointSet;
import org.sembridge.engine.projection.points.PointSetSelector;
import org.sembridge.engine.run.LoadedRun;

/// The map page's view model on the real Korean sample run, without the JavaFX toolkit.
class MapViewModelTest {

    @TempDir
    Path workspace;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private MapViewModel viewModel(WorkbenchState state, TaskRunner tasks) {
        return new MapViewModel(state, tasks, dialogs, Navigator.NONE, Runnable::run);
    }

    private WorkbenchState stateWithKoreanRun() {
        WorkbenchState state = new WorkbenchState(new Workspace(workspace));
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        return state;
    }

    @Test
    void pcaMapHasTheSelectedPointsInBothLanguages() throws Exception {
        WorkbenchState state = stateWithKoreanRun();
        MapViewModel map = viewModel(state, new DirectTaskRunner());
        map.runMap();

        LoadedRun run = SampleRuns.korean("sembridge");
        PointSet expected = new PointSetSelector(run).select(PointSetSpec.parse(MapSettings.DEFAULT_POINTS), true,
                Optional.empty());
        MapLayout layout = map.layoutProperty().get();
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
        assertNotNull(layout);
        assertEquals(ProjectionMethod.PCA, layout.map().method());
        assertEquals(expected.targetCount() + expected.sourceCount(), layout.size());
        assertEquals(expected.targetCount(), layout.targetCount());
        Set<String> languages = IntStream.range(0, layout.size()).mapToObj(i -> layout.point(i).language())
                .collect(Collectors.toSet());
        assertEquals(2, languages.size(), () -> "languages " + languages);
        assertTrue(languages.contains(RunMapProjector.SOURCE_LANGUAGE));
        assertEquals(expected.links().size(), layout.map().links().size());
    }

    @Test
    void cancellingAProjectionKeepsThePreviousMap() {
        WorkbenchState state = stateWithKoreanRun();
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        MapViewModel map = viewModel(state, tasks);
        map.runMap();
        tasks.runAll();
        MapLayout first = map.layoutProperty().get();
        assertNotNull(first);

        map.methodProperty().set(ProjectionMethod.TSNE);
        map.runMap();
        assertTrue(map.runningProperty().get());
        map.cancel();
        tasks.runAll();

        assertSame(first, map.layoutProperty().get());
        assertFalse(map.runningProperty().get());
        assertTrue(map.progressTextProperty().get().contains("cancelled"), map.progressTextProperty().get());
        assertTrue(dialogs.errors.isEmpty(), () -> "a cancel is no error: " + dialogs.errors);
    }

    @Test
    void visitingThePageStartsNoProjection() {
        WorkbenchState state = stateWithKoreanRun();
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        MapViewModel map = viewModel(state, tasks);
        map.pageShown();
        assertEquals(0, tasks.queuedCount(), "issue 15: visiting the map page started a PCA by itself");
        assertNull(map.layoutProperty().get());
        assertEquals("No map of " + state.currentRunProperty().get().label()
                + " yet: choose the points and press Run (Ctrl+Enter)", map.summaryProperty().get());
    }

    @Test
    void aCancelledMapIsNotRepeatedByAVisitOrARunSwitch() {
        WorkbenchState state = stateWithKoreanRun();
        OpenRun korean = state.currentRunProperty().get();
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        MapViewModel map = viewModel(state, tasks);
        map.pageShown();
        map.pointsProperty().set("top:300");
        map.runMap();
        map.cancel();
        tasks.runAll();
        assertNull(map.layoutProperty().get());

        map.pageHidden();
        map.pageShown();
        state.openRun(OpenRun.of(SampleRuns.korean("ofa")));
        state.currentRunProperty().set(korean);

        assertEquals(0, tasks.queuedCount(), "nothing is started again");
        assertFalse(map.runningProperty().get());
        assertNull(map.layoutProperty().get());
    }

    @Test
    void eachRunKeepsItsMapViewportAndLassoAcrossSwitches() {
        WorkbenchState state = stateWithKoreanRun();
        OpenRun korean = state.currentRunProperty().get();
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        MapViewModel map = viewModel(state, tasks);
        map.runMap();
        tasks.runAll();
        MapLayout koreanMap = map.layoutProperty().get();
        map.zoomAt(100, 100, 3);
        map.lassoScreen(new double[] {200, 600, 600, 200}, new double[] {150, 150, 450, 450});
        MapViewport viewport = map.viewportProperty().get();
        List<String> lassoed = List.copyOf(map.lassoTokens());
        assertFalse(lassoed.isEmpty());

        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));
        state.openRun(ofa);
        assertNull(map.layoutProperty().get(), "the other run has no map yet");
        assertTrue(map.lassoTokens().isEmpty());
        map.runMap();
        tasks.runAll();
        MapLayout ofaMap = map.layoutProperty().get();

        state.currentRunProperty().set(korean);
        assertEquals(0, tasks.queuedCount(), "a kept map is shown, not projected again");
        assertSame(koreanMap, map.layoutProperty().get());
        assertEquals(viewport, map.viewportProperty().get());
        assertEquals(lassoed, map.lassoTokens());
        assertEquals(koreanMap.summary(), map.summaryProperty().get());

        state.currentRunProperty().set(ofa);
        assertSame(ofaMap, map.layoutProperty().get());
        assertTrue(map.lassoTokens().isEmpty());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void invalidPointsShowTheEngineMessage() {
        MapViewModel map = viewModel(stateWithKoreanRun(), new DirectTaskRunner());
        map.pointsProperty().set("top:zero");
        map.runMap();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst().getMessage().contains("top:N needs a whole number"),
                dialogs.errors.getFirst().getMessage());
    }

    @Test
    void sessionRestoresSettingsViewportAndLasso() {
        WorkbenchState state = stateWithKoreanRun();
        MapViewModel first = viewModel(state, new DirectTaskRunner());
        first.runMap();
        first.methodProperty().set(ProjectionMethod.UMAP);
        first.neighboursProperty().set(7);
        first.colourModeProperty().set(ColourMode.KIND);
        first.zoomAt(100, 100, 3);
        first.lassoScreen(new double[] {200, 600, 600, 200}, new double[] {150, 150, 450, 450});
        JsonElement saved = first.save();

        MapViewModel second = viewModel(state, new DirectTaskRunner());
        second.restore(saved);

        assertEquals(ProjectionMethod.UMAP, second.methodProperty().get(), "the form's settings are restored");
        assertEquals(ProjectionMethod.PCA, second.layoutProperty().get().map().method(), "the map shown is remade");
        assertEquals(7, second.neighboursProperty().get());
        assertEquals(ColourMode.KIND, second.colourModeProperty().get());
        assertEquals(first.viewportProperty().get(), second.viewportProperty().get());
        assertEquals(first.lassoTokens(), second.lassoTokens());
        assertFalse(second.lassoTokens().isEmpty());
    }

    @Test
    void sessionBringsBackTheTsneMapShownWithItsLassoAndViewport() {
        WorkbenchState state = stateWithKoreanRun();
        MapViewModel first = viewModel(state, new DirectTaskRunner());
        first.methodProperty().set(ProjectionMethod.TSNE);
        first.iterationsProperty().set(250);
        first.perplexityProperty().set(10);
        first.pointsProperty().set("top:150");
        first.runMap();
        first.zoomAt(300, 200, 2);
        MapLayout tsne = first.layoutProperty().get();
        // a rectangle of the 800 x 600 canvas that catches some but not all points (where the
        // points fall depends on the run's bridge vectors, so the test looks for one)
        int[] caught = {};
        for (double left = 0; left < 800 && (caught.length == 0 || caught.length == tsne.size()); left += 100) {
            for (double top = 0; top < 600 && (caught.length == 0 || caught.length == tsne.size()); top += 100) {
                first.lassoScreen(new double[] {left, left + 300, left + 300, left},
                        new double[] {top, top, top + 250, top + 250});
                caught = first.lassoProperty().get().indices();
            }
        }
        first.methodProperty().set(ProjectionMethod.PCA);
        JsonElement saved = first.save();

        WorkbenchState later = new WorkbenchState(new Workspace(workspace));
        MapViewModel second = viewModel(later, new DirectTaskRunner());
        second.pageShown();
        second.restore(saved);
        assertEquals(null, second.layoutProperty().get(), "no map before the run is open");
        later.openRun(OpenRun.of(SampleRuns.korean("sembridge")));

        MapLayout restored = second.layoutProperty().get();
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
        assertEquals(ProjectionMethod.TSNE, restored.map().method());
        assertEquals(tsne.size(), restored.size());
        assertTrue(java.util.Arrays.equals(tsne.xs(), restored.xs()) && java.util.Arrays.equals(tsne.ys(), restored.ys()),
                "the same request remakes the same coordinates");
        assertEquals(first.viewportProperty().get(), second.viewportProperty().get());
        assertTrue(caught.length > 0 && caught.length < tsne.size(), "the lasso caught some points: " + caught.length);
        assertTrue(java.util.Arrays.equals(caught, second.lassoProperty().get().indices()));
        assertEquals(ProjectionMethod.PCA, second.methodProperty().get(), "the form keeps what was chosen after the map");
    }

    @Test
    void aMapAskedForBeforeTheRestoredOneCanBeMadeGetsNoSavedLasso() {
        WorkbenchState state = stateWithKoreanRun();
        MapViewModel first = viewModel(state, new DirectTaskRunner());
        first.methodProperty().set(ProjectionMethod.TSNE);
        first.iterationsProperty().set(250);
        first.perplexityProperty().set(10);
        first.pointsProperty().set("top:150");
        first.runMap();
        first.lassoScreen(new double[] {100, 500, 500, 100}, new double[] {100, 100, 400, 400});
        JsonElement saved = first.save();

        QueuedTaskRunner tasks = new QueuedTaskRunner();
        MapViewModel second = viewModel(state, tasks);
        second.restore(saved);
        second.methodProperty().set(ProjectionMethod.PCA);
        second.runMap();
        tasks.runAll();

        assertEquals(ProjectionMethod.PCA, second.layoutProperty().get().map().method());
        assertEquals(null, second.lassoProperty().get(), "a t-SNE outline never lands on a PCA map");
    }

    @Test
    void sessionWithWrongFieldsRestoresTheOthersAndNamesTheWrongOnes() {
        MapViewModel viewModel = viewModel(stateWithKoreanRun(), new DirectTaskRunner());
        JsonElement saved = JsonParser.parseString("""
                {"method": "NOPE", "perplexity": "high", "neighbours": 7, "seed": 123456789012345678,
                 "colourMode": "KIND", "viewport": {"centreX": 0, "zoom": 2},
                 "lasso": {"xs": [0, 1], "ys": [0, 1]}}""");

        SessionFieldException problems = assertThrows(SessionFieldException.class, () -> viewModel.restore(saved));

        assertEquals(7, viewModel.neighboursProperty().get());
        assertEquals(123456789012345678L, viewModel.seedProperty().get());
        assertEquals(ColourMode.KIND, viewModel.colourModeProperty().get());
        assertEquals(ProjectionMethod.PCA, viewModel.methodProperty().get());
        for (String field : List.of("method", "perplexity", "viewport", "lasso")) {
            assertTrue(problems.getMessage().contains(field + ": "), field + " in " + problems.getMessage());
        }
    }

    @Test
    void searchHighlightsTheMatchesFitsThemInViewAndEnterSelectsThem() {
        WorkbenchState state = stateWithKoreanRun();
        MapViewModel map = viewModel(state, new DirectTaskRunner());
        map.runMap();
        MapLayout layout = map.layoutProperty().get();
        String query = layout.point(0).token().replace("▁", "").toLowerCase(Locale.ROOT);
        int[] expected = IntStream.range(0, layout.size())
                .filter(i -> layout.point(i).token().replace("▁", "").replace("##", "").replace("Ġ", "")
                        .toLowerCase(Locale.ROOT).contains(query))
                .toArray();

        map.searchQueryProperty().set(query);

        MapSearchResult result = map.searchResultProperty().get();
        assertArrayEquals(expected, result.matches());
        ViewTransform t = map.transform();
        for (int i : result.matches()) {
            double x = t.toScreenX(layout.xs()[i]);
            double y = t.toScreenY(layout.ys()[i]);
            assertTrue(x >= -1 && x <= 801 && y >= -1 && y <= 601, "match " + i + " in view at " + x + ", " + y);
        }
        int first = map.nextSearchMatch();
        assertEquals(expected[0], first);
        assertEquals(first, map.selectedProperty().get());
        assertEquals(layout.point(first).token(), state.selectedTokenProperty().get());
    }

    @Test
    void englishSourceSearchFindsTheTargetsBuiltFromTheSource() {
        MapViewModel map = viewModel(stateWithKoreanRun(), new DirectTaskRunner());
        map.runMap();
        MapLayout layout = map.layoutProperty().get();
        int target = IntStream.range(0, layout.targetCount()).filter(i -> !layout.linksFrom(i).isEmpty())
                .findFirst().orElseThrow();
        int source = layout.linksFrom(target).getFirst().toIndex();

        map.searchModeProperty().set(MapSearchMode.SOURCE);
        map.searchQueryProperty().set(layout.point(source).token());

        MapSearchResult result = map.searchResultProperty().get();
        assertTrue(result.contains(target), () -> result + " holds target " + target);
        assertTrue(result.contains(source), () -> result + " holds source " + source);
    }

    @Test
    void invalidRegexIsAStatusLineNotADialog() {
        MapViewModel map = viewModel(stateWithKoreanRun(), new DirectTaskRunner());
        map.runMap();
        map.searchModeProperty().set(MapSearchMode.REGEX);
        map.searchQueryProperty().set("([");
        assertTrue(map.searchResultProperty().get().message().startsWith("invalid regex"));
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
    }

    @Test
    void selectedPointListsItsNearestInTheOriginalSpaceAndOnTheMap() {
        MapViewModel map = viewModel(stateWithKoreanRun(), new DirectTaskRunner());
        map.runMap();
        MapLayout layout = map.layoutProperty().get();

        map.selectPoint(0);

        List<MapNeighbourRow> onMap = map.mapNeighbours();
        List<MapNeighbourRow> original = map.originalNeighbours();
        assertEquals(10, onMap.size());
        assertEquals(10, original.size());
        // independent check of the map list: each is within the 10 nearest by a scan of the coordinates
        double[] sorted = IntStream.range(1, layout.size()).mapToDouble(j -> Math.hypot(
                layout.xs()[j] - layout.xs()[0], layout.ys()[j] - layout.ys()[0])).sorted().toArray();
        for (MapNeighbourRow row : onMap) {
            double distance = Math.hypot(layout.xs()[row.index()] - layout.xs()[0],
                    layout.ys()[row.index()] - layout.ys()[0]);
            assertTrue(distance <= sorted[9] * (1 + 1e-5) + 1e-9, row + " is not among the 10 nearest on the map");
            assertEquals(distance, row.distance(), 1e-4 * Math.max(1, distance));
        }
        Set<Integer> mapIndices = onMap.stream().map(MapNeighbourRow::index).collect(Collectors.toSet());
        long shared = original.stream().filter(row -> mapIndices.contains(row.index())).count();
        for (MapNeighbourRow row : original) {
            assertEquals(mapIndices.contains(row.index()), row.inBoth(), row.toString());
        }
        assertTrue(map.neighbourSummaryProperty().get().startsWith(shared + " of 10 nearest"),
                map.neighbourSummaryProperty().get());
        map.selectPoint(-1);
        assertTrue(map.mapNeighbours().isEmpty());
    }

    @Test
    void aMapAboveTheLimitAsksFirstAndANoKeepsThePreviousMap() {
        MapViewModel map = viewModel(stateWithKoreanRun(), new DirectTaskRunner());
        map.runMap();
        MapLayout first = map.layoutProperty().get();
        map.confirmMapsAbove(100);
        map.pointsProperty().set("top:500");

        map.runMap();

        assertSame(first, map.layoutProperty().get());
        assertFalse(map.runningProperty().get());
        assertEquals(1, dialogs.confirmations.size());
        assertTrue(map.progressTextProperty().get().contains("not made"), map.progressTextProperty().get());

        dialogs.confirmAnswer = true;
        map.runMap();

        assertEquals(2, dialogs.confirmations.size());
        MapLayout second = map.layoutProperty().get();
        assertFalse(first == second, "the confirmed map replaces the first");
        assertTrue(dialogs.confirmations.get(1).startsWith("Make a map of " + String.format(Locale.ROOT, "%,d",
                second.size()) + " points?"), dialogs.confirmations.get(1));
        assertTrue(dialogs.confirmations.get(1).contains("PCA about "), dialogs.confirmations.get(1));
    }

    @Test
    void mapsUpToTheLimitDoNotAsk() {
        MapViewModel map = viewModel(stateWithKoreanRun(), new DirectTaskRunner());
        map.runMap();
        assertNotNull(map.layoutProperty().get());
        assertTrue(dialogs.confirmations.isEmpty());
    }

    @Test
    void pointsPreviewShowsTheCountAndTheExpectedTime() throws Exception {
        WorkbenchState state = stateWithKoreanRun();
        MapViewModel map = viewModel(state, new DirectTaskRunner());
        map.pageShown();
        LoadedRun run = SampleRuns.korean("sembridge");
        PointSet expected = new PointSetSelector(run).select(PointSetSpec.parse("top:500"), true, Optional.empty());

        map.pointsProperty().set("top:500");

        String preview = map.sizePreviewProperty().get();
        assertTrue(preview.startsWith(String.format(Locale.ROOT, "%,d points (%,d targets + %,d sources) · PCA about ",
                expected.targetCount() + expected.sourceCount(), expected.targetCount(), expected.sourceCount())),
                preview);
        map.methodProperty().set(ProjectionMethod.TSNE);
        assertTrue(map.sizePreviewProperty().get().contains("t-SNE about "), map.sizePreviewProperty().get());
        map.pointsProperty().set("top:zero");
        assertTrue(map.sizePreviewProperty().get().startsWith("Points: "), map.sizePreviewProperty().get());
        assertTrue(dialogs.errors.isEmpty(), () -> "a preview shows no dialog: " + dialogs.errors);
    }

    @Test
    void eachMapReplacesTheRatesWithTheOnesItMeasured() {
        MapViewModel map = viewModel(stateWithKoreanRun(), new DirectTaskRunner());
        assertSame(MapCostModel.REFERENCE, map.costModel());
        map.runMap();
        assertNotSame(MapCostModel.REFERENCE, map.costModel(), "a finished map hands its measured rates over");
    }
}
