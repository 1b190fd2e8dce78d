package org.sembridge.app.search;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.sembridge.engine.index.TokenContribution;

/// A row of a hit list: rank, document id, score (and the exact score for sparse hits), a badge
/// when the other list holds the same document, title, the text's beginning, and for sparse hits
/// one chip per matching token with its contribution, exact and as indexed.
final class HitCell extends ListCell<RankedHit> {

    private final String otherList;
    private final Consumer<String> selectToken;

    /// @param otherList   the other list's name for the overlap badge ("BM25" or "sparse")
    /// @param selectToken called with a chip's token when the chip is clicked
    HitCell(String otherList, Consumer<String> selectToken) {
        this.otherList = otherList;
        this.selectToken = selectToken;
        getStyleClass().add("hit-cell");
        // Cells follow the list's width (wrapping their text) instead of widening it.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(RankedHit hit, boolean empty) {
        super.updateItem(hit, empty);
        setText(null);
        getStyleClass().remove("overlap");
        if (empty || hit == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Label rank = new Label(hit.rank() + ".");
        rank.getStyleClass().add("hit-rank");
        Label id = new Label(hit.docId());
        id.getStyleClass().add("hit-id");
        Label score = new Label(Double.isNaN(hit.exactScore())
                ? String.format(Locale.ROOT, "%.4f", hit.score())
                : String.format(Locale.ROOT, "%.4f (exact %.4f)", hit.score(), hit.exactScore()));
        score.getStyleClass().add("hit-score");
        FlowPane header = new FlowPane(6, 2, rank, id, score);
        header.setRowValignment(VPos.BASELINE);
        if (hit.inOtherList()) {
            Label badge = new Label("also " + otherList);
            badge.getStyleClass().add("overlap-badge");
            badge.setTooltip(new Tooltip("This document is in both lists"));
            header.getChildren().add(badge);
        }
        if (hit.outrankedByNextExactly()) {
            Label swapped = new Label("↓ exact");
            swapped.getStyleClass().add("swap-badge");
            swapped.setTooltip(new Tooltip("The next hit has a higher exact score: the 9-bit indexed weights put"
                    + " these two in the opposite order"));
            header.getChildren().add(swapped);
        }
        Label title = new Label(hit.title().isEmpty() ? "(no title)" : hit.title());
        title.getStyleClass().add("hit-title");
        Label excerpt = new Label(hit.excerpt());
        excerpt.getStyleClass().add("muted");
        excerpt.setWrapText(true);
        VBox box = new VBox(2, header, title, excerpt);
        if (!hit.contributions().isEmpty()) {
            FlowPane chips = new FlowPane(4, 4);
            chips.getStyleClass().add("contribution-chips");
            for (TokenContribution contribution : hit.contributions()) {
                chips.getChildren().add(chip(contribution));
            }
            box.getChildren().add(chips);
        }
        box.setMaxWidth(Double.MAX_VALUE);
        excerpt.maxWidthProperty().bind(widthProperty().subtract(30));
        setGraphic(box);
        if (hit.inOtherList()) {
            getStyleClass().add("overlap");
        }
    }

    private Label chip(TokenContribution c) {
        Label chip = new Label(String.format(Locale.ROOT, "%s  %.3f × %.3f = %.4f | idx %.4f", c.token(),
                c.queryWeight(), c.exactDocumentWeight(), c.exactContribution(), c.indexedContribution()));
        chip.getStyleClass().add("contribution-chip");
        chip.setTooltip(new Tooltip(String.format(Locale.ROOT,
                "token %s%nquery weight %.6f%ndocument weight: exact %.6f, indexed (9-bit) %.6f%n"
                        + "contribution: exact %.6f, indexed %.6f (what Lucene added)",
                c.token(), c.queryWeight(), c.exactDocumentWeight(), c.indexedDocumentWeight(),
                c.exactContribution(), c.indexedContribution()) + "\nclick: select the token in the inspector"));
        chip.setOnMouseClicked(e -> selectToken.accept(c.token()));
        return chip;
    }
}
