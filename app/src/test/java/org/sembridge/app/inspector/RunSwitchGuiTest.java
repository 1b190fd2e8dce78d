package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.LoadedRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Switching runs on the inspector page, headless (issue 12: a modal "Could not re-align 집"
/// and a stale token under the wrong run; issue 15 item 3: every switch re-read 262,145
/// records). The page is built per test by [#page]: real runs, or runs whose figures are
/// synthetic at 262,145 rows.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RunSwitchGuiTest {

    private static final int LARGE_ROWS = 262_145;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final AtomicInteger reads = new AtomicInteger();
    private Stage stage;
    private WorkbenchState state;
    private InspectorViewModel viewModel;
    private InspectorView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /// Shows a fresh inspector page; with `largeFigures` each run's figures are a synthetic
    /// 262,145-row store (seeded by the run's label) instead of its records.
    private void page(FxRobot robot, boolean largeFigures) {
        robot.interact(() -> {
            try {
                state = new WorkbenchState(Workspace.open(Files.createTempDirectory("run-switch-gui")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RunFiguresCache.Reader reader = (run, progress, cancel) -> {
                reads.incrementAndGet();
                return largeFigures ? SyntheticFigures.of(LARGE_ROWS, run.label().hashCode())
                        : TokenFiguresLoader.load(run.run(), InspectorViewModelTest.LEXICON, progress, cancel);
            };
            viewModel = new InspectorViewModel(state, new DirectTaskRunner(), reader, dialogs);
            view = new InspectorView(viewModel, state);
            StackPane shell = new StackPane(view.root());
            shell.getStyleClass().add("workbench");
            shell.getStylesheets().add(Objects.requireNonNull(
                    org.sembridge.app.shell.MainWindow.class.getResource("workbench.css")).toExternalForm());
            stage.setScene(new Scene(shell, 1400, 900));
            stage.show();
        });
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void switchingToAnotherLanguageWithATokenSelectedAndTheSliderMovedShowsNoDialog(FxRobot robot)
            throws Exception {
        page(robot, false);
        LoadedRun korean = SampleRuns.korean("sembridge");
        LoadedRun russian = SampleRuns.of("ru", "sembridge");
        OpenRun ko = OpenRun.of(korean);
        OpenRun ru = OpenRun.of(russian);
        String token = RunSwitchTest.koreanTokenNotIn(korean, russian);
        robot.interact(() -> {
            state.openRun(ru);
            state.openRun(ko);
            state.selectedTokenProperty().set(token);
        });
        Slider slider = robot.lookup("#alphaSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(6.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#realignStatus").startsWith("re-aligned at α = 6.0"), text(robot, "#realignStatus"));
        assertEquals("in " + ko.label(), text(robot, "#detailRun"));

        robot.interact(() -> state.currentRunProperty().set(ru));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(dialogs.errors.isEmpty(), "no dialog: " + dialogs.errors);
        assertEquals(ru.label(), text(robot, "#inspectorRun"));
        assertEquals("No token selected", text(robot, "#detailToken"));
        assertEquals("", text(robot, "#detailRun"));
        assertEquals(token + " is not in " + ru.label() + "; select one of its tokens", text(robot, "#realignStatus"));
        String alpha = String.format(Locale.ROOT, "α = %.1f", russian.manifest().alpha());
        assertEquals(alpha, text(robot, "#alphaValue"));
        assertEquals(russian.manifest().alpha(), slider.getValue(), 1e-9);
        assertEquals(0, robot.lookup("#detailBars .weight-bar").queryAll().size());
        assertEquals(0, robot.lookup("#compareBars .weight-bar").queryAll().size());

        robot.interact(() -> state.currentRunProperty().set(ko));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#detailToken").startsWith(token), text(robot, "#detailToken"));
        assertEquals("in " + ko.label(), text(robot, "#detailRun"));
        assertEquals(ko.label(), text(robot, "#inspectorRun"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void switchingBetweenTwoOpenRunsOf262kRowsReadsNothingAndRepaintsSorted(FxRobot robot) {
        page(robot, true);
        OpenRun first = OpenRun.of(SampleRuns.korean("sembridge"));
        OpenRun second = OpenRun.of(SampleRuns.korean("ofa"));
        robot.interact(() -> {
            state.openRun(first);
            state.openRun(second);
            viewModel.sortBy(TokenColumn.TOP_WEIGHT, false);
        });
        robot.interact(() -> state.currentRunProperty().set(first));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, reads.get(), "each run read once on opening");
        TokenFigures firstFigures = viewModel.figuresProperty().get();
        robot.interact(() -> state.currentRunProperty().set(second));
        WaitForAsyncUtils.waitForFxEvents();
        TokenFigures secondFigures = viewModel.figuresProperty().get();

        TableView<Integer> table = view.table().node();
        long idleNanos = System.nanoTime();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(Locale.ROOT, "262k-row switch baseline: an empty command to laid-out table %.0f ms%n",
                (System.nanoTime() - idleNanos) / 1e6);
        for (int i = 0; i < 6; i++) {
            OpenRun target = i % 2 == 0 ? first : second;
            long[] nanos = new long[2];
            robot.interact(() -> {
                long startNanos = System.nanoTime();
                state.currentRunProperty().set(target);
                nanos[0] = System.nanoTime() - startNanos;
                Scene scene = stage.getScene();
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    nanos[1] = System.nanoTime() - startNanos;
                    scene.removePostLayoutPulseListener(once[0]);
                };
                scene.addPostLayoutPulseListener(once[0]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            System.out.printf(Locale.ROOT, "262k-row switch to %s: %.0f ms on the FX thread, %.0f ms to the laid-out "
                    + "page of the next pulse (%s)%n", target.label(), nanos[0] / 1e6, nanos[1] / 1e6,
                    viewModel.summaryProperty().get());
            TokenFigures shown = target == first ? firstFigures : secondFigures;
            assertEquals(shown, viewModel.figuresProperty().get());
            assertEquals(target.label(), text(robot, "#inspectorRun"));
            assertEquals(LARGE_ROWS, table.getItems().size());
            assertEquals(topWeightOrder(shown), table.getItems().subList(0, 50), "sorted at once after the switch");
        }
        assertEquals(2, reads.get(), "no switch reads a run again");
    }

    /// A timed probe on two real run folders of a 262k-vocabulary tokenizer, when
    /// `-Dsembridge.largeRuns=DIR1,DIR2` names them (skipped otherwise: no such runs ship with the
    /// repository): the reads on opening, then each switch.
    @Test
    void probeSwitchingBetweenTwoRealLargeRuns(FxRobot robot) throws Exception {
        String folders = System.getProperty("sembridge.largeRuns", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(folders.contains(","),
                "set -Dsembridge.largeRuns=DIR1,DIR2 to time switches between two real large runs");
        String[] dirs = folders.split(",");
        OpenRun first = OpenRun.of(LoadedRun.open(java.nio.file.Path.of(dirs[0])));
        OpenRun second = OpenRun.of(LoadedRun.open(java.nio.file.Path.of(dirs[1])));
        org.sembridge.app.common.FxTaskRunner runner = new org.sembridge.app.common.FxTaskRunner();
        try {
            robot.interact(() -> {
                try {
                    state = new WorkbenchState(Workspace.open(Files.createTempDirectory("run-switch-probe")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                viewModel = new InspectorViewModel(state, runner, dialogs, InspectorViewModelTest.LEXICON);
                view = new InspectorView(viewModel, state);
                stage.setScene(new Scene(view.root(), 1400, 900));
                stage.show();
            });
            for (OpenRun run : new OpenRun[] {first, second}) {
                long startNanos = System.nanoTime();
                robot.interact(() -> state.openRun(run));
                WaitForAsyncUtils.waitFor(600, java.util.concurrent.TimeUnit.SECONDS,
                        () -> viewModel.figuresRunProperty().get() == run);
                System.out.printf(Locale.ROOT, "real large run %s: %,d rows read on opening in %.1f s%n", run.label(),
                        run.run().targetSize(), (System.nanoTime() - startNanos) / 1e9);
            }
            TableView<Integer> table = view.table().node();
            for (int i = 0; i < 6; i++) {
                OpenRun target = i % 2 == 0 ? first : second;
                long[] nanos = new long[2];
                robot.interact(() -> {
                    long startNanos = System.nanoTime();
                    state.currentRunProperty().set(target);
                    nanos[0] = System.nanoTime() - startNanos;
                    Scene scene = stage.getScene();
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        nanos[1] = System.nanoTime() - startNanos;
                        scene.removePostLayoutPulseListener(once[0]);
                    };
                    scene.addPostLayoutPulseListener(once[0]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                System.out.printf(Locale.ROOT, "real large run switch to %s: %.0f ms on the FX thread, %.0f ms to the "
                        + "laid-out page of the next pulse, loading %s (%s)%n", target.label(), nanos[0] / 1e6,
                        nanos[1] / 1e6, viewModel.loadingProperty().get(), viewModel.summaryProperty().get());
                assertEquals(target, viewModel.figuresRunProperty().get());
                assertEquals(target.run().targetSize(), table.getItems().size());
            }
            assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        } finally {
            runner.close();
        }
    }

    /// The first 50 rows of `figures` by top weight, heaviest first, ties by id (an
    /// independent selection, not [RowSorter]).
    private static java.util.List<Integer> topWeightOrder(TokenFigures figures) {
        return java.util.stream.IntStream.range(0, figures.size()).boxed()
                .filter(row -> !Float.isNaN(figures.topWeight(row)))
                .sorted((a, b) -> {
                    int byWeight = Float.compare(figures.topWeight(b), figures.topWeight(a));
                    return byWeight != 0 ? byWeight : Integer.compare(a, b);
                })
                .limit(50)
                .toList();
    }
}
