package org.sembridge.app.inspector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.run.TargetTokenKind;

/// The inspector page: the title with the run shown, the filter bar (text, kind, bookmarks,
/// support range, lexicon, the focus chip), the token table ([TokenTableView]) and the detail
/// pane ([TokenDetailView]) side by side. Keyboard: Ctrl+F filter, Ctrl+B bookmark, Ctrl+E export,
/// Ctrl+R reset alpha (while the page has the focus).
public final class InspectorView {

    /// The page's keys and what they do, for the shell's shortcut list.
    public static final Map<String, String> SHORTCUTS = shortcutList();

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BOOKMARK = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RESET = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final InspectorViewModel viewModel;
    private final WorkbenchState state;
    private final VBox root = new VBox(10);
    private final TokenTableView table;
    private final TokenDetailView detail;
    private final TextField textFilter = new TextField();

    /// Room for the detail pane's vertical scroll bar and borders.
    private static final double DETAIL_SCROLL_BAR_PX = 24;

    public InspectorView(InspectorViewModel viewModel, WorkbenchState state) {
        this.viewModel = viewModel;
        this.state = state;
        root.setId("inspectorView");
        root.getStyleClass().add("inspector");
        table = new TokenTableView(viewModel);
        detail = new TokenDetailView(viewModel.detail());
        ScrollPane detailScroll = new ScrollPane(detail.node());
        detailScroll.setId("detailScroll");
        detailScroll.setFitToWidth(true);
        // a scroll bar that comes and goes would change the pane's width under the alpha slider
        // while it is dragged (the weights list grows and shrinks), shifting its track
        detailScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        // the divider stops where the detail would need a sideways scroll bar (presentation
        // mode's font cut the Bookmark and Reset buttons and the slider's last tick)
        Region detailNode = (Region) detail.node();
        detailScroll.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> detailNode.minWidth(-1) + DETAIL_SCROLL_BAR_PX, detailNode.layoutBoundsProperty()));
        detailScroll.getStyleClass().add("detail-scroll");
        VBox tableSide = new VBox(8, filterBar(), table.node());
        VBox.setVgrow(table.node(), Priority.ALWAYS);
        SplitPane split = new SplitPane(tableSide, detailScroll);
        split.setId("inspectorSplit");
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(titleRow(), split);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private static Map<String, String> shortcutList() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("Ctrl+F", "Focus the token filter");
        keys.put("Ctrl+B", "Bookmark the selected token, or remove its bookmark");
        keys.put("Ctrl+E", "Export the selected rows (or all filtered rows) as CSV");
        keys.put("Ctrl+R", "Reset alpha to the run's alpha");
        return Collections.unmodifiableMap(keys);
    }

    /// The page node.
    public Parent root() {
        return root;
    }

    /// The table part (tests read its cell count and selection).
    TokenTableView table() {
        return table;
    }

    private void onKey(KeyEvent event) {
        if (FIND.match(event)) {
            textFilter.requestFocus();
        } else if (BOOKMARK.match(event)) {
            viewModel.detail().toggleBookmark();
        } else if (EXPORT.match(event)) {
            viewModel.exportRows(table.selectedRows());
        } else if (RESET.match(event)) {
            detail.resetAlpha();
        } else {
            return;
        }
        event.consume();
    }

    private Node titleRow() {
        Label title = new Label("Inspector");
        title.getStyleClass().add("page-title");
        Label run = new Label();
        run.setId("inspectorRun");
        run.getStyleClass().add("muted");
        viewModel.figuresRunProperty().subscribe(shown -> run.setText(shown == null ? "no run open" : shown.label()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("loadProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.loadingProperty());
        progress.managedProperty().bind(viewModel.loadingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelLoad");
        cancel.setTooltip(new Tooltip("Stop reading the token figures; the table keeps what it showed (Esc)"));
        cancel.setOnAction(e -> viewModel.cancelLoad());
        cancel.visibleProperty().bind(viewModel.loadingProperty());
        cancel.managedProperty().bind(viewModel.loadingProperty());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button("Export CSV…");
        export.setId("exportCsv");
        export.setTooltip(new Tooltip("Export the selected rows, or every filtered row when none is selected, "
                + "as CSV (Ctrl+E)"));
        export.setOnAction(e -> viewModel.exportRows(table.selectedRows()));
        export.disableProperty().bind(viewModel.figuresRunProperty().isNull());
        HBox row = new HBox(10, title, run, progress, cancel, spacer, export);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node filterBar() {
        textFilter.setId("tokenFilter");
        textFilter.setPromptText("filter tokens (Ctrl+F)");
        textFilter.setTooltip(new Tooltip("Keep tokens containing this text, case-insensitive (Ctrl+F)"));
        textFilter.textProperty().bindBidirectional(viewModel.filterTextProperty());
        textFilter.setPrefColumnCount(10);

        ComboBox<TargetTokenKind> kind = new ComboBox<>();
        kind.setId("kindFilter");
        kind.getItems().add(null);
        kind.getItems().addAll(TargetTokenKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(TargetTokenKind value) {
                return value == null ? "all kinds" : value.jsonName();
            }

            @Override
            public TargetTokenKind fromString(String text) {
                return "all kinds".equals(text) ? null : TargetTokenKind.fromJsonName(text);
            }
        });
        kind.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(TargetTokenKind item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? "all kinds" : item.jsonName());
            }
        });
        kind.setTooltip(new Tooltip("Keep one kind: overlap (copied), new (built), special, byte (raw-byte piece, "
                + "mean of the tokens containing it) or reserved (unused entry, mean of the source rows)"));
        kind.valueProperty().bindBidirectional(viewModel.kindFilterProperty());

        CheckBox inSources = new CheckBox("in English sources");
        inSources.setId("filterInSources");
        inSources.setTooltip(new Tooltip("Look for the filter text in the English source tokens each target was built "
                + "from (its " + TokenFigures.SOURCES_KEPT + " heaviest): \"house\" finds the tokens built from house"));
        inSources.selectedProperty().bindBidirectional(viewModel.filterInSourcesProperty());

        CheckBox bookmarked = new CheckBox("bookmarked");
        bookmarked.setId("bookmarkedOnly");
        bookmarked.setTooltip(new Tooltip("Keep bookmarked tokens only (bookmark with Ctrl+B)"));
        bookmarked.selectedProperty().bindBidirectional(viewModel.bookmarkedOnlyProperty());

        CheckBox unknownBridge = new CheckBox("unknown to bridge");
        unknownBridge.setId("bridgeUnknownOnly");
        unknownBridge.setTooltip(new Tooltip("Keep tokens whose bridge text embeds like the bridge's unknown token "
                + "(the bridge knows nothing about them)"));
        unknownBridge.selectedProperty().bindBidirectional(viewModel.bridgeUnknownOnlyProperty());

        TextField minSupport = supportField("minSupport", "min", "Smallest support kept (source tokens)");
        minSupport.textProperty().addListener((obs, old, now) -> viewModel.minSupportProperty().set(parse(now, 0)));
        viewModel.minSupportProperty().subscribe(n -> showNumber(minSupport, n.intValue(), 0));
        TextField maxSupport = supportField("maxSupport", "max", "Largest support kept (source tokens)");
        maxSupport.textProperty().addListener((obs, old, now) ->
                viewModel.maxSupportProperty().set(parse(now, Integer.MAX_VALUE)));
        viewModel.maxSupportProperty().subscribe(n -> showNumber(maxSupport, n.intValue(), Integer.MAX_VALUE));

        ComboBox<LexiconFilter> lexicon = new ComboBox<>();
        lexicon.setId("lexiconFilter");
        lexicon.getItems().addAll(LexiconFilter.values());
        lexicon.setConverter(new StringConverter<>() {
            @Override
            public String toString(LexiconFilter value) {
                return value == null ? "" : "lexicon: " + value.label();
            }

            @Override
            public LexiconFilter fromString(String text) {
                return LexiconFilter.ANY;
            }
        });
        lexicon.setTooltip(new Tooltip("Keep tokens by their lexicon outcome (assets/lexicon/concepts.tsv)"));
        lexicon.valueProperty().bindBidirectional(viewModel.lexiconFilterProperty());

        HBox support = new HBox(4, new Label("support"), minSupport, new Label("–"), maxSupport);
        support.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(8, 6, textFilter, inSources, kind, bookmarked, unknownBridge, support, lexicon, focusChip());
        bar.setId("filterBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node control : List.of(textFilter, inSources, kind, bookmarked, unknownBridge, lexicon)) {
            ((Region) control).setMinWidth(Region.USE_PREF_SIZE);
        }
        Label summary = new Label();
        summary.setId("rowSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(viewModel.summaryProperty());
        return new VBox(4, bar, summary);
    }

    private Node focusChip() {
        Label label = new Label();
        label.setId("focusLabel");
        Button remove = new Button("×");
        remove.setId("clearFocus");
        remove.getStyleClass().add("chip-close");
        remove.setTooltip(new Tooltip("Remove the focus: show every token again"));
        remove.setOnAction(e -> viewModel.clearFocus());
        HBox chip = new HBox(4, label, remove);
        chip.setId("focusChip");
        chip.getStyleClass().add("chip");
        chip.setAlignment(Pos.CENTER_LEFT);
        state.focusProperty().subscribe((TokenFocus focus) -> {
            chip.setVisible(focus != null);
            chip.setManaged(focus != null);
            label.setText(focus == null ? "" : "focus: " + focus.label());
        });
        return chip;
    }

    private static TextField supportField(String id, String prompt, String tooltip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(4);
        field.setTooltip(new Tooltip(tooltip + "; empty for no limit"));
        return field;
    }

    private static int parse(String text, int whenEmpty) {
        String digits = text == null ? "" : text.strip();
        if (digits.isEmpty()) {
            return whenEmpty;
        }
        try {
            return Math.max(0, Integer.parseInt(digits));
        } catch (NumberFormatException notANumber) {
            return whenEmpty;
        }
    }

    private static void showNumber(TextField field, int value, int whenEmpty) {
        if (parse(field.getText(), whenEmpty) != value) {
            field.setText(value == whenEmpty ? "" : String.format(Locale.ROOT, "%d", value));
        }
    }
}
