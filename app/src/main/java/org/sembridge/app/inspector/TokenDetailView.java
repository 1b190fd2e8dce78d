package org.sembridge.app.inspector;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.app.common.ClipboardText;
import org.sembridge.app.common.Formats;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.engine.run.AlignmentRecord;

/// The detail pane of the selected token: its facts (kind, support, entropy, bias, nearest
/// sources), the weight bars at the slider's alpha, the live alpha slider with its reset, the
/// same token in a second run side by side, the bookmark toggle and the note. Binds to a
/// [TokenDetailViewModel]; builds nodes only.
final class TokenDetailView {

    private final TokenDetailViewModel viewModel;
    private final VBox root = new VBox(10);
    private final Label token = new Label("No token selected");
    private final Label run = new Label();
    private final Label kind = value("detailKind");
    private final Label support = value("detailSupport");
    private final Label entropy = value("detailEntropy");
    private final Label bias = value("detailBias");
    private final Label nearest = value("detailNearest");
    private final WeightBars bars = new WeightBars("detailBars");
    private final WeightBars compareBars = new WeightBars("compareBars");
    private final Slider alpha = new Slider(TokenDetailViewModel.MIN_ALPHA, TokenDetailViewModel.MAX_ALPHA, 4);
    private final ToggleButton bookmark = new ToggleButton("☆ Bookmark");
    private final Button resetAlpha = new Button("Reset");

    TokenDetailView(TokenDetailViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("tokenDetail");
        root.getStyleClass().addAll("card", "token-detail");
        root.setPadding(new Insets(12));
        token.setId("detailToken");
        token.getStyleClass().add("detail-token");
        bookmark.setId("bookmarkToggle");
        bookmark.setTooltip(new Tooltip("Bookmark this token; the table can show bookmarks only (Ctrl+B)"));
        bookmark.setOnAction(e -> viewModel.toggleBookmark());
        viewModel.bookmarkedProperty().subscribe(on -> {
            bookmark.setSelected(on);
            bookmark.setText(on ? "★ Bookmarked" : "☆ Bookmark");
        });
        Button copyJson = new Button("Copy JSON");
        copyJson.setId("copyDetailJson");
        copyJson.setMinWidth(Region.USE_PREF_SIZE);
        copyJson.setTooltip(new Tooltip("Copy this token as JSON, as `sembridge inspect --json` prints it (paste into"
                + " a notebook)"));
        copyJson.disableProperty().bind(viewModel.detailProperty().isNull());
        copyJson.setOnAction(e -> viewModel.detailJson().ifPresent(ClipboardText::copy));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        run.setId("detailRun");
        run.getStyleClass().add("muted");
        viewModel.detailRunProperty().subscribe(shown -> run.setText(shown == null ? "" : "in " + shown.label()));
        run.setWrapText(true);
        HBox header = new HBox(10, token, spacer, copyJson, bookmark);
        header.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(header, run, facts(), alphaRow(), sectionTitle("Chosen sources (weight · cosine)"), bars,
                comparison(viewModel.comparableRuns()), notes());
        viewModel.detailProperty().subscribe(this::showDetail);
        viewModel.compareRecordProperty().subscribe(record -> compareBars.show(record, ""));
    }

    Node node() {
        return root;
    }

    /// Resets the slider to the run's alpha (Ctrl+R).
    void resetAlpha() {
        resetAlpha.fire();
    }

    private Node facts() {
        GridPane grid = new GridPane();
        grid.setId("detailFacts");
        grid.setHgap(10);
        grid.setVgap(3);
        grid.addRow(0, key("kind"), kind, key("support"), support);
        grid.addRow(1, key("entropy"), entropy, key("bias"), bias);
        // keys keep their width and values wrap, so a large font never cuts them to "sup..."
        for (Label value : List.of(kind, support, entropy, bias)) {
            value.setWrapText(true);
        }
        grid.add(key("nearest"), 0, 2);
        grid.add(nearest, 1, 2, 3, 1);
        nearest.setWrapText(true);
        return grid;
    }

    private Node alphaRow() {
        alpha.setId("alphaSlider");
        alpha.setBlockIncrement(TokenDetailViewModel.ALPHA_STEP);
        alpha.setMajorTickUnit(1);
        alpha.setMinorTickCount(9);
        alpha.setShowTickMarks(true);
        alpha.setShowTickLabels(true);
        alpha.setSnapToTicks(true);
        alpha.setTooltip(new Tooltip("Entmax alpha for this token: re-computes its weights from the run's bridge "
                + "vectors (1 = softmax, 2 = sparsemax, larger = sparser). Arrow keys step 0.1"));
        HBox.setHgrow(alpha, Priority.ALWAYS);
        alpha.getStyleClass().add("alpha-slider");
        // tick labels move without fading: an animated axis left ghost labels over the new ones
        // while the pane was resized (presentation mode, a dragged divider)
        alpha.skinProperty().subscribe(skin -> {
            if (skin != null && alpha.lookup(".axis") instanceof Axis<?> axis) {
                axis.setAnimated(false);
            }
        });
        alpha.valueProperty().addListener((obs, old, now) ->
                viewModel.alphaProperty().set(TokenDetailViewModel.clampAlpha(now.doubleValue())));
        Label value = new Label();
        value.setId("alphaValue");
        value.setMinWidth(Region.USE_PREF_SIZE);
        viewModel.alphaProperty().subscribe(now -> {
            if (Math.abs(alpha.getValue() - now.doubleValue()) > 1e-9) {
                alpha.setValue(now.doubleValue());
            }
        });
        value.textProperty().bind(Bindings.createStringBinding(() -> viewModel.realignableProperty().get()
                ? String.format(Locale.ROOT, "α = %.1f", viewModel.alphaProperty().get()) : "α n/a",
                viewModel.alphaProperty(), viewModel.realignableProperty()));
        alpha.disableProperty().bind(viewModel.alphaEnabledProperty().not());
        resetAlpha.setId("resetAlpha");
        resetAlpha.setTooltip(new Tooltip("Back to the run's alpha and the run's own weights (Ctrl+R)"));
        resetAlpha.setOnAction(e -> viewModel.resetAlpha());
        Label status = new Label();
        status.setId("realignStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        Label name = new Label("alpha");
        name.setMinWidth(Region.USE_PREF_SIZE);
        // eight tick labels side by side at any font size, never over each other
        alpha.minWidthProperty().bind(Bindings.createDoubleBinding(() -> 13 * name.getFont().getSize(),
                name.fontProperty()));
        resetAlpha.setMinWidth(Region.USE_PREF_SIZE);
        HBox slider = new HBox(8, name, alpha, value, resetAlpha);
        slider.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, slider, status);
    }

    private Node comparison(ObservableList<OpenRun> runs) {
        ComboBox<OpenRun> choice = new ComboBox<>(runs);
        choice.setId("compareRun");
        choice.setPromptText("compare with run…");
        choice.setTooltip(new Tooltip("Show this token in another open run or baseline side by side"));
        choice.valueProperty().bindBidirectional(viewModel.compareRunProperty());
        Label title = sectionTitle("Same token in another run");
        Label status = new Label();
        status.setId("compareStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.compareStatusProperty());
        status.setWrapText(true);
        // the status under the chooser, not beside it: beside it, a large font cut it to "ofa · d..."
        return new VBox(6, title, choice, status, compareBars);
    }

    private Node notes() {
        TextArea note = new TextArea();
        note.setId("tokenNote");
        note.setPromptText("Notes on this token (kept with the session)");
        note.setTooltip(new Tooltip("Notes on this token, shared by every run of this tokenizer"));
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(viewModel.noteProperty());
        return new VBox(4, sectionTitle("Notes"), note);
    }

    private void showDetail(TokenDetail detail) {
        AlignmentRecord record = detail == null ? null : detail.record();
        token.setText(record == null ? "No token selected" : record.token() + "  ·  id " + record.id());
        kind.setText(record == null ? "" : record.kind().jsonName()
                + (record.isCopy() ? " (copied from source " + record.overlapSourceId() + ")" : ""));
        support.setText(record == null ? "" : Formats.count(record.support()) + " source tokens"
                + (record.truncated() ? " (softmax: largest listed)" : ""));
        entropy.setText(record == null ? "" : String.format(Locale.ROOT, "%.3f nats", record.entropyNats()));
        bias.setText(record == null ? "" : String.format(Locale.ROOT, "%.4f", record.bias()));
        nearest.setText(record == null ? "" : record.nearest().stream()
                .map(n -> String.format(Locale.ROOT, "%s (%.3f)", n.token(), n.similarity()))
                .collect(Collectors.joining(", ")));
        bars.show(record, "Select a token in the table, the map or a search");
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        return label;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("card-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
