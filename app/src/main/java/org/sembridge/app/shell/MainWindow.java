package org.sembridge.app.shell;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.Scene;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.Navigator;

/// The workbench's main window: a header (title, theme and presentation toggles), a navigation
/// rail with one button per [WorkbenchPage] (Ctrl+1..9), the current page in the centre, and the
/// [StatusBar] with the running task. Owns the keyboard map of the shell.
public final class MainWindow implements Navigator {

    static final String DARK_THEME_CLASS = "theme-dark";
    static final String PRESENTATION_CLASS = "presentation";

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final StatusBar statusBar;
    private final ToggleButton darkTheme = new ToggleButton("Dark");
    private final ToggleButton presentation = new ToggleButton("Present");

    public MainWindow(List<WorkbenchPage> pages, FxTaskRunner runner) {
        root.setId("mainWindow");
        root.getStyleClass().add("workbench");
        root.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("workbench.css")).toExternalForm());
        statusBar = new StatusBar(runner);
        root.setTop(header());
        root.setLeft(navigationRail(pages));
        content.setId("pageContent");
        content.getStyleClass().add("page-content");
        root.setCenter(content);
        root.setBottom(statusBar);
        if (!pages.isEmpty()) {
            navigation.getToggles().getFirst().setSelected(true);
        }
    }

    /// The scene graph root, for a `Scene`.
    public Parent root() {
        return root;
    }

    /// Installs the shell's keyboard shortcuts on `scene`.
    public void installShortcuts(Scene scene) {
        var accelerators = scene.getAccelerators();
        for (int i = 0; i < navigation.getToggles().size() && i < 9; i++) {
            ToggleButton button = (ToggleButton) navigation.getToggles().get(i);
            accelerators.put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> button.setSelected(true));
        }
        accelerators.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                darkTheme::fire);
        accelerators.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                presentation::fire);
        accelerators.put(new KeyCodeCombination(KeyCode.ESCAPE), statusBar::cancelShownTask);
    }

    @Override
    public void showPage(String pageId) {
        navigation.getToggles().stream()
                .map(ToggleButton.class::cast)
                .filter(button -> button.getId().equals("nav-" + pageId))
                .findFirst()
                .ifPresent(button -> button.setSelected(true));
    }

    /// Shows `text` in the status bar.
    public void setStatus(String text) {
        statusBar.setMessage(text);
    }

    private Node header() {
        Label title = new Label("SemBridge Workbench");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("language transfer for sparse encoders");
        subtitle.getStyleClass().add("app-subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        darkTheme.setId("darkThemeToggle");
        darkTheme.setTooltip(new Tooltip("Dark theme (Ctrl+Shift+D)"));
        darkTheme.selectedProperty().addListener((obs, was, dark) -> toggleStyleClass(DARK_THEME_CLASS, dark));
        presentation.setId("presentationToggle");
        presentation.setTooltip(new Tooltip("Presentation mode: large fonts (Ctrl+Shift+P)"));
        presentation.selectedProperty().addListener((obs, was, on) -> toggleStyleClass(PRESENTATION_CLASS, on));
        HBox header = new HBox(10, title, subtitle, spacer, darkTheme, presentation);
        header.getStyleClass().add("header");
        header.setPadding(new Insets(8, 12, 8, 12));
        return header;
    }

    private Node navigationRail(List<WorkbenchPage> pages) {
        VBox rail = new VBox(4);
        rail.setId("navigation");
        rail.getStyleClass().add("navigation");
        rail.setPadding(new Insets(10, 6, 10, 6));
        for (int i = 0; i < pages.size(); i++) {
            WorkbenchPage page = pages.get(i);
            ToggleButton button = new ToggleButton(page.title());
            button.setId("nav-" + page.id());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navigation);
            button.setTooltip(new Tooltip(page.tooltip() + (i < 9 ? " (Ctrl+" + (i + 1) + ")" : "")));
            button.getStyleClass().add("nav-button");
            button.selectedProperty().addListener((obs, was, selected) -> {
                if (selected) {
                    content.getChildren().setAll(page.view());
                }
            });
            rail.getChildren().add(button);
        }
        // Keep one page selected: clicking the selected button again must not empty the centre.
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        return rail;
    }

    private void toggleStyleClass(String styleClass, boolean on) {
        if (on) {
            root.getStyleClass().add(styleClass);
        } else {
            root.getStyleClass().remove(styleClass);
        }
    }
}
