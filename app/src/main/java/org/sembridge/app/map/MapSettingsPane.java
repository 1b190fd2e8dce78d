package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.converter.LongStringConverter;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.TsneParameters;
import org.sembridge.engine.projection.UmapParameters;

/// The settings chosen before a projection: the method and its parameters (only the chosen
/// method's are shown; defaults and lower limits from the engine's parameter records), the
/// points, Run and Cancel, and the running stage with its progress.
final class MapSettingsPane {

    /// Point sets offered in the points box (any engine spec can be typed).
    static final List<String> POINT_CHOICES = List.of("top:500", MapSettings.DEFAULT_POINTS, "top:5000",
            "lexicon", "pattern:^▁", "pattern:^##");

    private final MapViewModel viewModel;
    /// Bidirectional bindings of spinners to primitive properties go through `asObject()`
    /// adapters, which the binding holds only weakly: they live here as long as the pane.
    private final List<Property<?>> adapters = new ArrayList<>();
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
        method.setTooltip(new Tooltip("PCA: linear and instant, keeps global distances. t-SNE: local neighbourhoods."
                + " UMAP: local neighbourhoods and more global shape. (Ctrl+Enter runs)"));

        HBox tsne = group(
                labelled("Perplexity", doubleSpinner("mapPerplexity", 2, 200, 5, viewModel.perplexityProperty()
                        .asObject(), "t-SNE perplexity: effective neighbours per point, > 1 and below (points − 1) / 3; "
                        + "default " + (int) TsneParameters.DEFAULT_PERPLEXITY)),
                labelled("Iterations", intSpinner("mapIterations", TsneParameters.MIN_ITERATIONS, 20_000, 250,
                        viewModel.iterationsProperty().asObject(), "t-SNE iterations, at least "
                                + TsneParameters.MIN_ITERATIONS + " (early exaggeration); default "
                                + TsneParameters.DEFAULT_ITERATIONS)),
                labelled("Learning rate", doubleSpinner("mapLearningRate", 1, 10_000, 50,
                        viewModel.learningRateProperty().asObject(), "t-SNE step size (> 0); default "
                                + (int) TsneParameters.DEFAULT_LEARNING_RATE + "; about points / 12 above 10,000 points")));
        HBox umap = group(
                labelled("Neighbours", intSpinner("mapNeighbours", 2, 500, 5, viewModel.neighboursProperty().asObject(),
                        "UMAP neighbours: 2 .. points − 1; small keeps local detail, large more global shape; default "
                                + UmapParameters.DEFAULT_NEIGHBOURS)),
                labelled("Min distance", doubleSpinner("mapMinDist", 0, 1, 0.05, viewModel.minDistProperty().asObject(),
                        "UMAP min_dist in [0, 1] (map units): how tightly points may pack; default "
                                + UmapParameters.DEFAULT_MIN_DIST)),
                labelled("Epochs", intSpinner("mapEpochs", UmapParameters.MIN_EPOCHS, 10_000, 50,
                        viewModel.epochsProperty().asObject(), "UMAP epochs of gradient descent, at least "
                                + UmapParameters.MIN_EPOCHS + "; default " + UmapParameters.DEFAULT_EPOCHS)));
        TextField seed = new TextField();
        seed.setId("mapSeed");
        seed.setPrefColumnCount(6);
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), viewModel.seedProperty().get(),
                change -> change.getControlNewText().matches("-?\\d{0,18}") ? change : null);
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().bindBidirectional(keep(viewModel.seedProperty().asObject()));
        seed.setTooltip(new Tooltip("Seed of the t-SNE and UMAP start jitter and sampling; same seed, same map; "
                + "default " + TsneParameters.DEFAULT_SEED));
        Node seedBox = labelled("Seed", seed);
        tsne.setId("mapTsneSettings");
        umap.setId("mapUmapSettings");
        Runnable showMethod = () -> {
            ProjectionMethod chosen = viewModel.methodProperty().get();
            show(tsne, chosen == ProjectionMethod.TSNE);
            show(umap, chosen == ProjectionMethod.UMAP);
            show(seedBox, chosen != ProjectionMethod.PCA);
        };
        viewModel.methodProperty().addListener((obs, old, now) -> showMethod.run());
        showMethod.run();

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

        FlowPane settings = new FlowPane(12, 8, labelled("Method", method), tsne, umap, seedBox,
                labelled("Points", points), withSources, run, cancel);
        settings.setAlignment(Pos.CENTER_LEFT);
        HBox status = new HBox(8, progress, stage);
        status.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(settings, status);
    }

    /// The pane's node.
    Node node() {
        return root;
    }

    private Spinner<Double> doubleSpinner(String id, double min, double max, double step, ObjectProperty<Double> value,
            String tip) {
        Spinner<Double> spinner = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max,
                value.get(), step));
        spinner.getValueFactory().valueProperty().bindBidirectional(keep(value));
        return configure(spinner, id, tip);
    }

    private Spinner<Integer> intSpinner(String id, int min, int max, int step, ObjectProperty<Integer> value,
            String tip) {
        Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                value.get(), step));
        spinner.getValueFactory().valueProperty().bindBidirectional(keep(value));
        return configure(spinner, id, tip);
    }

    private static <T> Spinner<T> configure(Spinner<T> spinner, String id, String tip) {
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(95);
        spinner.setTooltip(new Tooltip(tip));
        return spinner;
    }

    private <T> ObjectProperty<T> keep(ObjectProperty<T> adapter) {
        adapters.add(adapter);
        return adapter;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(10, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node labelled(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("card-key");
        label.setLabelFor(control);
        HBox box = new HBox(6, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
