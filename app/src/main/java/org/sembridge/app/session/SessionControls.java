package org.sembridge.app.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// The session controls of the workbench: the header buttons (Save, Save as…, Open…, Recent)
/// and the "Restore last session" banner shown at start when an autosave exists. Binds to a
/// [SessionViewModel]; the keyboard shortcuts are bound by the shell (`KeyMap`).
public final class SessionControls {

    private static final DateTimeFormatter SAVED_AT =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final SessionViewModel viewModel;
    private final HBox buttons;
    private final HBox banner;

    public SessionControls(SessionViewModel viewModel) {
        this.viewModel = viewModel;
        this.buttons = buildButtons();
        this.banner = buildBanner();
    }

    /// The header buttons, for the shell's header.
    public Node buttons() {
        return buttons;
    }

    /// The "Restore last session" banner; visible (and managed) only while the offer stands.
    public Node banner() {
        return banner;
    }

    /// One "Session" menu (Save, Save as…, Open…, the recent sessions), so the header stays
    /// readable in presentation mode; the keys work without opening it.
    private HBox buildButtons() {
        MenuItem save = item("saveSession", "Save (Ctrl+S)", viewModel::save);
        MenuItem saveAs = item("saveSessionAs", "Save as… (Ctrl+Shift+S)", viewModel::saveAs);
        MenuItem open = item("openSession", "Open… (Ctrl+O)", viewModel::open);
        Menu recent = new Menu("Recent");
        recent.setId("recentSessions");
        MenuButton menu = new MenuButton("Session", null, save, saveAs, open, new SeparatorMenuItem(), recent);
        menu.setId("sessionMenu");
        // Not a focus target: a focused MenuButton would consume Esc before the shell sees it.
        menu.setFocusTraversable(false);
        menu.setTooltip(new Tooltip("Save or open a session: runs, selections, bookmarks, notes, views "
                + "(Ctrl+S, Ctrl+Shift+S, Ctrl+O)"));
        menu.setOnShowing(e -> {
            viewModel.refreshRecent();
            recent.getItems().setAll(viewModel.recentSessions().stream().map(this::recentItem).toList());
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No saved sessions yet");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        menu.disableProperty().bind(viewModel.busyProperty());
        HBox box = new HBox(6, menu);
        box.setId("sessionControls");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private MenuItem recentItem(Path file) {
        MenuItem item = new MenuItem(SessionStore.nameOf(file) + "  ·  " + savedAt(file));
        item.setId("recent-" + SessionStore.nameOf(file));
        item.setOnAction(e -> viewModel.open(file));
        return item;
    }

    private HBox buildBanner() {
        Label text = new Label();
        text.setId("restoreBannerText");
        text.getStyleClass().add("session-banner-text");
        Button restore = button("restoreLastSession", "Restore last session",
                "Re-open the runs, selections, bookmarks and views of the last session");
        restore.setOnAction(e -> viewModel.restorePrevious());
        Button dismiss = button("dismissRestore", "Dismiss", "Start fresh; the last session stays in the sessions folder");
        dismiss.setOnAction(e -> viewModel.dismissPrevious());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(10, text, spacer, restore, dismiss);
        box.setId("restoreBanner");
        box.getStyleClass().add("session-banner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(viewModel.previousSessionProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        text.textProperty().bind(viewModel.previousSessionProperty().map(
                file -> "Your last session (" + savedAt(file) + ") was kept. Restore it?"));
        return box;
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private static String savedAt(Path file) {
        try {
            return SAVED_AT.format(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return "date unknown";
        }
    }
}
