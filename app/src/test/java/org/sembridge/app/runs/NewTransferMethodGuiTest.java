package org.sembridge.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.transfer.baseline.TransferMethod;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// A transfer method registered with the engine (one class plus one registration line, here a
/// throwaway `zeros`) is offered by the run form's method chooser with its own description, and
/// the form asks the method, not its name, whether alpha applies. The engine side (CLI help,
/// experiment labels, `run.json`) is `NewTransferMethodTest` in the engine.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class NewTransferMethodGuiTest {

    private static final TransferMethod ZEROS = new TransferMethod("zeros", "Zeros",
            "Zeros: every new row is all zeros (a test method)", false, false,
            (alpha, seed) -> "zeros: every new row is 0",
            options -> {
                throw new UnsupportedOperationException("the chooser never makes the initializer");
            });

    private InitializerRegistry.Registration registration;
    private FxTaskRunner tasks;
    private RunsViewModel viewModel;

    @Start
    void start(Stage window) throws IOException {
        registration = InitializerRegistry.register(ZEROS);
        tasks = new FxTaskRunner();
        RecordingDialogService dialogs = new RecordingDialogService();
        ModelsViewModel models = new ModelsViewModel(new DirectTaskRunner(), dialogs);
        WorkbenchState state = new WorkbenchState(Workspace.open(Files.createTempDirectory("sembridge-new-method")));
        viewModel = new RunsViewModel(tasks, dialogs, state, models, SampleRuns.transfer(), Platform::runLater);
        window.setScene(new Scene(new RunsView(viewModel).root(), 1280, 820));
        window.show();
    }

    @AfterEach
    void unregister() {
        registration.close();
        tasks.close();
    }

    @Test
    void theChooserOffersTheRegisteredMethodWithItsDescriptionAndNoAlpha(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ChoiceBox<MethodChoice> chooser = robot.lookup("#methodChoice").queryAs(ChoiceBox.class);
        MethodChoice zeros = chooser.getItems().getLast();
        assertEquals(new MethodChoice("zeros", "Zeros: every new row is all zeros (a test method)", false, false),
                zeros);

        robot.interact(() -> chooser.setValue(zeros));

        assertEquals("Zeros: every new row is all zeros (a test method)",
                robot.lookup("#methodDescription").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#alphaSlider").queryAs(Slider.class).isDisabled());
        assertTrue(viewModel.form().defaultName().startsWith("zeros-"), viewModel.form().defaultName());
    }
}
