package org.sembridge.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.ThemeClasses;
import org.sembridge.app.session.SessionDialogs;
import org.sembridge.app.session.SessionStore;
import org.sembridge.app.session.SessionViewModel;
import org.sembridge.app.session.WorkbenchStatePart;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The shell, headless: the session shortcuts write and restore a session, the shortcut
/// overlay lists the shell's and a page's shortcuts, presentation mode enlarges a page's text,
/// and the task tray lists a running task and cancels it.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {

    private final ShellViewModel shell = new ShellViewModel();
    private final KeyMap keyMap = new KeyMap();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskRunner runner;
    private WorkbenchState state;
    private MainWindow window;
    private Path nextChoice;
    private SessionViewModel sessions;

    @Start
    void start(Stage stage) throws IOException {
        runner = new FxTaskRunner();
        state = new WorkbenchState(Workspace.open(Files.createTempDirectory("sembridge-shell-test")));
        Label probe = new Label("Probe text");
        probe.setId("probeLabel");
        List<WorkbenchPage> pages = List.of(
                new WorkbenchPage("models", "Models", "The models page", probe),
                new WorkbenchPage("runs", "Runs", "The runs page", new Label("Runs page")));
        window = new MainWindow(pages, runner, shell, keyMap);
        keyMap.register("Inspector", "Ctrl+F", "Filter the token table");
        List<SessionPart> parts = new ArrayList<>(List.of(shell,
                new WorkbenchStatePart(state, new DirectTaskRunner(), dialogs, WorkbenchStatePart.defaultOpener())));
        SessionDialogs files = new SessionDialogs() {
            @Override
            public Optional<Path> chooseSessionToSave(Path folder, String suggestedName) {
                return Optional.ofNullable(nextChoice);
            }

            @Override
            public Optional<Path> chooseSessionToOpen(Path folder) {
                return Optional.ofNullable(nextChoice);
            }
        };
        sessions = new SessionViewModel(state.workspace().sessions(), parts, new SessionStore(),
                new DirectTaskRunner(), dialogs, files);
        window.addSessionControls(sessions);
        Scene scene = new Scene(window.root(), 1200, 760);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @Test
    void f11TurnsFullScreenOnAndOff(FxRobot robot) {
        Stage stage = (Stage) window.root().getScene().getWindow();
        assertFalse(stage.isFullScreen());

        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFullScreen(), "F11 turns full screen on");

        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen(), "F11 again turns it off");
    }

    @Test
    void ctrlSWritesASession(FxRobot robot) throws IOException {
        nextChoice = state.workspace().sessions().resolve("talk.session.json");
        robot.interact(() -> state.bookmarks().add("▁집"));

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(Files.isRegularFile(nextChoice));
        String saved = Files.readString(nextChoice);
        assertTrue(saved.contains(SessionStore.FORMAT) && saved.contains("▁집"), saved);
        assertTrue(robot.lookup("#statusMessage").queryAs(Label.class).getText().startsWith("Saved session talk"));
    }

    @Test
    void ctrlORestoresThemePageAndBookmarks(FxRobot robot) throws IOException {
        nextChoice = state.workspace().sessions().resolve("prepared.session.json");
        robot.interact(() -> {
            shell.darkThemeProperty().set(true);
            shell.currentPageProperty().set("runs");
            state.bookmarks().addAll(Set.of("▁집", "다"));
        });
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            shell.darkThemeProperty().set(false);
            shell.currentPageProperty().set("models");
            state.bookmarks().clear();
        });

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#darkThemeToggle").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#mainWindow").query().getStyleClass().contains(ThemeClasses.DARK));
        assertTrue(robot.lookup("#nav-runs").queryAs(ToggleButton.class).isSelected());
        assertEquals(Set.of("▁집", "다"), Set.copyOf(state.bookmarks()));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void ctrlOClearsTheRestoreLastSessionBanner(FxRobot robot) throws IOException {
        nextChoice = state.workspace().sessions().resolve("chosen.session.json");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Files.copy(nextChoice, state.workspace().sessions().resolve(SessionViewModel.AUTOSAVE + SessionStore.EXTENSION));
        robot.interact(sessions::keepPreviousAutosave);
        assertTrue(robot.lookup("#restoreBanner").query().isVisible(), "the offer is shown at start");

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(robot.lookup("#restoreBanner").query().isVisible(), "a session opened with Ctrl+O replaces the offer");
        assertTrue(robot.lookup("#statusMessage").queryAs(Label.class).getText().startsWith("Restored session chosen"),
                robot.lookup("#statusMessage").queryAs(Label.class).getText());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void f1ListsTheShellAndPageShortcuts(FxRobot robot) {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#shortcutOverlay").query().isVisible());
        Set<String> texts = robot.lookup("#shortcutTable .label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
        assertTrue(texts.containsAll(Set.of("Save the session", "Open a saved session", "Full screen on or off",
                "Presentation mode (large fonts) on or off", "Inspector", "Ctrl+F", "Filter the token table")), texts.toString());

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#shortcutOverlay").query().isVisible());
    }

    @Test
    void presentationModeRaisesTheFontSizeOfAPageLabel(FxRobot robot) {
        Label probe = robot.lookup("#probeLabel").queryAs(Label.class);
        double normal = probe.getFont().getSize();

        robot.clickOn("#presentationToggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(probe.getFont().getSize() >= normal * 1.4, normal + " -> " + probe.getFont().getSize());
        assertTrue(shell.presentationProperty().get());
    }

    @Test
    void theTaskTrayListsARunningTaskAndCancelsIt(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        robot.interact(() -> runner.run("Building a test index", (progress, cancel) -> {
            progress.onProgress("Waiting", 1, 4);
            while (!release.await(10, TimeUnit.MILLISECONDS)) {
                cancel.throwIfCancelled("the test task");
            }
            return 0;
        }, done -> { }, failures::add));
        robot.clickOn("#taskTrayToggle");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#trayTask-0").tryQuery().isPresent());

        assertEquals("Building a test index", robot.lookup("#trayTask-0").queryAs(Label.class).getText());
        robot.clickOn("#trayCancel-0");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !failures.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#taskTrayEmpty").query().isVisible());
        release.countDown();
    }
}
