package org.sembridge.app.runs;

import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The runs page: the run form and the run in progress side by side above the table of open
/// runs. Shortcuts while the page has focus: Ctrl+Enter starts, Ctrl+Shift+O opens a run folder (Ctrl+O opens a session); Esc
/// (status bar) cancels.
public final class RunsView {

    private static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final VBox root = new VBox(12);

    public RunsView(RunsViewModel viewModel) {
        root.setId("runsView");
        Label title = new Label("Runs");
        title.getStyleClass().add("page-title");
        Label hint = new Label("Transfer the source encoder to the target tokenizer with a method and its parameters; "
                + "every finished run stays open below for the other pages.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        Region form = new RunFormPane(viewModel).root();
        Region progress = new RunProgressPane(viewModel).root();
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox top = new HBox(14, form, progress);
        form.setPrefWidth(560);
        // the form and the progress scroll inside the split's upper part: taller than that part
        // (presentation mode's font), they were drawn upward over the page's hint
        ScrollPane topScroll = new ScrollPane(top);
        topScroll.setFitToWidth(true);
        topScroll.setFitToHeight(true);
        topScroll.getStyleClass().add("page-scroller");
        SplitPane split = new SplitPane(topScroll, new OpenRunsTable(viewModel).root());
        split.setId("runsSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(title, hint, split);
        // A filter, so a focused text field cannot swallow the shortcut first.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (START.match(e)) {
                viewModel.start();
                e.consume();
            } else if (OPEN.match(e)) {
                viewModel.openRunFolder();
                e.consume();
            }
        });
    }

    /// The page node.
    public Parent root() {
        return root;
    }
}
