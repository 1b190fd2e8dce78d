package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TargetTokenKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The inspector page, headless, on the real Korean sample run: rows, filtering, the weight bars
/// of a selected row, the live alpha slider, bookmarks, the focus chip and selection from
/// elsewhere.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class InspectorViewGuiTest {

    private static LoadedRun run;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private WorkbenchState state;
    private InspectorViewModel viewModel;
    private InspectorView view;

    @BeforeAll
    static void makeRun() {
        run = SampleRuns.korean("sembridge");
    }

    @Start
    void start(Stage stage) {
        try {
            state = new WorkbenchState(Workspace.open(Files.createTempDirectory("inspector-gui")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        viewModel = new InspectorViewModel(state, new DirectTaskRunner(), dialogs, InspectorViewModelTest.LEXICON);
        view = new InspectorView(viewModel, state);
        StackPane shell = new StackPane(view.root());
        shell.getStyleClass().add("workbench");
        shell.getStylesheets().add(Objects.requireNonNull(
                org.sembridge.app.shell.MainWindow.class.getResource("workbench.css")).toExternalForm());
        stage.setScene(new Scene(shell, 1400, 900));
        stage.show();
        state.openRun(OpenRun.of(run));
    }

    @Test
    void thePageShowsTheRunsRows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Integer> table = table(robot);
        assertEquals(run.targetSize(), table.getItems().size());
        assertTrue(visibleRows(robot).size() > 5);
        Label summary = robot.lookup("#rowSummary").queryAs(Label.class);
        String total = String.format("%,d", run.targetSize());
        assertTrue(summary.getText().startsWith(total + " of " + total + " tokens"), summary.getText());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void typingAFilterNarrowsTheRows(FxRobot robot) {
        TokenFigures figures = viewModel.figuresProperty().get();
        robot.clickOn("#tokenFilter").write("a");
        WaitForAsyncUtils.waitForFxEvents();
        long expected = IntStream.range(0, figures.size())
                .filter(row -> figures.token(row).toLowerCase(Locale.ROOT).contains("a")).count();
        assertTrue(expected > 0 && expected < figures.size(), "sample tokens containing 'a': " + expected);
        assertEquals(expected, table(robot).getItems().size());
        for (IndexedCell<?> row : visibleRows(robot)) {
            int id = (Integer) row.getItem();
            assertTrue(figures.token(id).toLowerCase(Locale.ROOT).contains("a"), figures.token(id));
        }
    }

    @Test
    void theFilterFindsTargetTokensByTheirEnglishSources(FxRobot robot) throws Exception {
        // a whole-word English source that some new token was built from
        String source = null;
        for (int id = 0; id < run.targetSize() && source == null; id++) {
            AlignmentRecord record = run.token(id);
            if (record.kind() == TargetTokenKind.NEW && !record.sources().isEmpty()
                    && record.sources().getFirst().token().matches("[a-z]{4,}")) {
                source = record.sources().getFirst().token();
            }
        }
        assertTrue(source != null, "the sample run has a new token built from an English word");
        String needle = source;
        List<Integer> expected = new java.util.ArrayList<>();
        for (int id = 0; id < run.targetSize(); id++) {
            if (run.token(id).sources().stream().limit(TokenFigures.SOURCES_KEPT)
                    .anyMatch(weight -> weight.token().toLowerCase(Locale.ROOT).contains(needle))) {
                expected.add(id);
            }
        }

        robot.clickOn("#filterInSources");
        robot.clickOn("#tokenFilter").write(needle);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(expected.isEmpty());
        assertEquals(expected, List.copyOf(table(robot).getItems()), "targets built from '" + needle + "'");
        assertTrue(viewModel.save().toString().contains("\"textInSources\":true"), "the session keeps the choice");
    }

    @Test
    void selectingARowShowsItsWeightBars(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.kindFilterProperty().set(TargetTokenKind.NEW));
        robot.interact(() -> viewModel.minSupportProperty().set(2));
        WaitForAsyncUtils.waitForFxEvents();
        IndexedCell<?> first = visibleRows(robot).getFirst();
        int id = (Integer) first.getItem();
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();

        AlignmentRecord record = run.token(id);
        assertEquals(record.token(), state.selectedTokenProperty().get());
        List<Node> bars = List.copyOf(robot.lookup("#detailBars .weight-bar").queryAll());
        assertEquals(record.support(), bars.size());
        List<String> labels = robot.lookup("#detailBars .bar-label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(record.sources().stream().map(WeightBars::barLabel).toList(), labels);
        assertTrue(labels.getFirst().matches("0\\.\\d{3} · cos -?\\d\\.\\d{3}"), labels.getFirst());
        double widest = bars.getFirst().getBoundsInLocal().getWidth();
        assertEquals(WeightBars.FULL_WIDTH * record.sources().getFirst().weight(), widest, 1.0);
        assertTrue(robot.lookup("#detailToken").queryAs(Label.class).getText().startsWith(record.token()));
    }

    @Test
    void movingTheAlphaSliderChangesTheBars(FxRobot robot) throws Exception {
        int id = InspectorViewModelTest.firstNewTokenWithSupportAtLeast(run, 2);
        robot.interact(() -> state.selectedTokenProperty().set(safeToken(id)));
        WaitForAsyncUtils.waitForFxEvents();
        int before = robot.lookup("#detailBars .weight-bar").queryAll().size();
        Slider slider = robot.lookup("#alphaSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(1.5));
        WaitForAsyncUtils.waitForFxEvents();

        AlignmentRecord wide = run.realign(id, 1.5);
        int after = robot.lookup("#detailBars .weight-bar").queryAll().size();
        assertEquals(Math.min(wide.support(), WeightBars.MAX_BARS), after);
        assertNotEquals(before, after);
        Label status = robot.lookup("#realignStatus").queryAs(Label.class);
        assertTrue(status.getText().startsWith("re-aligned at α = 1.5 in "), status.getText());
        assertEquals("α = 1.5", robot.lookup("#alphaValue").queryAs(Label.class).getText());

        robot.clickOn("#resetAlpha");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, robot.lookup("#detailBars .weight-bar").queryAll().size());
    }

    @Test
    void theSliderStartsAtTheRunsAlphaForEachTokenAndIsDisabledForACopy(FxRobot robot) throws Exception {
        int built = InspectorViewModelTest.firstNewTokenWithSupportAtLeast(run, 2);
        int copy = InspectorViewModelTest.firstCopiedToken(run);
        Slider slider = robot.lookup("#alphaSlider").queryAs(Slider.class);
        robot.interact(() -> state.selectedTokenProperty().set(safeToken(built)));
        robot.interact(() -> slider.setValue(1.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("α = 1.5", robot.lookup("#alphaValue").queryAs(Label.class).getText());

        robot.interact(() -> state.selectedTokenProperty().set(safeToken(copy)));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(run.manifest().alpha(), slider.getValue(), 1e-9);
        assertTrue(slider.isDisabled());
        String status = robot.lookup("#realignStatus").queryAs(Label.class).getText();
        assertEquals("the run's weights (copied from a source token: alpha does not apply)", status);
        assertTrue(robot.lookup("#detailToken").queryAs(Label.class).getText().startsWith(run.token(copy).token()));

        robot.interact(() -> state.selectedTokenProperty().set(safeToken(built)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(slider.isDisabled());
    }

    @Test
    void onAnOfaRunTheSliderIsDisabledAndNoAlphaIsClaimed(FxRobot robot) throws Exception {
        LoadedRun ofa = SampleRuns.korean("ofa");
        robot.interact(() -> state.openRun(OpenRun.of(ofa)));
        int id = InspectorViewModelTest.firstNewTokenWithSupportAtLeast(ofa, 2);
        String token = ofa.token(id).token();
        robot.interact(() -> state.selectedTokenProperty().set(token));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#alphaSlider").queryAs(Slider.class).isDisabled());
        assertEquals("α n/a", robot.lookup("#alphaValue").queryAs(Label.class).getText());
        assertEquals("the run's weights (ofa does not use alpha)",
                robot.lookup("#realignStatus").queryAs(Label.class).getText());
        assertEquals(Math.min(ofa.token(id).support(), WeightBars.MAX_BARS),
                robot.lookup("#detailBars .weight-bar").queryAll().size());
    }

    @Test
    void bookmarkTogglesByButtonAndCtrlB(FxRobot robot) {
        robot.interact(() -> viewModel.select(12));
        String token = state.selectedTokenProperty().get();
        robot.clickOn("#bookmarkToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(state.bookmarks().contains(token));
        ToggleButton toggle = robot.lookup("#bookmarkToggle").queryAs(ToggleButton.class);
        assertTrue(toggle.isSelected());
        assertEquals("★ Bookmarked", toggle.getText());

        robot.clickOn("#tokenNote");
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(state.bookmarks().contains(token));
        assertFalse(toggle.isSelected());
    }

    @Test
    void aSelectionFromElsewhereSelectsAndShowsTheRow(FxRobot robot) {
        int id = run.targetSize() - 10;
        robot.interact(() -> state.selectedTokenProperty().set(safeToken(id)));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Integer> table = table(robot);
        assertEquals(id, table.getSelectionModel().getSelectedItem());
        assertTrue(visibleRows(robot).stream().anyMatch(row -> Integer.valueOf(id).equals(row.getItem())),
                "row " + id + " was scrolled into view");
    }

    @Test
    void theFocusChipFiltersAndIsRemovable(FxRobot robot) {
        robot.interact(() -> state.focusProperty().set(new TokenFocus("lasso: 2 tokens",
                List.of(safeToken(100), safeToken(200)))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#focusChip").query().isVisible());
        assertEquals("focus: lasso: 2 tokens", robot.lookup("#focusLabel").queryAs(Label.class).getText());
        assertEquals(List.of(100, 200), List.copyOf(table(robot).getItems()));
        robot.clickOn("#clearFocus");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#focusChip").query().isVisible());
        assertEquals(run.targetSize(), table(robot).getItems().size());
    }

    @Test
    void exportWritesTheSelectedRows(FxRobot robot) throws Exception {
        Path file = Files.createTempDirectory("inspector-export").resolve("picked.csv");
        dialogs.nextChoice = file;
        robot.interact(() -> {
            table(robot).getSelectionModel().clearAndSelect(3);
            table(robot).getSelectionModel().select(5);
        });
        robot.clickOn("#exportCsv");
        WaitForAsyncUtils.waitForFxEvents();
        List<List<String>> lines = CsvLines.parse(Files.readString(file));
        assertEquals(List.of("3", "5"), lines.stream().skip(1).map(List::getFirst).toList());
    }

    private static String safeToken(int id) {
        try {
            return run.token(id).token();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<Integer> table(FxRobot robot) {
        return robot.lookup("#tokenTable").queryAs(TableView.class);
    }

    /// The table's non-empty row cells.
    static List<IndexedCell<?>> visibleRows(FxRobot robot) {
        return robot.lookup(".table-row-cell").queryAll().stream()
                .<IndexedCell<?>>map(node -> (IndexedCell<?>) node)
                .filter(cell -> !cell.isEmpty() && cell.getItem() != null && cell.isVisible())
                .sorted(Comparator.comparingInt(IndexedCell::getIndex))
                .toList();
    }
}
