package org.sembridge.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.inspector.InspectorView;
import org.sembridge.app.inspector.InspectorViewModel;
import org.sembridge.app.inspector.TokenColumn;
import org.sembridge.app.inspector.TokenFigures;
import org.sembridge.app.inspector.TokenSort;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TargetTokenKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// A whole session restored as the workbench does it, headless, on real sample runs re-opened
/// from their folders by engine threads: the inspector's sort and filters come back (the table
/// built after the restore, as the app builds pages on first show), and the current run's
/// bridge vectors are read in the background, so the first alpha move does not read them.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SessionRestoreGuiTest {

    private static final Path LEXICON = SampleRuns.REPO.resolve("assets/lexicon/concepts.tsv");

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final FxTaskRunner runner = new FxTaskRunner();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1300, 850));
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @Test
    void theInspectorsSortAndFiltersAndTheAlphaSliderAreReadyAfterARestore(FxRobot robot) throws Exception {
        LoadedRun sembridge = SampleRuns.korean("sembridge");
        LoadedRun mean = SampleRuns.korean("mean");
        Path file = saveSession(sembridge, mean);

        WorkbenchState state = new WorkbenchState(Workspace.open(Files.createTempDirectory("restore-gui-later")));
        InspectorViewModel inspector = new InspectorViewModel(state, runner, dialogs, LEXICON);
        SessionViewModel sessions = new SessionViewModel(state.workspace().sessions(), parts(state, inspector, runner),
                new SessionStore(), runner, dialogs, new NoFileDialogs());
        robot.interact(() -> sessions.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state.currentRunProperty().get() != null
                && inspector.figuresRunProperty().get() == state.currentRunProperty().get()
                && !inspector.loadingProperty().get() && runner.runningTasks().isEmpty());
        robot.interact(() -> {
            StackPane shell = new StackPane(new InspectorView(inspector, state).root());
            shell.getStylesheets().add(Objects.requireNonNull(
                    org.sembridge.app.shell.MainWindow.class.getResource("workbench.css")).toExternalForm());
            stage.getScene().setRoot(shell);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(new TokenSort(TokenColumn.SUPPORT, false), inspector.sortProperty().get());
        assertEquals(TargetTokenKind.NEW, inspector.kindFilterProperty().get());
        assertEquals(2, inspector.minSupportProperty().get());
        @SuppressWarnings("unchecked")
        TableView<Integer> table = robot.lookup("#tokenTable").queryAs(TableView.class);
        assertEquals(1, table.getSortOrder().size(), "the header shows the restored sort");
        assertEquals(TableColumn.SortType.DESCENDING, table.getSortOrder().getFirst().getSortType());
        TokenFigures figures = inspector.figuresProperty().get();
        List<Integer> rows = List.copyOf(table.getItems());
        assertFalse(rows.isEmpty());
        for (int k = 1; k < rows.size(); k++) {
            assertTrue(figures.support(rows.get(k - 1)) >= figures.support(rows.get(k)),
                    "rows by support, descending, at " + k);
            assertEquals(TargetTokenKind.NEW, figures.kind(rows.get(k)));
        }
        LoadedRun current = state.currentRunProperty().get().run();
        assertEquals(sembridge.directory(), current.directory());
        assertTrue(current.isRealignPrepared(), "the current run's bridge vectors were read after the restore");
        LoadedRun other = state.runs().stream().map(OpenRun::run).filter(run -> run != current).findFirst().orElseThrow();
        assertFalse(other.isRealignPrepared(), "only the current run's (memory)");
    }

    /// A session of the two runs (the sembridge run current) with the inspector sorted by
    /// support, descending, and filtered to new tokens of support 2 or more.
    private Path saveSession(LoadedRun current, LoadedRun other) throws IOException {
        WorkbenchState state = new WorkbenchState(Workspace.open(Files.createTempDirectory("restore-gui-before")));
        state.openRun(OpenRun.of(other));
        state.openRun(OpenRun.of(current));
        InspectorViewModel inspector = new InspectorViewModel(state, new DirectTaskRunner(), dialogs, LEXICON);
        inspector.sortBy(TokenColumn.SUPPORT, false);
        inspector.kindFilterProperty().set(TargetTokenKind.NEW);
        inspector.minSupportProperty().set(2);
        Path file = state.workspace().sessions().resolve("sorted" + SessionStore.EXTENSION);
        new SessionStore().save(file, parts(state, inspector, new DirectTaskRunner()));
        return file;
    }

    private List<SessionPart> parts(WorkbenchState state, InspectorViewModel inspector,
            org.sembridge.app.common.TaskRunner tasks) {
        return new ArrayList<>(List.of(new WorkbenchStatePart(state, tasks, dialogs,
                directory -> LoadedRun.open(directory, SampleRuns.store())), inspector));
    }

    private static final class NoFileDialogs implements SessionDialogs {
        @Override
        public Optional<Path> chooseSessionToSave(Path folder, String suggestedName) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSessionToOpen(Path folder) {
            return Optional.empty();
        }
    }
}
