package org.sembridge.app.runs;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.LongStringConverter;
import org.sembridge.engine.run.BiasMode;
import org.sembridge.engine.run.UnknownBridgeRule;

/// The run form: method with its description, alpha as a slider and a field bound together,
/// decoder-bias mode, overlap options, seed, run name, the models and device from the models page,
/// and Start with the reason when it is blocked. Binds to [RunsViewModel]; holds no state.
final class RunFormPane {

    private final VBox root = new VBox(10);

    RunFormPane(RunsViewModel viewModel) {
        RunForm form = viewModel.form();
        root.setId("runForm");
        root.getStyleClass().addAll("card", "run-form");
        Label title = new Label("New run");
        title.getStyleClass().add("card-title");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints keys = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        int row = 0;
        grid.addRow(row++, key("Method"), methodChooser(form));
        Label description = new Label();
        description.setId("methodDescription");
        description.getStyleClass().add("muted");
        description.setWrapText(true);
        description.textProperty().bind(Bindings.createStringBinding(
                () -> form.methodProperty().get().description(), form.methodProperty()));
        grid.add(description, 1, row++);
        grid.addRow(row++, key("Alpha"), alphaEditor(form));
        Label alphaError = errorLabel("alphaError", form.alphaErrorProperty().isEmpty());
        alphaError.textProperty().bind(form.alphaErrorProperty());
        grid.add(alphaError, 1, row++);
        grid.addRow(row++, key("Decoder bias"), biasChooser(form));
        grid.addRow(row++, key("Overlap"), overlapOptions(form));
        grid.addRow(row++, key("Seed"), seedField(form));
        grid.addRow(row++, key("Language"), languageField(form));
        grid.addRow(row++, key("Run name"), nameField(form));
        Label nameError = errorLabel("runNameError", form.nameErrorProperty().isEmpty());
        nameError.textProperty().bind(form.nameErrorProperty());
        grid.add(nameError, 1, row++);
        Label models = new Label();
        models.setId("runModels");
        models.setWrapText(true);
        models.getStyleClass().add("muted");
        models.textProperty().bind(viewModel.modelsSummaryBinding());
        models.setTooltip(new Tooltip("The models and device chosen on the Models page (Ctrl+1)"));
        grid.addRow(row, key("Models"), models);

        root.getChildren().addAll(title, grid, startRow(viewModel));
    }

    Region root() {
        return root;
    }

    private static Node methodChooser(RunForm form) {
        ChoiceBox<MethodChoice> choice = new ChoiceBox<>();
        choice.setId("methodChoice");
        choice.getItems().setAll(MethodChoice.all());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(MethodChoice method) {
                return method == null ? "" : method.name();
            }

            @Override
            public MethodChoice fromString(String name) {
                return MethodChoice.of(name);
            }
        });
        choice.valueProperty().bindBidirectional(form.methodProperty());
        choice.setTooltip(new Tooltip(MethodChoice.all().stream()
                .map(method -> method.name() + ": " + method.description() + (method.needsBridge() ? "" : " (no bridge)"))
                .collect(Collectors.joining("\n"))));
        return choice;
    }

    private static Node alphaEditor(RunForm form) {
        Slider slider = new Slider(1, 8, form.alphaProperty().get());
        slider.setId("alphaSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(9);
        slider.setBlockIncrement(0.1);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.valueProperty().bindBidirectional(form.alphaProperty());
        slider.setTooltip(new Tooltip("Entmax order of sembridge, 1 to 8 in steps of 0.1: 1 is softmax (dense), "
                + "2 sparsemax, the paper uses 4; only sembridge reads it"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        TextField field = new TextField();
        field.setId("alphaField");
        field.setPrefColumnCount(5);
        field.textProperty().bindBidirectional(form.alphaTextProperty());
        field.setTooltip(new Tooltip("Alpha as a number in [1, 8]; the slider follows"));
        HBox box = new HBox(10, slider, field);
        box.setAlignment(Pos.CENTER_LEFT);
        box.disableProperty().bind(form.alphaEnabledBinding().not());
        return box;
    }

    private static Node biasChooser(RunForm form) {
        ChoiceBox<BiasMode> choice = new ChoiceBox<>();
        choice.setId("biasModeChoice");
        choice.getItems().setAll(BiasMode.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(BiasMode mode) {
                return mode == null ? "" : mode.cliName();
            }

            @Override
            public BiasMode fromString(String name) {
                return BiasMode.valueOf(name.toUpperCase(Locale.ROOT));
            }
        });
        choice.valueProperty().bindBidirectional(form.biasModeProperty());
        choice.setTooltip(new Tooltip("index: keep the source bias by position (crop / zero-pad, the paper's); "
                + "mapped: the same weights as the embeddings; zero: all zeros"));
        return choice;
    }

    private static Node overlapOptions(RunForm form) {
        CheckBox fuzzy = new CheckBox("fuzzy");
        fuzzy.setId("fuzzyCheck");
        fuzzy.selectedProperty().bindBidirectional(form.fuzzyProperty());
        fuzzy.setTooltip(new Tooltip("Also copy target tokens equal up to case and the word-start marker"));
        CheckBox symbols = new CheckBox("symbols");
        symbols.setId("symbolsCheck");
        symbols.selectedProperty().bindBidirectional(form.symbolsProperty());
        symbols.setTooltip(new Tooltip("First copy numbers, punctuation and special tokens by exact or fuzzy form"));
        CheckBox specials = new CheckBox("map specials");
        specials.setId("mapSpecialsCheck");
        specials.selectedProperty().bindBidirectional(form.mapSpecialsProperty());
        specials.setTooltip(new Tooltip("Copy each target special (<s>, <bos>, <unk>, <pad>, <mask>) from the source "
                + "special of the same role ([CLS], [SEP], [UNK], [PAD], [MASK]); off: the paper's behaviour"));
        ChoiceBox<UnknownBridgeRule> unknown = new ChoiceBox<>();
        unknown.setId("unknownBridgeChoice");
        unknown.getItems().addAll(UnknownBridgeRule.values());
        unknown.setConverter(new StringConverter<>() {
            @Override
            public String toString(UnknownBridgeRule rule) {
                return rule == null ? "" : "unknown to bridge: " + rule.cliName();
            }

            @Override
            public UnknownBridgeRule fromString(String text) {
                return UnknownBridgeRule.ENTMAX;
            }
        });
        unknown.valueProperty().bindBidirectional(form.unknownBridgeProperty());
        unknown.setTooltip(new Tooltip("Rows whose bridge text embeds like the bridge's unknown token: entmax (the "
                + "method, as any token) or mean (the mean of the source rows)"));
        Label exact = new Label("exact matches are always copied");
        exact.getStyleClass().add("muted");
        // A flow, not a row: at 1280 px (and in presentation mode) a row cut every label to "...".
        FlowPane box = new FlowPane(14, 6, fuzzy, symbols, specials, unknown, exact);
        box.getChildren().forEach(option -> ((Region) option).setMinWidth(Region.USE_PREF_SIZE));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node seedField(RunForm form) {
        TextField field = new TextField();
        field.setId("seedField");
        field.setPrefColumnCount(10);
        TextFormatter<Long> formatter = new TextFormatter<>(new LongStringConverter(), form.seedProperty().get(),
                change -> change.getControlNewText().matches("-?\\d{0,18}") ? change : null);
        field.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(form.seedProperty());
        field.setTooltip(new Tooltip("Seed of the random baselines (random, gauss, mvgauss); default 42; "
                + "press Enter to apply"));
        return field;
    }

    private static Node languageField(RunForm form) {
        TextField field = new TextField();
        field.setId("languageField");
        field.setPrefColumnCount(10);
        field.setPromptText("inferred");
        field.textProperty().bindBidirectional(form.recordedLanguageProperty());
        field.setTooltip(new Tooltip("Target language recorded in run.json, e.g. ko, or several for a multilingual "
                + "tokenizer, e.g. ko,ru,ar; empty: inferred from the tokenizer folder's name, else from the lexicon's "
                + "languages the vocabulary covers, else from the scripts of the new tokens (\"multi\" when mixed)"));
        return field;
    }

    private static Node nameField(RunForm form) {
        TextField field = new TextField();
        field.setId("runNameField");
        field.textProperty().bindBidirectional(form.runNameProperty());
        field.setTooltip(new Tooltip("The run's folder below the workspace's runs/; the default follows "
                + "method, alpha and target language"));
        return field;
    }

    private static Node startRow(RunsViewModel viewModel) {
        Button start = new Button("Start");
        start.setId("startRun");
        start.getStyleClass().add("accent-button");
        start.disableProperty().bind(viewModel.startBlockedReasonBinding().isNotEmpty());
        start.setOnAction(e -> viewModel.start());
        // A disabled button shows no tooltip, so the tooltip sits on its container.
        HBox startBox = new HBox(start);
        startBox.setId("startRunBox");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> viewModel.startBlockedReasonBinding().get().isEmpty()
                ? "Start the run (Ctrl+Enter)"
                : "Cannot start: " + viewModel.startBlockedReasonBinding().get(), viewModel.startBlockedReasonBinding()));
        Tooltip.install(startBox, tip);
        start.setTooltip(tip);
        Label reason = new Label();
        reason.setId("startBlockedReason");
        reason.getStyleClass().add("muted");
        reason.setWrapText(true);
        reason.textProperty().bind(viewModel.startBlockedReasonBinding());
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox row = new HBox(12, startBox, reason);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("card-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label errorLabel(String id, ObservableBooleanValue hidden) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        label.visibleProperty().bind(Bindings.not(hidden));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
