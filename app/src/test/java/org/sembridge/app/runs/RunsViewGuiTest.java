package org.sembridge.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.ReportRecordingTaskRunner;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.DeviceChoice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The runs page, headless, on the real engine and the bundled sample models: a click on Start
/// runs a transfer in the background with visible progress and log and adds it to the table;
/// the alpha slider and field stay in sync and the field refuses 9 with a visible message.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RunsViewGuiTest {

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskRunner tasks;
    private ReportRecordingTaskRunner recorded;
    private ModelsViewModel models;
    private RunsViewModel viewModel;
    private WorkbenchState state;

    @Start
    void start(Stage window) throws IOException {
        tasks = new FxTaskRunner();
        models = new ModelsViewModel(new DirectTaskRunner(), dialogs);
        models.deviceChoiceProperty().set(DeviceChoice.CPU);
        state = new WorkbenchState(Workspace.open(Files.createTempDirectory("sembridge-runs-gui")));
        recorded = new ReportRecordingTaskRunner(tasks);
        viewModel = new RunsViewModel(recorded, dialogs, state, models, SampleRuns.transfer(), Platform::runLater);
        window.setScene(new Scene(new RunsView(viewModel).root(), 1280, 820));
        window.show();
    }

    @AfterEach
    void stopEngineThreads() {
        tasks.close();
    }

    @Test
    void startWaitsForTheModelsAndSaysWhatIsMissing(FxRobot robot) {
        assertTrue(robot.lookup("#startRun").queryButton().isDisabled());
        String reason = robot.lookup("#startBlockedReason").queryAs(Label.class).getText();
        assertTrue(reason.startsWith("Load the source encoder"), reason);
        robot.interact(() -> models.loadSampleModels(SampleRuns.REPO, "ko"));
        assertFalse(robot.lookup("#startRun").queryButton().isDisabled());
        assertEquals("sembridge-a4-ko", robot.lookup("#runNameField").queryAs(TextField.class).getText());
    }

    @Test
    void clickingStartRunsASampleTransferWithProgressAndListsIt(FxRobot robot) throws TimeoutException {
        robot.interact(() -> models.loadSampleModels(SampleRuns.REPO, "ko"));
        robot.clickOn("#startRun");
        TableView<?> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        // The engine's reports, recorded as sent: the page coalesces them, so a short stage may
        // never be drawn on a busy machine; what is drawn for a count is tested in RunProgressTest.
        assertTrue(recorded.reports().stream().anyMatch(report -> report.stage().equals("aligning target tokens")
                && report.total() > 0 && report.done() > 0), recorded.reports().toString());
        ListView<?> log = robot.lookup("#runLog").queryListView();
        assertTrue(log.isVisible());
        assertTrue(log.getItems().stream().map(Object::toString).anyMatch(line -> line.endsWith("s  aligning target tokens")),
                log.getItems().toString());
        assertTrue(log.getItems().stream().map(Object::toString).anyMatch(line -> line.endsWith("s  writing the run folder")),
                log.getItems().toString());
        assertTrue(log.getItems().stream().map(Object::toString)
                .anyMatch(line -> line.startsWith("method sembridge on cpu(): 5,653 target tokens")));
        String title = robot.lookup("#runTitle").queryAs(Label.class).getText();
        assertTrue(title.startsWith("Run sembridge-a4-ko: done in "), title);
        OpenRun run = (OpenRun) table.getItems().getFirst();
        assertEquals(run, state.currentRunProperty().get());
        assertTrue(robot.lookup("#runsTable").lookup(".table-cell").queryAll().stream()
                .anyMatch(cell -> "5,653".equals(((javafx.scene.control.Labeled) cell).getText())),
                "the target-token count is shown in the table");
        assertEquals("sembridge-a4-ko-2", robot.lookup("#runNameField").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#cancelRun").queryAs(Button.class).isDisabled());
    }

    @Test
    void alphaFieldRefusesNineVisiblyAndStaysInSyncWithTheSlider(FxRobot robot) {
        TextField field = robot.lookup("#alphaField").queryAs(TextField.class);
        Slider slider = robot.lookup("#alphaSlider").queryAs(Slider.class);
        Label error = robot.lookup("#alphaError").queryAs(Label.class);
        assertFalse(error.isVisible());

        robot.interact(field::clear);
        robot.clickOn(field).write("9");
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("found 9"), error.getText());
        assertEquals(4.0, slider.getValue());

        robot.interact(field::clear);
        robot.clickOn(field).write("2.5");
        assertFalse(error.isVisible());
        assertEquals(2.5, slider.getValue());

        robot.interact(slider::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertEquals(2.6, slider.getValue(), 1e-9);
        assertEquals("2.6", field.getText());
    }

    @Test
    void alphaIsDisabledForMethodsThatDoNotReadIt(FxRobot robot) {
        robot.interact(() -> viewModel.form().methodProperty().set(MethodChoice.of("ofa")));
        assertTrue(robot.lookup("#alphaSlider").queryAs(Slider.class).isDisabled());
        assertTrue(robot.lookup("#alphaField").queryAs(TextField.class).isDisabled());
        String description = robot.lookup("#methodDescription").queryAs(Label.class).getText();
        assertTrue(description.startsWith("OFA"), description);
    }

    @Test
    void aFolderThatIsNotARunIsReportedAndNotListed(FxRobot robot) throws IOException, TimeoutException {
        Path notARun = Files.createTempDirectory("not-a-run");
        dialogs.nextChoice = notARun;
        robot.clickOn("#openRunFolder");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.getFirst().getMessage().contains(notARun.toString()));
        assertTrue(robot.lookup("#runsTable").queryTableView().getItems().isEmpty());
    }
}
