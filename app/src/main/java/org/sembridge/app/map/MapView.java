package org.sembridge.app.map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// The embedding-map page: settings on top ([MapSettingsPane]), the canvas in the centre
/// ([MapCanvas]), the view, selection and lasso panel on the right ([MapSidePanel]), and the map
/// summary with the last frame's draw time below.
///
/// Page shortcuts: Ctrl+Enter runs, Ctrl+E exports the lasso, Ctrl+I shows it in the inspector,
/// Ctrl+F finds a token;
/// the canvas's own keys are listed at [MapCanvas].
public final class MapView {

    private final MapViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final MapCanvas canvas;
    private final Label drawTime = new Label();
    private final MapSidePanel side;

    public MapView(MapViewModel viewModel) {
        this.viewModel = viewModel;
        this.canvas = new MapCanvas(viewModel);
        MapSettingsPane settings = new MapSettingsPane(viewModel);
        MapSidePanel side = new MapSidePanel(viewModel);
        this.side = side;
        root.setId("mapView");
        root.getStyleClass().add("map-view");
        root.setTop(settings.node());
        root.setCenter(canvas.node());
        root.setRight(side.node());
        BorderPane.setMargin(settings.node(), new Insets(0, 0, 8, 0));
        BorderPane.setMargin(side.node(), new Insets(0, 0, 0, 8));

        Label summary = new Label();
        summary.setId("mapSummary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setWrapText(true);
        HBox.setHgrow(summary, Priority.ALWAYS);
        drawTime.setMinWidth(Region.USE_PREF_SIZE);
        drawTime.setId("mapDrawTime");
        drawTime.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, summary, spacer, drawTime);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(6, 0, 0, 0));
        root.setBottom(footer);

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                viewModel.pageShown();
            } else {
                viewModel.pageHidden();
            }
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::shortcut);
        canvas.onPaletteChanged(side::usePalette);
        canvas.onFrame(nanos -> drawTime.setText(String.format(java.util.Locale.ROOT, "%,d points · frame %.1f ms",
                canvas.pointsDrawn(), nanos / 1e6)));
    }

    /// The page's node.
    public Parent root() {
        return root;
    }

    /// The canvas, for tests and measurements.
    MapCanvas canvas() {
        return canvas;
    }

    private void shortcut(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER) {
            viewModel.runMap();
        } else if (e.getCode() == KeyCode.E) {
            viewModel.exportLasso();
        } else if (e.getCode() == KeyCode.I) {
            viewModel.showLassoInInspector();
        } else if (e.getCode() == KeyCode.F) {
            side.focusSearch();
        } else {
            return;
        }
        e.consume();
    }
}
