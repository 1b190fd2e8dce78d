package org.sembridge.app.search;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sembridge.engine.workflow.DocumentWeights;
import org.sembridge.engine.workflow.TokenWeight;
import org.sembridge.engine.workflow.WeightedPiece;

/// The document view: the selected hit's title and text cut into tokens, each highlighted with an
/// intensity proportional to its weight in the document vector (tooltip: exact and indexed value;
/// click: select the token in the workbench),
/// and the vector's heaviest tokens (expansion tokens, not in the text, marked).
final class DocumentPanel {

    private final VBox content = new VBox(8);
    private final ScrollPane root = new ScrollPane(content);
    private final Label heading = new Label("Select a hit to see its document");
    private final FlowPane title = new FlowPane();
    private final FlowPane text = new FlowPane();
    private final FlowPane topTokens = new FlowPane(4, 4);

    private final SearchViewModel viewModel;

    DocumentPanel(SearchViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("documentView");
        root.setFitToWidth(true);
        content.setPadding(new Insets(8));
        heading.setId("documentHeading");
        heading.getStyleClass().add("card-title");
        heading.setWrapText(true);
        title.setId("documentTitle");
        title.getStyleClass().add("document-title");
        text.setId("documentText");
        text.setRowValignment(javafx.geometry.VPos.BASELINE);
        Label topLabel = new Label("Top tokens of the document vector");
        topLabel.getStyleClass().add("card-key");
        topLabel.setTooltip(new Tooltip("The heaviest tokens of the document's sparse vector; dashed: expansion"
                + " tokens the encoder added that are not in the text"));
        topTokens.setId("documentTopTokens");
        content.getChildren().addAll(heading, title, text, topLabel, topTokens);
        viewModel.documentProperty().subscribe(this::show);
    }

    Node root() {
        return root;
    }

    private void show(DocumentWeights document) {
        title.getChildren().clear();
        text.getChildren().clear();
        topTokens.getChildren().clear();
        if (document == null) {
            heading.setText("Select a hit to see its document");
            return;
        }
        heading.setText(String.format(Locale.ROOT, "%s · %d tokens in the vector, max weight %.3f",
                document.docId(), document.vectorSize(), document.maxWeight()));
        fill(title, document.title(), document);
        fill(text, document.text(), document);
        for (TokenWeight token : document.topTokens()) {
            Label chip = new Label(String.format(Locale.ROOT, "%s %.3f", token.token(), token.weight()));
            chip.getStyleClass().addAll("token-chip", token.inText() ? "in-text" : "expansion");
            chip.setTooltip(new Tooltip(String.format(Locale.ROOT, "%s: weight %.6f%s", token.token(), token.weight(),
                    token.inText() ? "" : " (expansion: not in the text)") + "\nclick: select the token in the inspector"));
            chip.setOnMouseClicked(e -> viewModel.selectToken(token.token()));
            topTokens.getChildren().add(chip);
        }
    }

    private void fill(FlowPane pane, List<WeightedPiece> pieces, DocumentWeights document) {
        for (int i = 0; i < pieces.size(); i++) {
            WeightedPiece piece = pieces.get(i);
            Region fill = new Region();
            fill.getStyleClass().add("weight-fill");
            fill.setOpacity(document.intensity(piece.weight()));
            Label label = new Label(piece.text());
            label.getStyleClass().add("piece-text");
            StackPane node = new StackPane(fill, label);
            node.getStyleClass().add("weighted-piece");
            if (piece.weight() > 0) {
                node.getStyleClass().add("weighted");
            }
            node.setUserData(piece);
            Tooltip.install(node, new Tooltip(piece.weight() > 0
                    ? String.format(Locale.ROOT, "%s: weight %.6f (indexed %.6f)", piece.token(), piece.weight(),
                            piece.indexedWeight())
                    : piece.token() + ": not in the document vector"));
            node.setOnMouseClicked(e -> viewModel.selectToken(piece.token()));
            if (piece.wordStart() && i > 0) {
                FlowPane.setMargin(node, new Insets(0, 0, 0, 5));
            }
            pane.getChildren().add(node);
        }
    }
}
