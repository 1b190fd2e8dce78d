package org.sembridge.app.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.SourceWeight;

/// A horizontal bar chart of one token's chosen sources: one row per source, largest weight
/// first, the bar's length proportional to the weight (a weight of 1 fills [#FULL_WIDTH]), and a
/// label with the weight and the bridge cosine similarity to 3 decimals (bars shrink before
/// labels do when the pane is narrow). Shows at most
/// [#MAX_BARS] rows and says how many more there are (low alphas choose thousands).
final class WeightBars extends VBox {

    /// Bar length of weight 1, in px.
    static final double FULL_WIDTH = 240;
    /// Most bars drawn.
    static final int MAX_BARS = 40;

    private final Label empty = new Label();

    /// @param id the chart's node id (`detailBars`, `compareBars`)
    WeightBars(String id) {
        super(3);
        setId(id);
        getStyleClass().add("weight-chart");
        empty.getStyleClass().add("muted");
        getChildren().setAll(empty);
    }

    /// Shows `record`'s sources, or `emptyText` when it is `null` or lists none.
    void show(AlignmentRecord record, String emptyText) {
        if (record == null || record.sources().isEmpty()) {
            empty.setText(record == null ? emptyText : "No source tokens: the method drew this row from a statistic");
            getChildren().setAll(empty);
            return;
        }
        List<SourceWeight> sources = record.sources();
        int shown = Math.min(sources.size(), MAX_BARS);
        List<Node> rows = new ArrayList<>(shown + 1);
        for (int k = 0; k < shown; k++) {
            rows.add(bar(sources.get(k)));
        }
        int hidden = record.support() - shown;
        if (hidden > 0) {
            Label more = new Label(String.format(Locale.ROOT, "+ %,d more source tokens with smaller weights", hidden));
            more.setId(getId() + "-more");
            more.getStyleClass().add("muted");
            rows.add(more);
        }
        getChildren().setAll(rows);
    }

    private static HBox bar(SourceWeight source) {
        Label token = new Label(source.token());
        token.getStyleClass().add("bar-token");
        // at least 8 em so the bars line up, and never narrower than the token: an em width in
        // the style sheet was cut to "mecha..." in presentation mode
        token.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(8 * token.getFont().getSize(), token.prefWidth(-1)), token.fontProperty()));
        Region bar = new Region();
        bar.getStyleClass().add("weight-bar");
        double width = Math.max(2, FULL_WIDTH * source.weight());
        bar.setMinWidth(2);
        bar.setPrefWidth(width);
        bar.setMaxWidth(width);
        Label value = new Label(barLabel(source));
        value.getStyleClass().add("bar-label");
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, token, bar, value);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("bar-row");
        Tooltip.install(row, new Tooltip("source token " + source.id() + " '" + source.token() + "': " + barLabel(source)));
        return row;
    }

    /// `0.512 · cos 0.734`; an overlap copy has no similarity: `1.000 · copy`.
    static String barLabel(SourceWeight source) {
        return Float.isNaN(source.similarity())
                ? String.format(Locale.ROOT, "%.3f · copy", source.weight())
                : String.format(Locale.ROOT, "%.3f · cos %.3f", source.weight(), source.similarity());
    }
}
