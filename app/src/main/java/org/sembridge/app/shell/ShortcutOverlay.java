package org.sembridge.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// The keyboard-shortcut overlay (F1 or Ctrl+/): a dimmed layer over the window with a card
/// listing every entry of the [KeyMap], grouped by scope (the shell first, then each page).
/// Esc, the close button or a click beside the card closes it.
final class ShortcutOverlay extends StackPane {

    private final GridPane table = new GridPane();

    ShortcutOverlay(KeyMap keyMap) {
        setId("shortcutOverlay");
        getStyleClass().add("shortcut-backdrop");
        setVisible(false);
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("page-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setId("closeShortcuts");
        close.setTooltip(new Tooltip("Close this list (Esc, F1)"));
        close.setOnAction(e -> setVisible(false));
        HBox heading = new HBox(10, title, spacer, close);
        heading.setAlignment(Pos.CENTER_LEFT);
        table.setId("shortcutTable");
        table.setHgap(24);
        table.setVgap(4);
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("shortcut-scroll");
        VBox card = new VBox(12, heading, scroll);
        card.getStyleClass().addAll("card", "shortcut-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> e.consume());
        getChildren().add(card);
        setOnMouseClicked(e -> setVisible(false));
        keyMap.entries().addListener((ListChangeListener<Shortcut>) change -> fill(keyMap.entries()));
        fill(keyMap.entries());
    }

    /// Shows the overlay when hidden, hides it when shown.
    void toggle() {
        setVisible(!isVisible());
    }

    private void fill(List<Shortcut> entries) {
        Map<String, List<Shortcut>> byScope = new LinkedHashMap<>();
        byScope.put(KeyMap.WORKBENCH, new ArrayList<>());
        entries.forEach(entry -> byScope.computeIfAbsent(entry.scope(), scope -> new ArrayList<>()).add(entry));
        table.getChildren().clear();
        int row = 0;
        for (var scope : byScope.entrySet()) {
            if (scope.getValue().isEmpty()) {
                continue;
            }
            Label heading = new Label(scope.getKey());
            heading.getStyleClass().add("shortcut-scope");
            table.add(heading, 0, row++, 2, 1);
            for (Shortcut shortcut : scope.getValue()) {
                Label keys = new Label(shortcut.keys());
                keys.getStyleClass().add("shortcut-keys");
                Label description = new Label(shortcut.description());
                description.getStyleClass().add("shortcut-description");
                table.addRow(row++, keys, description);
            }
        }
    }
}
