package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
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
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TargetTokenKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The detail pane's "Copy JSON" button, headless: it puts the token's `inspect --json` document
/// on the clipboard.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TokenDetailCopyGuiTest {

    private static LoadedRun run;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private WorkbenchState state;
    private InspectorViewModel viewModel;

    @BeforeAll
    static void makeRun() {
        run = SampleRuns.korean("sembridge");
    }

    @Start
    void start(Stage stage) {
        try {
            state = new WorkbenchState(Workspace.open(Files.createTempDirectory("detail-copy-gui")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        viewModel = new InspectorViewModel(state, new DirectTaskRunner(), dialogs, InspectorViewModelTest.LEXICON);
        StackPane shell = new StackPane(new InspectorView(viewModel, state).root());
        shell.getStyleClass().add("workbench");
        shell.getStylesheets().add(Objects.requireNonNull(
                org.sembridge.app.shell.MainWindow.class.getResource("workbench.css")).toExternalForm());
        stage.setScene(new Scene(shell, 1400, 900));
        stage.show();
        state.openRun(OpenRun.of(run));
    }

    @Test
    void copyJsonPutsTheTokensInspectDocumentOnTheClipboard(FxRobot robot) throws Exception {
        String token = run.targetTokens().get(run.idsOfKind(TargetTokenKind.NEW)[2]);
        robot.interact(() -> state.selectedTokenProperty().set(token));
        WaitForAsyncUtils.waitForFxEvents();
        String expected = viewModel.detail().detailJson().orElseThrow();
        assertTrue(expected.contains("\"token\": \"" + token + "\""), expected);

        robot.clickOn("#copyDetailJson");
        WaitForAsyncUtils.waitForFxEvents();

        String pasted = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(30, TimeUnit.SECONDS);
        assertEquals(expected, pasted);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void copyJsonIsDisabledWithoutAToken(FxRobot robot) {
        robot.interact(() -> state.selectedTokenProperty().set(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#copyDetailJson").queryAs(Button.class).isDisabled());
    }
}
