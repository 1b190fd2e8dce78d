package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.ThemeClasses;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.projection.MapLink;
import org.sembridge.engine.projection.ProjectionMethod;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The map page, headless, on the real Korean sample run: run PCA, see the points, click one,
/// follow a selection made elsewhere, lasso and export; plus the frame time at 20,000 points.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MapViewGuiTest {

    @TempDir
    static Path workspace;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> pagesShown = new ArrayList<>();
    private WorkbenchState state;
    private MapViewModel viewModel;
    private MapView view;

    @Start
    void start(Stage stage) {
        state = new WorkbenchState(new Workspace(workspace));
        viewModel = new MapViewModel(state, new DirectTaskRunner(), dialogs, pagesShown::add, Runnable::run);
        view = new MapView(viewModel);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    private void openKoreanRunAndRunPca(FxRobot robot) {
        OpenRun run = OpenRun.of(SampleRuns.korean("sembridge"));
        robot.interact(() -> state.openRun(run));
        robot.clickOn("#mapRun");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.canvas().drawNow());
    }

    /// The screen position of map point `index`.
    private Point2D screenOf(int index) {
        ViewTransform t = viewModel.transform();
        MapLayout map = viewModel.layoutProperty().get();
        Node canvas = view.canvas().node();
        return canvas.localToScreen(t.toScreenX(map.xs()[index]), t.toScreenY(map.ys()[index]));
    }

    @Test
    void methodChooserListsEveryMethodWithItsSummaryInTheTooltip(FxRobot robot) {
        ComboBox<?> method = robot.lookup("#mapMethod").queryAs(ComboBox.class);
        assertEquals(Arrays.asList(ProjectionMethod.values()), method.getItems());
        assertEquals("PCA: linear and instant, keeps global distances. t-SNE: local neighbourhoods."
                + " UMAP: local neighbourhoods and more global shape. (Ctrl+Enter runs)",
                method.getTooltip().getText());
    }

    @Test
    void runningPcaShowsEveryPointOnTheCanvas(FxRobot robot) {
        openKoreanRunAndRunPca(robot);
        MapLayout map = viewModel.layoutProperty().get();
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
        Label summary = robot.lookup("#mapSummary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("PCA map of " + String.format("%,d", map.size()) + " points"),
                summary.getText());
        assertEquals(map.size(), view.canvas().pointsDrawn());
        assertEquals(2, robot.lookup("#mapLegend").queryAs(javafx.scene.layout.VBox.class).getChildren().size());
    }

    @Test
    void openingARunOnTheShownPageStartsNoProjectionAndSaysHowToMakeOne(FxRobot robot) {
        OpenRun run = OpenRun.of(SampleRuns.korean("sembridge"));
        robot.interact(() -> state.openRun(run));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(null, viewModel.layoutProperty().get(), "issue 15: the page started a PCA by itself");
        assertFalse(viewModel.runningProperty().get());
        assertEquals("No map of " + run.label() + " yet: choose the points and press Run (Ctrl+Enter)",
                robot.lookup("#mapSummary").queryAs(Label.class).getText());
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
    }

    @Test
    void switchingAwayAndBackShowsTheRunsMapAgainWithoutProjecting(FxRobot robot) {
        openKoreanRunAndRunPca(robot);
        OpenRun korean = state.currentRunProperty().get();
        MapLayout map = viewModel.layoutProperty().get();
        String summary = robot.lookup("#mapSummary").queryAs(Label.class).getText();
        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));
        robot.interact(() -> state.openRun(ofa));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, viewModel.layoutProperty().get());

        robot.interact(() -> state.currentRunProperty().set(korean));
        robot.interact(() -> view.canvas().drawNow());

        assertTrue(map == viewModel.layoutProperty().get(), "the same map, not a new projection");
        assertEquals(summary, robot.lookup("#mapSummary").queryAs(Label.class).getText());
        assertEquals(map.size(), view.canvas().pointsDrawn());
    }

    /// Whether point `i` is the nearest point anywhere within 2 px of its own pixel, so a robot
    /// click rounded to whole pixels cannot land on a neighbour.
    private boolean isolated(int i, double x, double y) {
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                if (viewModel.pointAt(x + dx, y + dy) != i) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void clickingAPointSelectsItsToken(FxRobot robot) {
        openKoreanRunAndRunPca(robot);
        MapLayout map = viewModel.layoutProperty().get();
        // a target point that is the nearest point under its own pixel
        int target = -1;
        for (int i = 0; i < map.targetCount() && target < 0; i++) {
            ViewTransform t = viewModel.transform();
            if (isolated(i, t.toScreenX(map.xs()[i]), t.toScreenY(map.ys()[i]))) {
                target = i;
            }
        }
        assertTrue(target >= 0, "no isolated target point");
        robot.clickOn(screenOf(target), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(map.point(target).token(), state.selectedTokenProperty().get());
        assertEquals(target, viewModel.selectedProperty().get());
    }

    @Test
    void selectingATokenElsewhereShowsItsLinks(FxRobot robot) {
        openKoreanRunAndRunPca(robot);
        MapLayout map = viewModel.layoutProperty().get();
        int target = 0;
        while (map.linksFrom(target).size() < 2) {
            target++;
        }
        String token = map.point(target).token();
        robot.interact(() -> state.selectedTokenProperty().set(token));
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> links = robot.lookup("#mapSelectedLinks").queryAs(ListView.class);
        List<MapLink> expected = map.linksFrom(target);
        assertEquals(expected.size(), links.getItems().size());
        assertEquals(map.point(expected.getFirst().toIndex()).token(), ((MapLinkRow) links.getItems().getFirst()).token());
        assertEquals(map.xs()[target], viewModel.viewportProperty().get().centreX(), 1e-6);
        assertTrue(robot.lookup("#mapSelectedToken").queryAs(Label.class).getText().startsWith(token));
    }

    @Test
    void aRestoredSessionShowsItsTsneMapWithItsLasso(FxRobot robot) {
        OpenRun run = OpenRun.of(SampleRuns.korean("sembridge"));
        robot.interact(() -> {
            state.openRun(run);
            viewModel.methodProperty().set(ProjectionMethod.TSNE);
            viewModel.iterationsProperty().set(250);
            viewModel.perplexityProperty().set(10);
            viewModel.pointsProperty().set("top:150");
        });
        robot.clickOn("#mapRun");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            double w = view.canvas().node().getBoundsInLocal().getWidth();
            double h = view.canvas().node().getBoundsInLocal().getHeight();
            viewModel.zoomAt(w / 2, h / 2, 1.5);
            // a rectangle that catches some but not all points (where they fall depends on the
            // run's bridge vectors: a t-SNE map can leave the centre empty), searched on a grid
            int all = viewModel.layoutProperty().get().size();
            for (double left = 0; left < 0.7; left += 0.1) {
                for (double top = 0; top < 0.7; top += 0.1) {
                    viewModel.lassoScreen(new double[] {w * left, w * (left + 0.4), w * (left + 0.4), w * left},
                            new double[] {h * top, h * top, h * (top + 0.4), h * (top + 0.4)});
                    int caught = viewModel.lassoTokens().size();
                    if (caught > 0 && caught < all) {
                        return;
                    }
                }
            }
        });
        List<String> lassoed = List.copyOf(viewModel.lassoTokens());
        int points = viewModel.layoutProperty().get().size();
        com.google.gson.JsonElement saved = viewModel.save();
        MapViewport savedViewport = viewModel.viewportProperty().get();
        // A later start: the map page is showing, no run is open yet, the form says PCA.
        robot.interact(() -> {
            state.currentRunProperty().set(null);
            state.runs().clear();
            viewModel.methodProperty().set(ProjectionMethod.PCA);
        });

        robot.interact(() -> {
            viewModel.restore(saved);
            state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.canvas().drawNow());

        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
        Label summary = robot.lookup("#mapSummary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("t-SNE map of " + points + " points"), summary.getText());
        assertEquals(savedViewport, viewModel.viewportProperty().get(), "the saved viewport on the remade map");
        MapLayout restored = viewModel.layoutProperty().get();
        ViewTransform t = viewModel.transform();
        Node canvas = view.canvas().node();
        long inView = java.util.stream.IntStream.range(0, restored.size()).filter(i -> {
            double x = t.toScreenX(restored.xs()[i]);
            double y = t.toScreenY(restored.ys()[i]);
            return x >= 0 && y >= 0 && x <= canvas.getBoundsInLocal().getWidth() && y <= canvas.getBoundsInLocal().getHeight();
        }).count();
        assertTrue(inView > 0, "the restored viewport shows the map's points (not '0 points')");
        assertFalse(lassoed.isEmpty() || lassoed.size() == points, "the lasso caught some points: " + lassoed.size());
        assertEquals(lassoed, viewModel.lassoTokens());
    }

    @Test
    void lassoThenExportWritesTheSelectedNames(FxRobot robot) throws Exception {
        openKoreanRunAndRunPca(robot);
        Node canvas = view.canvas().node();
        Point2D centre = canvas.localToScreen(canvas.getBoundsInLocal().getWidth() / 2,
                canvas.getBoundsInLocal().getHeight() / 2);
        robot.clickOn("#mapLassoMode");
        robot.drag(centre.add(-150, -120), MouseButton.PRIMARY)
                .moveTo(centre.add(150, -120)).moveTo(centre.add(150, 120)).moveTo(centre.add(-150, 120))
                .drop();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> selected = List.copyOf(viewModel.lassoTokens());
        assertFalse(selected.isEmpty(), "the lasso caught no point");

        Path file = workspace.resolve("lasso.txt");
        dialogs.nextChoice = file;
        // The side panel scrolls when the window is short; its lasso buttons are at the bottom.
        robot.interact(() -> robot.lookup(".map-side-scroller").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#mapExportLasso");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(selected, Files.readAllLines(file));

        robot.clickOn("#mapShowInInspector");
        assertEquals(List.of("inspector"), pagesShown);
        assertEquals(viewModel.lassoTargetTokens(), state.focusProperty().get().tokens());
    }

    @Test
    void typingInTheSearchBoxHighlightsTheMatchesAndEnterSelectsTheFirst(FxRobot robot) {
        openKoreanRunAndRunPca(robot);
        MapLayout map = viewModel.layoutProperty().get();
        // an English source token of plain letters, so the robot can type it
        String query = IntStream.range(map.targetCount(), map.size()).mapToObj(i -> map.point(i).token())
                .filter(t -> t.matches("[a-z]{4,}")).findFirst().orElseThrow();

        robot.clickOn("#mapSearch").write(query);
        WaitForAsyncUtils.waitForFxEvents();

        MapSearchResult result = viewModel.searchResultProperty().get();
        assertTrue(result.size() > 0, result.toString());
        assertEquals(result.message(), robot.lookup("#mapSearchStatus").queryAs(Label.class).getText());
        robot.interact(() -> view.canvas().drawNow());
        assertTrue(view.canvas().labelsPlaced().stream().anyMatch(p -> p.label().role() == MapLabel.Role.MATCH
                && p.label().text().equals(query)), () -> "labels: " + view.canvas().labelsPlaced());

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(result.matches()[0], viewModel.selectedProperty().get());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewModel.searchResultProperty().get().active());
    }

    @Test
    void labelsOfASelectionAndItsSourcesNeverOverlap(FxRobot robot) {
        openKoreanRunAndRunPca(robot);
        MapLayout map = viewModel.layoutProperty().get();
        int target = IntStream.range(0, map.targetCount()).boxed()
                .max(java.util.Comparator.comparingInt(i -> map.linksFrom(i).size())).orElseThrow();
        robot.interact(() -> {
            viewModel.selectPoint(target);
            viewModel.zoomAt(600, 400, 0.5);
            view.canvas().drawNow();
        });

        List<MapLabelPlacer.Placed> placed = view.canvas().labelsPlaced();
        assertEquals(MapLabel.Role.SELECTED, placed.getFirst().label().role());
        assertEquals(map.point(target).token(), placed.getFirst().label().text());
        assertTrue(placed.stream().anyMatch(p -> p.label().role() == MapLabel.Role.LINKED), placed::toString);
        for (int a = 0; a < placed.size(); a++) {
            for (int b = a + 1; b < placed.size(); b++) {
                assertFalse(placed.get(a).overlaps(placed.get(b)), placed.get(a) + " overlaps " + placed.get(b));
            }
        }
    }

    @Test
    void presentationModeDrawsLargerLabelsAndLinks(FxRobot robot) {
        openKoreanRunAndRunPca(robot);
        robot.interact(() -> {
            viewModel.selectPoint(0);
            view.canvas().drawNow();
        });
        double normal = view.canvas().labelsPlaced().getFirst().height();

        robot.interact(() -> {
            view.root().getScene().getRoot().getStyleClass().add(ThemeClasses.PRESENTATION);
            view.canvas().drawNow();
        });

        assertEquals(MapCanvas.PRESENTATION_SCALE, view.canvas().overlayScale());
        assertEquals(Math.ceil(MapTextMeasure.SELECTED_SIZE * 1.3), normal);
        assertEquals(Math.ceil(MapTextMeasure.SELECTED_SIZE * MapCanvas.PRESENTATION_SCALE * 1.3),
                view.canvas().labelsPlaced().getFirst().height());
        robot.interact(() -> view.root().getScene().getRoot().getStyleClass().remove(ThemeClasses.PRESENTATION));
    }

    @Test
    void neighboursInTheOriginalSpaceAndOnTheMapShowSideBySide(FxRobot robot) {
        openKoreanRunAndRunPca(robot);
        robot.interact(() -> viewModel.selectPoint(0));
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> original = robot.lookup("#mapOriginalNeighbours").queryAs(ListView.class);
        ListView<?> onMap = robot.lookup("#mapMapNeighbours").queryAs(ListView.class);
        assertEquals(10, original.getItems().size());
        assertEquals(10, onMap.getItems().size());
        javafx.geometry.Bounds left = original.localToScene(original.getBoundsInLocal());
        javafx.geometry.Bounds right = onMap.localToScene(onMap.getBoundsInLocal());
        assertEquals(left.getMinY(), right.getMinY(), 0.5, "same row");
        assertTrue(left.getMaxX() <= right.getMinX(), left + " left of " + right);
        assertTrue(robot.lookup("#mapNeighbourSummary").queryAs(Label.class).getText().contains("of 10 nearest"));
    }

    @Test
    void pointsControlShowsTheCountOfTheSetting(FxRobot robot) {
        OpenRun run = OpenRun.of(SampleRuns.korean("sembridge"));
        robot.interact(() -> state.openRun(run));
        robot.interact(() -> viewModel.pointsProperty().set("top:500"));
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#mapPointsEstimate").queryAs(Label.class).getText();
        assertTrue(text.contains(" points (") && text.contains(" about "), text);
    }

    /// Not an assertion on time: prints what drawing 20,000 points costs per frame on this machine.
    @Test
    void drawing20kPointsPrintsTheFrameTime(FxRobot robot) {
        MapLayout map = SyntheticMaps.random(20_000, 7);
        robot.interact(() -> viewModel.showMap(map));
        int frames = 60;
        long[] nanos = new long[frames];
        robot.interact(() -> {
            for (int f = 0; f < 40; f++) {
                view.canvas().drawNow();
            }
            for (int f = 0; f < frames; f++) {
                viewModel.zoomAt(600, 350, f % 2 == 0 ? 1.1 : 1 / 1.1);
                view.canvas().drawNow();
                nanos[f] = view.canvas().lastDrawNanos();
            }
        });
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("map frame at 20,000 points on a %.0f x %.0f canvas: median %.2f ms, max %.2f ms "
                        + "(%d frames, %d points drawn)%n", view.canvas().node().getBoundsInLocal().getWidth(),
                view.canvas().node().getBoundsInLocal().getHeight(), sorted[frames / 2] / 1e6,
                sorted[frames - 1] / 1e6, frames, view.canvas().pointsDrawn());
        long hoverStart = System.nanoTime();
        int hits = 0;
        for (int q = 0; q < 10_000; q++) {
            hits += viewModel.pointAt(q % 900, q % 600) >= 0 ? 1 : 0;
        }
        System.out.printf("hover lookup at 20,000 points: %.2f µs per query (%d hits of 10,000)%n",
                (System.nanoTime() - hoverStart) / 1e3 / 10_000, hits);
        assertEquals(20_000, map.size());
    }
}
