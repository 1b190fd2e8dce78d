package org.sembridge.app.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.event.Event;
import javafx.event.EventDispatchChain;
import javafx.event.EventDispatcher;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.ThemeClasses;
import org.sembridge.app.session.SessionControls;
import org.sembridge.app.session.SessionViewModel;

/// The workbench's main window: a header (title, session controls, theme, presentation, full
/// screen and shortcut-list buttons), an optional banner below it, a navigation rail with one
/// button per [WorkbenchPage] (Ctrl+1..9), the current page in the centre, and the [StatusBar]
/// with the running task and the task tray. Over it, two layers: the [TaskTray] and the
/// [ShortcutOverlay].
///
/// Page, theme and presentation mode live in a [ShellViewModel] (saved with the session); the
/// window binds to it both ways. The shell's shortcuts are bound in the [KeyMap], which also
/// lists the pages' shortcuts in the overlay.
public final class MainWindow implements Navigator {

    /// The style class of a window at least [#WIDE_FROM_PX] wide (presentation mode's larger font).
    static final String WIDE = "wide-window";
    private static final double WIDE_FROM_PX = 1600;

    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    /// Page views by page id, built on first show.
    private final Map<String, Node> views = new HashMap<>();
    private final HBox headerControls = new HBox(6);
    private final VBox banners = new VBox();
    private final StatusBar statusBar;
    private final TaskTray taskTray;
    private final ShortcutOverlay shortcutOverlay;
    private final ToggleButton darkTheme = new ToggleButton("Dark");
    private final ToggleButton presentation = new ToggleButton("Present");
    private final ShellViewModel shell;
    private final KeyMap keyMap;

    /// Builds the window over `pages` (in navigation order) and binds the shell's shortcuts in
    /// `keyMap`; [#installShortcuts] then activates them on the scene.
    public MainWindow(List<WorkbenchPage> pages, FxTaskRunner runner, ShellViewModel shell, KeyMap keyMap) {
        this.shell = shell;
        this.keyMap = keyMap;
        root.setId("mainWindow");
        root.getStyleClass().add("workbench");
        root.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("workbench.css")).toExternalForm());
        statusBar = new StatusBar(runner);
        taskTray = new TaskTray(runner);
        shortcutOverlay = new ShortcutOverlay(keyMap);
        frame.setTop(new VBox(header(), banners));
        frame.setLeft(navigationRail(pages));
        content.setId("pageContent");
        content.getStyleClass().add("page-content");
        frame.setCenter(pageScroller());
        frame.setBottom(statusBar);
        StackPane.setAlignment(taskTray, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(taskTray, new Insets(0, 12, 44, 0));
        statusBar.trayToggle().selectedProperty().addListener((obs, was, shown) -> taskTray.setShown(shown));
        root.getChildren().addAll(frame, taskTray, shortcutOverlay);
        bindShell(pages);
        bindShortcuts();
        trackWidth();
        fitPageTextAfterLayout();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::forwardToPage);
    }

    /// A page's own shortcuts (Ctrl+Shift+O, Ctrl+Enter, Ctrl+E...) sit on the page's root node, so
    /// they used to work only while the focus was inside the page. A shortcut key pressed while
    /// the focus is elsewhere (the side navigation, the header, the status bar) is handed to the
    /// page shown: its root's filters and handlers see it as if it had been pressed there, and
    /// the key is consumed when the page used it. Plain keys (typing, arrows) stay where they are.
    private void forwardToPage(KeyEvent event) {
        if (content.getChildren().isEmpty() || !(event.isShortcutDown() || event.getCode().isFunctionKey())) {
            return;
        }
        Node page = content.getChildren().getFirst();
        for (Node node = event.getTarget() instanceof Node target ? target : null; node != null; node = node.getParent()) {
            if (node == page) {
                return;
            }
        }
        Event handed = event.copyFor(page, page);
        Event left = page.getEventDispatcher().dispatchEvent(handed, PageOnlyChain.INSTANCE);
        if (left == null || handed.isConsumed()) {
            event.consume();
        }
    }

    /// The end of a dispatch chain that stops at the page's root node.
    private enum PageOnlyChain implements EventDispatchChain {
        INSTANCE;

        @Override
        public EventDispatchChain append(EventDispatcher eventDispatcher) {
            throw new UnsupportedOperationException("the page's root only");
        }

        @Override
        public EventDispatchChain prepend(EventDispatcher eventDispatcher) {
            throw new UnsupportedOperationException("the page's root only");
        }

        @Override
        public Event dispatchEvent(Event event) {
            return event;
        }
    }

    /// The page sits in a scroll pane that fills the centre: a page taller or wider than the
    /// window (a small window, presentation mode) scrolls inside it, while the header, the
    /// navigation and the status bar stay put. Without it the page's minimum height grew the
    /// frame beyond the window and the root centred it, pushing the header off the top.
    private ScrollPane pageScroller() {
        ScrollPane scroller = new ScrollPane(content);
        scroller.setId("pageScroller");
        scroller.getStyleClass().add("page-scroller");
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setMinSize(0, 0);
        return scroller;
    }

    /// Presentation mode's font grows with the window: 19 px below 1600 px of width (a
    /// 1280 x 800 projector), 22 px from there (1920 x 1080).
    private void trackWidth() {
        root.widthProperty().addListener((obs, old, width) -> {
            boolean wide = width.doubleValue() >= WIDE_FROM_PX;
            if (wide != root.getStyleClass().contains(WIDE)) {
                toggleStyleClass(WIDE, wide);
            }
        });
    }

    /// After every layout pulse, the page's text is kept whole ([PageTextFit]): wrapped labels
    /// keep all their lines and table columns their headers' width, at any font size.
    private void fitPageTextAfterLayout() {
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(this::fitPageText);
            }
        });
    }

    /// Keeps the shown page's text whole ([PageTextFit]); runs after each layout pulse.
    /// The scroll pane asks the page for its minimum height without a width, which for a page
    /// with wrapping text is the height of one line per label; the page is then squeezed and its
    /// parts drawn over each other. So the page's minimum height at its real width is set on the
    /// content pane here, and the scroll pane scrolls when the window is shorter.
    public void fitPageText() {
        if (content.getChildren().isEmpty()) {
            return;
        }
        Node page = content.getChildren().getFirst();
        PageTextFit.fit(page);
        double width = content.getWidth() - content.snappedLeftInset() - content.snappedRightInset();
        if (width > 0 && page.getContentBias() == Orientation.HORIZONTAL) {
            double needed = Math.ceil(page.minHeight(width) + content.snappedTopInset() + content.snappedBottomInset());
            if (Math.abs(content.getMinHeight() - needed) > 0.5) {
                content.setMinHeight(needed);
            }
        } else if (content.getMinHeight() != Region.USE_COMPUTED_SIZE) {
            content.setMinHeight(Region.USE_COMPUTED_SIZE);
        }
    }

    /// The scene graph root, for a `Scene`.
    public Parent root() {
        return root;
    }

    /// Activates the key map's shortcuts (the shell's and any bound later) on `scene`.
    public void installShortcuts(Scene scene) {
        keyMap.installOn(scene);
    }

    /// Puts `layer` over the whole window (e.g. the [StartupSplash]); it hides itself.
    public void addLayer(Node layer) {
        root.getChildren().add(layer);
    }

    /// Adds controls to the header, left of the theme toggles (e.g. the session buttons).
    public void addHeaderControls(Node controls) {
        headerControls.getChildren().add(controls);
    }

    /// Adds a banner below the header (e.g. "Restore last session"); a banner hides itself by
    /// binding its own `visible` and `managed`.
    public void addBanner(Node banner) {
        banners.getChildren().add(banner);
    }

    /// Adds the session commands: header buttons, the "Restore last session" banner, the status
    /// messages, and the shortcuts Ctrl+S (save), Ctrl+Shift+S (save as) and Ctrl+O (open).
    public void addSessionControls(SessionViewModel sessions) {
        SessionControls controls = new SessionControls(sessions);
        addHeaderControls(controls.buttons());
        addBanner(controls.banner());
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                "Save the session", sessions::save);
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Save the session under a new name", sessions::saveAs);
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                "Open a saved session", sessions::open);
        sessions.statusProperty().addListener((obs, old, text) -> setStatus(text));
    }

    @Override
    public void showPage(String pageId) {
        shell.currentPageProperty().set(pageId);
    }

    /// Shows `text` in the status bar.
    public void setStatus(String text) {
        statusBar.setMessage(text);
    }

    /// Shows or hides the keyboard-shortcut overlay (F1, Ctrl+/).
    public void toggleShortcutOverlay() {
        shortcutOverlay.toggle();
    }

    private Node header() {
        Label title = new Label("SemBridge Workbench");
        title.getStyleClass().add("app-title");
        title.setTooltip(new Tooltip("SemBridge Workbench: press F1 for the keyboard shortcuts"));
        Label subtitle = new Label("language transfer for sparse encoders");
        subtitle.getStyleClass().add("app-subtitle");
        // In presentation mode the header keeps only what a presenter clicks.
        subtitle.visibleProperty().bind(shell.presentationProperty().not());
        subtitle.managedProperty().bind(subtitle.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        headerControls.setId("headerControls");
        headerControls.setAlignment(Pos.CENTER_LEFT);
        darkTheme.setId("darkThemeToggle");
        darkTheme.setTooltip(new Tooltip("Dark theme (Ctrl+Shift+D); saved with the session"));
        darkTheme.selectedProperty().bindBidirectional(shell.darkThemeProperty());
        presentation.setId("presentationToggle");
        presentation.setTooltip(new Tooltip("Presentation mode: large fonts on every page (Ctrl+Shift+P)"));
        presentation.selectedProperty().bindBidirectional(shell.presentationProperty());
        Button fullScreen = new Button("Full screen");
        fullScreen.setId("fullScreenButton");
        fullScreen.setTooltip(new Tooltip("Full screen on or off (F11; Esc leaves it)"));
        fullScreen.setOnAction(e -> toggleFullScreen());
        Button shortcuts = new Button("Keys");
        shortcuts.setId("shortcutsButton");
        shortcuts.setTooltip(new Tooltip("List every keyboard shortcut (F1 or Ctrl+/)"));
        shortcuts.setOnAction(e -> toggleShortcutOverlay());
        // Shortcuts reach these; keeping them out of the focus order keeps Esc and arrows for pages.
        for (Node control : new Node[] {darkTheme, presentation, fullScreen, shortcuts}) {
            control.setFocusTraversable(false);
        }
        HBox header = new HBox(10, title, subtitle, spacer, headerControls, darkTheme, presentation, fullScreen, shortcuts);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
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
            button.setUserData(page.id());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navigation);
            button.setTooltip(new Tooltip(page.tooltip() + (i < 9 ? " (Ctrl+" + (i + 1) + ")" : "")));
            button.getStyleClass().add("nav-button");
            button.selectedProperty().addListener((obs, was, selected) -> {
                if (selected) {
                    content.getChildren().setAll(views.computeIfAbsent(page.id(), id -> page.viewFactory().get()));
                    shell.currentPageProperty().set(page.id());
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

    /// Page, theme and presentation follow the shell's view-model (a restored session sets them).
    private void bindShell(List<WorkbenchPage> pages) {
        shell.currentPageProperty().addListener((obs, old, pageId) -> selectPage(pageId));
        shell.darkThemeProperty().addListener((obs, was, dark) -> toggleStyleClass(ThemeClasses.DARK, dark));
        shell.presentationProperty().addListener((obs, was, on) -> toggleStyleClass(ThemeClasses.PRESENTATION, on));
        toggleStyleClass(ThemeClasses.DARK, shell.darkThemeProperty().get());
        toggleStyleClass(ThemeClasses.PRESENTATION, shell.presentationProperty().get());
        if (!pages.isEmpty()) {
            navigation.getToggles().getFirst().setSelected(true);
        }
    }

    /// Selects the navigation button of `pageId`; an unknown id (a page this build lacks) puts
    /// the property back to the page shown.
    private void selectPage(String pageId) {
        navigation.getToggles().stream()
                .filter(toggle -> toggle.getUserData().equals(pageId))
                .findFirst()
                .ifPresentOrElse(toggle -> toggle.setSelected(true), () -> {
                    if (navigation.getSelectedToggle() != null) {
                        shell.currentPageProperty().set((String) navigation.getSelectedToggle().getUserData());
                    }
                });
    }

    private void bindShortcuts() {
        for (int i = 0; i < navigation.getToggles().size() && i < 9; i++) {
            ToggleButton button = (ToggleButton) navigation.getToggles().get(i);
            keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), "Show the " + button.getText() + " page", () -> button.setSelected(true));
        }
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Dark or light theme", darkTheme::fire);
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Presentation mode (large fonts) on or off", presentation::fire);
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.F11), "Full screen on or off", this::toggleFullScreen);
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.F1), "List the keyboard shortcuts", this::toggleShortcutOverlay);
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN),
                "List the keyboard shortcuts", this::toggleShortcutOverlay);
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Show or hide the task tray", statusBar.trayToggle()::fire);
        keyMap.bind(KeyMap.WORKBENCH, new KeyCodeCombination(KeyCode.ESCAPE),
                "Close the shortcut list, else cancel the task shown in the status bar", this::escape);
    }

    private void escape() {
        if (shortcutOverlay.isVisible()) {
            shortcutOverlay.setVisible(false);
        } else {
            statusBar.cancelShownTask();
        }
    }

    private void toggleFullScreen() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("Press F11 or Esc to leave full screen");
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    private void toggleStyleClass(String styleClass, boolean on) {
        if (on) {
            if (!root.getStyleClass().contains(styleClass)) {
                root.getStyleClass().add(styleClass);
            }
        } else {
            root.getStyleClass().remove(styleClass);
        }
    }
}
