package org.sembridge.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.session.SessionDialogs;
import org.sembridge.app.session.SessionStore;
import org.sembridge.app.session.SessionViewModel;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 15 item 8 (a page's shortcut works whatever has the focus, the side navigation
/// included) and the shell's text glitches of issue 12: "Re-aligning token: Re-aligning token",
/// "SaveCtrl+S", a cancel button cut to "C…", "Restored session autosave-previous".
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ShellShortcutsAndTextsGuiTest {

    private static final KeyCombination OPEN_INDEX = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ShellViewModel shell = new ShellViewModel();
    private final KeyMap keyMap = new KeyMap();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> pageKeys = new ArrayList<>();
    private FxTaskRunner runner;
    private WorkbenchState state;
    private SessionViewModel sessions;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        runner = new FxTaskRunner();
        state = new WorkbenchState(Workspace.open(Files.createTempDirectory("sembridge-shortcuts-test")));
        // a page that, like the search and runs pages, handles its keys on its root node
        VBox search = new VBox(new Label("Search page"), new Button("a control of the page"));
        search.setId("searchPage");
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (OPEN_INDEX.match(e)) {
                pageKeys.add("Ctrl+Shift+O");
                e.consume();
            } else if (START.match(e)) {
                pageKeys.add("Ctrl+Enter");
                e.consume();
            }
        });
        List<WorkbenchPage> pages = List.of(new WorkbenchPage("search", "Search", "The search page", search),
                new WorkbenchPage("runs", "Runs", "The runs page", new Label("Runs page")));
        MainWindow window = new MainWindow(pages, runner, shell, keyMap);
        List<SessionPart> parts = List.of(shell);
        SessionDialogs files = new SessionDialogs() {
            @Override
            public Optional<Path> chooseSessionToSave(Path folder, String suggestedName) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseSessionToOpen(Path folder) {
                return Optional.empty();
            }
        };
        sessions = new SessionViewModel(state.workspace().sessions(), parts, new SessionStore(), new DirectTaskRunner(),
                dialogs, files);
        window.addSessionControls(sessions);
        Scene scene = new Scene(window.root(), 1000, 700);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @Test
    void aPageShortcutWorksWhileTheSideNavigationHasTheFocus(FxRobot robot) {
        robot.interact(() -> robot.lookup("#nav-search").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#nav-search").query().isFocused(), "the side navigation has the focus");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Ctrl+Shift+O", "Ctrl+Enter"), pageKeys);
        assertTrue(robot.lookup("#nav-search").query().isFocused(), "the focus stays where it was");

        // inside the page the key reaches the page once, as before
        robot.interact(() -> robot.lookup("#searchPage .button").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Ctrl+Shift+O", "Ctrl+Enter", "Ctrl+Shift+O"), pageKeys);
    }

    @Test
    void aRunningTaskIsNamedOnceAndItsCancelButtonIsNeverCut(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch staged = new CountDownLatch(1);
        robot.interact(() -> {
            stage.setWidth(640);
            ((Label) robot.lookup("#statusMessage").query()).setText("Restored the last session with four runs, "
                    + "a map and an index: a long status message on a narrow window");
            runner.run("Re-aligning token", (progress, cancel) -> {
                staged.await(30, TimeUnit.SECONDS);
                progress.onProgress("solving", 1, 2);
                release.await(30, TimeUnit.SECONDS);
                return 1;
            }, done -> { }, error -> { });
        });
        // the label's texts are recorded on the FX thread and read from this one through a
        // thread-safe list: polling the label's property from the test thread is not guaranteed
        // to see the FX thread's writes
        Label task = robot.lookup("#taskLabel").queryAs(Label.class);
        List<String> shownTexts = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            shownTexts.add(task.getText());
            task.textProperty().addListener((obs, was, text) -> shownTexts.add(text));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownTexts.contains("Re-aligning token"));
        staged.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownTexts.contains("Re-aligning token: solving"));
        WaitForAsyncUtils.waitForFxEvents();
        Button cancel = robot.lookup("#cancelTask").queryAs(Button.class);
        Text shown = (Text) cancel.lookup(".text");
        assertEquals("Cancel", shown.getText(), "the cancel button's text at a 640-pixel window");
        release.countDown();
    }

    @Test
    void theSessionMenuShowsItsKeysReadablyAndARestoreNamesTheLastSession(FxRobot robot) throws Exception {
        MenuButton menu = robot.lookup(".menu-button").queryAs(MenuButton.class);
        MenuItem save = menu.getItems().stream().filter(item -> "saveSession".equals(item.getId())).findFirst()
                .orElseThrow();
        assertEquals("Save (Ctrl+S)", save.getText(), "a tab in a menu item's text renders as nothing: SaveCtrl+S");

        Path previous = SessionStore.fileOf(state.workspace().sessions(), SessionViewModel.PREVIOUS);
        new SessionStore().save(previous, List.of(shell));
        robot.interact(() -> {
            sessions.keepPreviousAutosave();
            sessions.restorePrevious();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#statusMessage").queryAs(Label.class).getText();
        assertEquals("Restored the last session", status);
    }
}
