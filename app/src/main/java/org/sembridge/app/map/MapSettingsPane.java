package org.sembridge.app.map;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sembridge.engine.projection.ProjectionMethod;

/// The settings chosen before a projection: the method and its parameters (only the chosen
/// method's are shown; the controls are generated from the engine's setting descriptors by
/// [ProjectionSettingControls]), the points, Run and Cancel, and the running stage with its
/// progress.
final class MapSettingsPane {

    /// Point sets offered in the points box (any engine spec can be typed).
    static final List<String> POINT_CHOICES = List.of("top:500", MapSettings.DEFAULT_POINTS, "top:5000",
            "lexicon", "pattern:^▁", "pattern:^##");

    private final MapViewModel viewModel;
    /// Held for the pane's lifetime: it keeps the weakly bound adapters of its spinners alive.
    private final ProjectionSettingControls parameters;
    private final VBox root = new VBox(8);

    MapSettingsPane(MapViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("mapSettings");
        root.getStyleClass().addAll("card", "map-settings");

        ComboBox<ProjectionMethod> method = new ComboBox<>();
        method.getItems().setAll(ProjectionMethod.values());
        method.setId("mapMethod");
        method.valueProperty().bindBidirectional(viewModel.methodProperty());
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ProjectionMethod m) {
                return m == null ? "" : m.displayName();
            }

            @Override
            public ProjectionMethod fromString(String text) {
                return ProjectionMethod.valueOf(text);
            }
        });
        method.setTooltip(new Tooltip(Arrays.stream(ProjectionMethod.values())
                .map(m -> m.displayName() + ": " + m.summary() + ".")
                .collect(Collectors.joining(" ")) + " (Ctrl+Enter runs)"));

        parameters = new ProjectionSettingControls(viewModel.projectionSettings(),
                viewModel::settingProperty, viewModel.methodProperty());

        ComboBox<String> points = new ComboBox<>();
        points.setId("mapPoints");
        points.setEditable(true);
        points.getItems().setAll(POINT_CHOICES);
        points.setPrefWidth(150);
        points.valueProperty().bindBidirectional(viewModel.pointsProperty());
        points.setTooltip(new Tooltip("Which target tokens: top:N (first N new tokens by id), lexicon (the concepts "
                + "lexicon's words), tokens:a,b,c, pattern:REGEX, token:X"));
        CheckBox withSources = new CheckBox("with sources");
        withSources.setId("mapWithSources");
        withSources.selectedProperty().bindBidirectional(viewModel.withSourcesProperty());
        withSources.setTooltip(new Tooltip("Also map the source tokens each target was built from, linked by weight"));

        Button run = new Button("Run");
        run.setId("mapRun");
        run.setDefaultButton(false);
        run.setOnAction(e -> viewModel.runMap());
        run.setTooltip(new Tooltip("Project the points with the chosen method (Ctrl+Enter); replaces the map when done"));
        Button cancel = new Button("Cancel");
        cancel.setId("mapCancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        cancel.setTooltip(new Tooltip("Stop the projection; the map shown stays (Esc)"));
        ProgressBar progress = new ProgressBar();
        progress.setId("mapProgress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.setPrefWidth(140);
        progress.setTooltip(new Tooltip("Progress of the running stage"));
        Label stage = new Label();
        stage.setId("mapProgressText");
        stage.getStyleClass().add("muted");
        stage.textProperty().bind(viewModel.progressTextProperty());

        Label estimate = new Label();
        estimate.setId("mapPointsEstimate");
        estimate.getStyleClass().add("muted");
        estimate.textProperty().bind(viewModel.sizePreviewProperty());
        estimate.setTooltip(new Tooltip("How many points the setting maps on the current run and the expected time, "
                + "from the rate the last maps measured on this machine; maps above "
                + org.sembridge.app.common.Formats.count(MapSizeEstimator.CONFIRM_ABOVE_POINTS)
                + " points ask before they start"));

        FlowPane settings = new FlowPane(12, 8, labelled("Method", method));
        settings.getChildren().addAll(parameters.nodes());
        settings.getChildren().addAll(labelled("Points", points), withSources, estimate, run, cancel);
        settings.setAlignment(Pos.CENTER_LEFT);
        HBox status = new HBox(8, progress, stage);
        status.setAlignment(Pos.CENTER_LEFT);
        // no empty row under the settings: the status row takes room only while there is a
        // projection running or a message to show
        status.visibleProperty().bind(viewModel.runningProperty().or(stage.textProperty().isNotEmpty()));
        status.managedProperty().bind(status.visibleProperty());
        root.getChildren().addAll(settings, status);
    }

    /// The pane's node.
    Node node() {
        return root;
    }

    /// `control` with its label before it.
    static Node labelled(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("card-key");
        label.setLabelFor(control);
        HBox box = new HBox(6, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /// Shows or hides `node`, taking it out of the layout while hidden.
    static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
