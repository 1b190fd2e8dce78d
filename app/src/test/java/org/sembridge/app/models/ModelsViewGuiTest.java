package org.sembridge.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The models page, headless, on the real engine and the bundled sample models: the cards show
/// what the user needs to see.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ModelsViewGuiTest {

    private ModelsViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new ModelsViewModel(new DirectTaskRunner(), new RecordingDialogService());
        stage.setScene(new Scene(new ModelsView(viewModel, new RecordingDialogService()).root(), 1200, 700));
        stage.show();
    }

    @Test
    void loadingTheSampleModelsFillsEveryCard(FxRobot robot) {
        robot.interact(() -> viewModel.loadSampleModels(ModelsViewModelTest.REPO, "ko"));
        WaitForAsyncUtils.waitForFxEvents();
        verifyThat("#sourceHeadline", (Label label) -> label.getText().startsWith("bert"));
        verifyThat("#targetHeadline", (Label label) -> label.getText().contains("5,653 tokens"));
        verifyThat("#bridgeHeadline", (Label label) -> label.getText().startsWith("bert"));
        Label layers = robot.lookup("#source-layers").queryAs(Label.class);
        assertTrue(layers.getText().startsWith("2 × hidden 128"), layers.getText());
    }

    @Test
    void aFailedLoadKeepsTheLoadedModelOnTheCardAndNamesTheFailure(FxRobot robot) {
        robot.interact(() -> viewModel.loadSampleModels(ModelsViewModelTest.REPO, "ko"));
        robot.interact(() -> viewModel.load(ModelRole.SOURCE, Path.of("does-not-exist")));
        WaitForAsyncUtils.waitForFxEvents();
        verifyThat("#sourceHeadline", (Label label) -> label.getText().startsWith("bert"));
        verifyThat("#sourcePath", (Label label) -> label.getText().endsWith("splade-tiny-en"));
        verifyThat("#sourceError", (Label label) -> label.isVisible() && label.getText().contains("does-not-exist")
                && label.getText().contains("Still using"));
        assertTrue(viewModel.allLoaded(), "a run can still start with the kept model");
    }

    @Test
    void eachCardsRecentMenuListsOnlyItsOwnFolders(FxRobot robot) {
        robot.interact(() -> viewModel.loadSampleModels(ModelsViewModelTest.REPO, "ko"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#targetRecent");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> items = robot.lookup("#targetRecent").queryAs(MenuButton.class).getItems().stream()
                .map(MenuItem::getText).toList();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertEquals(1, items.size(), items.toString());
        assertTrue(items.getFirst().endsWith(Path.of("tokenizers", "ko").toString()), items.toString());
    }

    @Test
    void aBrokenFolderShowsItsErrorOnTheCard(FxRobot robot) {
        robot.interact(() -> viewModel.load(ModelRole.BRIDGE, Path.of("does-not-exist")));
        WaitForAsyncUtils.waitForFxEvents();
        verifyThat("#bridgeError", (Label label) -> label.isVisible() && label.getText().contains("does-not-exist"));
    }
}
