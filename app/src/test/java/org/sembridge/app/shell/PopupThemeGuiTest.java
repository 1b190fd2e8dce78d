package org.sembridge.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 12 item 2: tooltips, context menus, menus, combo-box lists and the F1 shortcut list
/// follow the dark theme and presentation mode's font. Popups are windows of their own with
/// scenes of their own, a common reason they keep modena's light look and 13 px text: each is
/// opened here in the real shell, presenting and dark, and its computed font size and its
/// background and text colours are read from the popup's own nodes.
///
/// Expected values come from `workbench.css`: presentation mode's 19 px below 1,600 px of width
/// (modena draws tooltips at 0.85 em, so at least 16 px there) and the dark theme's surface
/// `#1f232b` behind the text; the text must be lighter with WCAG AA contrast (4.5:1).
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PopupThemeGuiTest {

    private static final Color DARK_SURFACE = Color.web("#1f232b");
    private static final double PRESENTATION_FONT_PX = 19;
    private static final double TOOLTIP_FONT_PX = 16;

    private final ShellViewModel shell = new ShellViewModel();
    private FxTaskRunner runner;
    private Button hovered;
    private MenuButton menu;
    private TextField field;
    private ComboBox<String> chooser;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner();
        hovered = new Button("Hover me");
        hovered.setId("hovered");
        hovered.setTooltip(new Tooltip("A tooltip in the theme's colours and the presentation font"));
        menu = new MenuButton("Recent", null, new MenuItem("/models/splade-tiny-en"), new MenuItem("/models/ko"));
        menu.setId("menu");
        field = new TextField("a field with the standard context menu");
        field.setId("field");
        chooser = new ComboBox<>(FXCollections.observableArrayList("t-SNE", "PCA", "UMAP"));
        chooser.setId("chooser");
        VBox page = new VBox(12, new Label("Popups"), hovered, menu, field, chooser);
        MainWindow window = new MainWindow(List.of(new WorkbenchPage("popups", "Popups", "Popups", page)), runner,
                shell, new KeyMap());
        Scene scene = new Scene(window.root(), 1000, 700);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        shell.presentationProperty().set(true);
        shell.darkThemeProperty().set(true);
    }

    @AfterEach
    void closePopups() {
        new FxRobot().interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(PopupWindow.class::isInstance).forEach(Window::hide));
        runner.close();
    }

    @Test
    void aTooltipFollowsTheDarkThemeAndThePresentationFont(FxRobot robot) throws TimeoutException {
        robot.moveTo(hovered);
        Tooltip tooltip = hovered.getTooltip();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, tooltip::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            checkText("tooltip", (Labeled) tooltip.getSkin().getNode(), TOOLTIP_FONT_PX, problems);
            checkBackground("tooltip", popupBackground(tooltip.getScene().getRoot()), problems);
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void aMenuButtonsMenuFollowsTheDarkThemeAndThePresentationFont(FxRobot robot) {
        robot.clickOn(menu);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(menu.isShowing(), "the menu opened");
        List<String> problems = new ArrayList<>();
        robot.interact(() -> problems.addAll(contextMenuProblems("menu")));
        assertEquals(List.of(), problems);
    }

    @Test
    void aTextFieldsContextMenuFollowsTheDarkThemeAndThePresentationFont(FxRobot robot) {
        robot.rightClickOn(field);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> problems.addAll(contextMenuProblems("text field context menu")));
        assertEquals(List.of(), problems);
    }

    @Test
    void aComboBoxListFollowsTheDarkThemeAndThePresentationFont(FxRobot robot) {
        robot.clickOn(chooser);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chooser.isShowing(), "the list opened");
        List<String> problems = new ArrayList<>();
        List<Integer> cellCount = new ArrayList<>();
        robot.interact(() -> {
            List<Labeled> cells = shownPopupRoot().lookupAll(".list-cell").stream()
                    .filter(Labeled.class::isInstance).map(Labeled.class::cast)
                    .filter(cell -> cell.getText() != null && !cell.getText().isEmpty()).toList();
            cellCount.add(cells.size());
            for (Labeled cell : cells) {
                checkText("list cell '" + cell.getText() + "'", cell, PRESENTATION_FONT_PX, problems);
                if (!cell.isHover()) {
                    checkBackground("list cell '" + cell.getText() + "'", cell, problems);
                }
            }
        });
        assertEquals(List.of(3), cellCount, "one cell per choice");
        assertEquals(List.of(), problems);
    }

    @Test
    void theShortcutListFollowsTheDarkThemeAndThePresentationFont(FxRobot robot) {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Node overlay = robot.lookup("#shortcutOverlay").query();
        assertTrue(overlay.isVisible(), "F1 shows the shortcut list");
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            checkBackground("shortcut card", (Region) overlay.lookup(".shortcut-card"), problems);
            checkText("shortcut description", (Labeled) overlay.lookup(".shortcut-description"), PRESENTATION_FONT_PX,
                    problems);
            checkText("shortcut keys", (Labeled) overlay.lookup(".shortcut-keys"), PRESENTATION_FONT_PX, problems);
        });
        assertEquals(List.of(), problems);
    }

    private static List<String> contextMenuProblems(String what) {
        Parent popup = shownPopupRoot();
        // the popup's bridge and the menu's content both carry `context-menu`; the content draws
        Region menuRegion = popup.lookupAll(".context-menu").stream()
                .filter(Region.class::isInstance).map(Region.class::cast)
                .filter(region -> region.getBackground() != null && !region.getBackground().isEmpty())
                .findFirst().orElse(null);
        assertNotNull(menuRegion, what + ": the menu's region with a background");
        List<String> problems = new ArrayList<>();
        checkBackground(what, menuRegion, problems);
        List<Labeled> labels = popup.lookupAll(".menu-item .label").stream()
                .filter(Labeled.class::isInstance).map(Labeled.class::cast)
                .filter(label -> label.getText() != null && !label.getText().isEmpty()).toList();
        assertFalse(labels.isEmpty(), what + ": menu items");
        for (Labeled label : labels) {
            if (!label.isDisabled()) {
                checkText(what + " item '" + label.getText() + "'", label, PRESENTATION_FONT_PX, problems);
            }
        }
        return problems;
    }

    /// The root of the one popup window showing.
    private static Parent shownPopupRoot() {
        List<Window> popups = Window.getWindows().stream()
                .filter(window -> window instanceof PopupWindow && window.isShowing()).toList();
        assertEquals(1, popups.size(), "one popup shows: " + popups);
        return popups.getFirst().getScene().getRoot();
    }

    /// The region drawn behind a popup's text: the first region under `root` with a background.
    private static Region popupBackground(Parent root) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        return nodes.stream().filter(Region.class::isInstance).map(Region.class::cast)
                .filter(region -> region.getBackground() != null && !region.getBackground().isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no region with a background in the popup"));
    }

    private static void collect(Node node, List<Node> nodes) {
        nodes.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, nodes));
        }
    }

    /// The text's font is at least `minimumFontPx`, and its colour is light on the dark surface
    /// with at least WCAG AA's 4.5:1 contrast (modena computes cell text from the background, so
    /// it is checked by contrast, not by one value).
    private static void checkText(String what, Labeled labeled, double minimumFontPx, List<String> problems) {
        double size = labeled.getFont().getSize();
        if (size < minimumFontPx - 0.01) {
            problems.add(what + ": font " + size + " px, expected at least " + minimumFontPx + " px");
        }
        Paint fill = labeled.lookup(".text") instanceof Text text ? text.getFill() : labeled.getTextFill();
        if (!(fill instanceof Color colour) || luminance(colour) <= luminance(DARK_SURFACE)
                || contrast(colour, DARK_SURFACE) < 4.5) {
            problems.add(what + ": text " + fill + ", expected light text on the dark theme's surface " + DARK_SURFACE
                    + " (contrast " + (fill instanceof Color c ? String.format("%.1f", contrast(c, DARK_SURFACE)) : "?")
                    + ", at least 4.5)");
        }
    }

    /// WCAG 2 relative luminance.
    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static void checkBackground(String what, Region region, List<String> problems) {
        Background background = region.getBackground();
        Paint top = background == null || background.getFills().isEmpty() ? null
                : background.getFills().getLast().getFill();
        if (!DARK_SURFACE.equals(top)) {
            problems.add(what + ": background " + top + ", expected the dark theme's surface " + DARK_SURFACE);
        }
    }
}
