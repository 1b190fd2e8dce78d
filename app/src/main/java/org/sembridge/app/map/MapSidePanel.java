package org.sembridge.app.map;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.sembridge.app.common.Formats;

/// The panel beside the canvas: the search box, view controls (colour mode, reset view, lasso
/// mode), the legend, the selected point with its weighted links, its nearest neighbours in the
/// original space and on the map side by side, and the lasso selection with its export and the
/// jump to the inspector.
final class MapSidePanel {

    private final MapViewModel viewModel;
    private final VBox root = new VBox(10);
    /// Scrolls the panel when it is taller than the page (presentation mode on a small screen)
    /// instead of letting its lists overlap.
    private final ScrollPane scroller = new ScrollPane(root);
    private final VBox legend = new VBox(4);
    private final TextField searchField = new TextField();
    private MapPalette palette = MapPalette.LIGHT;

    MapSidePanel(MapViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("mapSidePanel");
        root.getStyleClass().addAll("card", "map-side-panel");
        root.setPrefWidth(300);
        root.setMinWidth(200);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("map-side-scroller");

        ComboBox<ColourMode> colour = new ComboBox<>();
        colour.setId("mapColourMode");
        colour.getItems().setAll(ColourMode.values());
        colour.valueProperty().bindBidirectional(viewModel.colourModeProperty());
        colour.setTooltip(new Tooltip("Colour points by language (target vs source) or by kind "
                + "(new / overlap / special targets, chosen / context sources)"));
        Button reset = new Button("Reset view");
        reset.setId("mapResetView");
        reset.setOnAction(e -> viewModel.resetView());
        reset.setTooltip(new Tooltip("Show the whole map (0 on the canvas); wheel zooms, drag pans"));
        ToggleButton lassoMode = new ToggleButton("Lasso");
        lassoMode.setId("mapLassoMode");
        lassoMode.selectedProperty().bindBidirectional(viewModel.lassoModeProperty());
        lassoMode.setTooltip(new Tooltip("Drag draws a lasso instead of panning (L); Shift+drag always lassos"));
        FlowPane tools = new FlowPane(6, 6, reset, lassoMode);
        tools.setAlignment(Pos.CENTER_LEFT);

        legend.setId("mapLegend");
        viewModel.legend().addListener((javafx.collections.ListChangeListener<LegendEntry>) c -> fillLegend());

        Label selected = new Label();
        selected.setId("mapSelectedToken");
        selected.getStyleClass().add("card-headline");
        selected.setWrapText(true);
        selected.textProperty().bind(Bindings.createStringBinding(() -> {
            int index = viewModel.selectedProperty().get();
            return index < 0 ? "Click a point to select it" : viewModel.describePoint(index).replace('\n', ' ');
        }, viewModel.selectedProperty(), viewModel.layoutProperty()));
        ListView<MapLinkRow> links = new ListView<>(viewModel.selectedLinks());
        links.setId("mapSelectedLinks");
        links.setPrefHeight(150);
        links.setTooltip(new Tooltip("The selected target's sources (or a source's targets) with their weights; "
                + "double-click selects one"));
        links.setOnMouseClicked(e -> {
            MapLinkRow row = links.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && row != null) {
                viewModel.selectPoint(row.index());
            }
        });

        Label lassoCount = new Label();
        lassoCount.setId("mapLassoCount");
        lassoCount.setWrapText(true);
        lassoCount.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.lassoTokens().isEmpty() ? "Lasso: Shift+drag around points"
                        : "Lasso: " + Formats.tokens(viewModel.lassoTokens().size()),
                viewModel.lassoTokens()));
        ListView<String> lassoTokens = new ListView<>(viewModel.lassoTokens());
        lassoTokens.setId("mapLassoTokens");
        lassoTokens.setTooltip(new Tooltip("The tokens inside the lasso"));
        VBox.setVgrow(lassoTokens, Priority.ALWAYS);
        Button export = new Button("Export…");
        export.setId("mapExportLasso");
        export.setOnAction(e -> viewModel.exportLasso());
        export.setTooltip(new Tooltip("Write the lasso's token names to a text file, one per line (Ctrl+E)"));
        Button inspect = new Button("Show in inspector");
        inspect.setId("mapShowInInspector");
        inspect.setOnAction(e -> viewModel.showLassoInInspector());
        inspect.setTooltip(new Tooltip("Filter the alignment inspector to the lasso's target tokens (Ctrl+I)"));
        Button clear = new Button("Clear");
        clear.setId("mapClearLasso");
        clear.setOnAction(e -> viewModel.clearLasso());
        clear.setTooltip(new Tooltip("Clear the lasso selection (Delete on the canvas)"));
        for (Button b : new Button[] {export, inspect, clear}) {
            b.disableProperty().bind(Bindings.isEmpty(viewModel.lassoTokens()));
        }
        FlowPane lassoActions = new FlowPane(6, 6, export, inspect, clear);

        root.getChildren().addAll(heading("Find"), searchBox(), heading("View"), colour, tools, legend,
                heading("Selection"), selected, links, heading("Neighbours"), neighbours(), heading("Lasso"),
                lassoCount, lassoTokens, lassoActions);
    }

    /// The search field: token text, regex or English source; Enter steps through the matches,
    /// Esc clears.
    private Node searchBox() {
        searchField.setId("mapSearch");
        searchField.setPromptText("Find a token (Ctrl+F)");
        searchField.textProperty().bindBidirectional(viewModel.searchQueryProperty());
        searchField.setTooltip(new Tooltip("Highlights the matching points and brings them into view; Enter selects "
                + "and centres the next match, Esc clears"));
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                viewModel.nextSearchMatch();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                viewModel.clearSearch();
                e.consume();
            }
        });
        ComboBox<MapSearchMode> mode = new ComboBox<>();
        mode.setId("mapSearchMode");
        mode.getItems().setAll(MapSearchMode.values());
        mode.valueProperty().bindBidirectional(viewModel.searchModeProperty());
        mode.setTooltip(new Tooltip("Token: part of the token text (ignoring case and ▁ Ġ ##); Regex: a Java regular "
                + "expression on the stored token; English source: targets built from a matching source token"));
        Label status = new Label();
        status.setId("mapSearchStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> viewModel.searchResultProperty().get().message(),
                viewModel.searchResultProperty()));
        searchField.setMaxWidth(Double.MAX_VALUE);
        // one control per line, so none is cut in the narrow panel (presentation mode included)
        return new VBox(4, searchField, mode, status);
    }

    /// The selected point's neighbours in the original space and on the map, side by side.
    private Node neighbours() {
        Label summary = new Label();
        summary.setId("mapNeighbourSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(viewModel.neighbourSummaryProperty());
        ListView<MapNeighbourRow> original = neighbourList("mapOriginalNeighbours", viewModel.originalNeighbours(),
                "Nearest by distance between the adapted-space vectors; ● also near on the map, ○ torn apart by the "
                        + "projection; double-click selects");
        ListView<MapNeighbourRow> onMap = neighbourList("mapMapNeighbours", viewModel.mapNeighbours(),
                "Nearest on the map; ● also near in the original space, ○ brought close by the projection; "
                        + "double-click selects");
        VBox left = new VBox(2, smallHeading("Original space"), original);
        VBox right = new VBox(2, smallHeading("On the map"), onMap);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setMinWidth(0);
        right.setMinWidth(0);
        left.setPrefWidth(1);
        right.setPrefWidth(1);
        HBox lists = new HBox(6, left, right);
        lists.setId("mapNeighbours");
        return new VBox(4, summary, lists);
    }

    private ListView<MapNeighbourRow> neighbourList(String id, javafx.collections.ObservableList<MapNeighbourRow> rows,
            String tooltip) {
        ListView<MapNeighbourRow> list = new ListView<>(rows);
        list.setId(id);
        list.setPrefHeight(150);
        list.setTooltip(new Tooltip(tooltip));
        list.setOnMouseClicked(e -> {
            MapNeighbourRow row = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && row != null) {
                viewModel.selectPoint(row.index());
            }
        });
        return list;
    }

    /// Puts the keyboard focus in the search field (Ctrl+F on the page).
    void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private static Label smallHeading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }

    /// The panel's node.
    Node node() {
        return scroller;
    }

    /// Uses `newPalette` for the legend swatches (the canvas's theme).
    void usePalette(MapPalette newPalette) {
        if (newPalette != palette) {
            palette = newPalette;
            fillLegend();
        }
    }

    private void fillLegend() {
        legend.getChildren().clear();
        for (LegendEntry entry : viewModel.legend()) {
            Circle swatch = new Circle(5, palette.colour(entry.category()));
            Label label = new Label(entry.label() + "  " + Formats.count(entry.count()), swatch);
            label.setId("mapLegend-" + entry.category());
            label.setGraphicTextGap(8);
            label.setWrapText(true);
            legend.getChildren().add(label);
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("map-heading");
        return label;
    }
}
