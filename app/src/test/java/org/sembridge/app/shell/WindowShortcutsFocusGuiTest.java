package org.sembridge.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 15 item 8: every window-level shortcut works whatever has the focus: the side
/// navigation, a text field, a note (text area), the alpha slider, a table or a chooser. Each
/// key is pressed with the focus on each kind of control the pages have.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WindowShortcutsFocusGuiTest {

    private final ShellViewModel shell = new ShellViewModel();
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner();
        TableView<String> table = new TableView<>(FXCollections.observableArrayList("▁집", "##다"));
        table.setId("focusTable");
        TableColumn<String, String> column = new TableColumn<>("token");
        column.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(cell.getValue()));
        table.getColumns().add(column);
        TextField field = new TextField();
        field.setId("focusField");
        TextArea note = new TextArea();
        note.setId("focusNote");
        Slider slider = new Slider(1, 8, 4);
        slider.setId("focusSlider");
        ComboBox<String> chooser = new ComboBox<>(FXCollections.observableArrayList("a", "b"));
        chooser.setId("focusChooser");
        VBox first = new VBox(8, new Label("First page"), field, note, slider, table, chooser);
        List<WorkbenchPage> pages = List.of(new WorkbenchPage("first", "First", "The first page", first),
                new WorkbenchPage("second", "Second", "The second page", new Label("Second page")));
        MainWindow window = new MainWindow(pages, runner, shell, new KeyMap());
        Scene scene = new Scene(window.root(), 1000, 700);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#nav-first", "#focusField", "#focusNote", "#focusSlider", "#focusTable", "#focusChooser"})
    void everyWindowShortcutWorksWhateverHasTheFocus(String focused, FxRobot robot) {
        Node owner = robot.lookup(focused).query();
        robot.interact(owner::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(owner.isFocused(), focused + " has the focus");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(shell.darkThemeProperty().get(), "Ctrl+Shift+D with the focus on " + focused);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(shell.presentationProperty().get(), "Ctrl+Shift+P with the focus on " + focused);
        Node overlay = robot.lookup("#shortcutOverlay").query();
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertTrue(overlay.isVisible(), "F1 with the focus on " + focused);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertFalse(overlay.isVisible(), "Esc closes the shortcut list, focus on " + focused);
        robot.interact(owner::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        assertTrue(overlay.isVisible(), "Ctrl+/ with the focus on " + focused);
        robot.press(KeyCode.F1).release(KeyCode.F1);
        robot.interact(owner::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("second", shell.currentPageProperty().get(), "Ctrl+2 with the focus on " + focused);
    }
}
