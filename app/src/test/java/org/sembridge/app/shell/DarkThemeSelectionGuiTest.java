package org.sembridge.app.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.ThemeClasses;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 12: in the dark theme a selected row of a table or list that does not have the focus
/// was light grey behind near-white text. The computed colours of such a row must keep a text
/// contrast of at least 4.5:1 (WCAG AA).
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class DarkThemeSelectionGuiTest {

    private static final double MIN_CONTRAST = 4.5;

    private TableView<String> table;
    private ListView<String> list;
    private TextField elsewhere;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        list = new ListView<>();
        elsewhere = new TextField();
        TableColumn<String, String> column = new TableColumn<>("token");
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
        table.getColumns().add(column);
        table.getItems().addAll("дом", "house", "집");
        list.getItems().addAll("дом", "house", "집");
        // like the map's link list: each cell shows a Label graphic (labels take the theme's text colour)
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : new Label(item));
            }
        });
        VBox root = new VBox(8, elsewhere, table, list);
        root.getStyleClass().addAll("workbench", ThemeClasses.DARK);
        root.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("workbench.css")).toExternalForm());
        stage.setScene(new Scene(root, 600, 500));
        stage.show();
    }

    @Test
    void aSelectedRowOfAnUnfocusedTableIsReadableInTheDarkTheme(FxRobot robot) {
        robot.interact(() -> {
            table.getSelectionModel().select(1);
            list.getSelectionModel().select(1);
            elsewhere.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.isFocused() || list.isFocused(), "the table and the list must not have the focus");

        IndexedCell<?> row = selectedCell(robot, table, ".table-row-cell");
        Labeled tableCell = robot.from(row).lookup(".table-cell").queryAs(Labeled.class);
        assertReadable("table row", background(row), (Color) tableCell.getTextFill());

        IndexedCell<?> listCell = selectedCell(robot, list, ".list-cell");
        assertReadable("list cell label", background(listCell), (Color) ((Labeled) listCell.getGraphic()).getTextFill());
    }

    private static IndexedCell<?> selectedCell(FxRobot robot, Node control, String selector) {
        return robot.from(control).lookup(selector).queryAllAs(IndexedCell.class).stream()
                .filter(cell -> cell.isSelected() && cell.getIndex() == 1).findFirst()
                .orElseThrow(() -> new AssertionError("no selected " + selector));
    }

    private static Color background(Region region) {
        Background background = region.getBackground();
        assertNotNull(background, region + " has no background");
        BackgroundFill last = background.getFills().getLast();
        return (Color) last.getFill();
    }

    private static void assertReadable(String what, Color back, Color text) {
        double contrast = contrast(back, text);
        System.out.printf("dark theme, unfocused selected %s: background %s, text %s, contrast %.2f%n", what, back,
                text, contrast);
        assertTrue(contrast >= MIN_CONTRAST, what + ": contrast " + contrast + " of text " + text + " on " + back);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
