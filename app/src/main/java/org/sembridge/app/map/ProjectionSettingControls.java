package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.util.converter.LongStringConverter;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionSetting;
import org.sembridge.engine.projection.ProjectionSettingCatalog;

/// The map page's controls for the projection settings, generated from the engine's descriptors
/// ([ProjectionSettingCatalog]): per setting a labelled spinner (whole or real numbers, bounded by
/// the descriptor's range, starting at its default) or a seed field, with the setting's help as
/// tooltip, shown only while the chosen method has that setting. Ids are `map` + the setting's
/// name with a capital (`mapPerplexity`, `mapMinDist`, `mapSeed`).
final class ProjectionSettingControls {

    /// Bidirectional bindings of spinners to primitive properties go through `asObject()`
    /// adapters, which the binding holds only weakly: they live here as long as the controls.
    private final List<Property<?>> adapters = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();

    /// Controls for every setting of `catalog`, bound to `values` (the property of each setting
    /// name, as [MapSettings#setting] gives them) and shown by `method`.
    ProjectionSettingControls(ProjectionSettingCatalog catalog, Function<String, Property<Number>> values,
            ObservableValue<ProjectionMethod> method) {
        for (ProjectionSetting setting : catalog.distinctByName()) {
            List<ProjectionMethod> methods = catalog.methodsWith(setting.name());
            Control control = switch (setting.kind()) {
                case INTEGER -> intSpinner(setting, (IntegerProperty) values.apply(setting.name()));
                case REAL -> doubleSpinner(setting, (DoubleProperty) values.apply(setting.name()));
                case SEED -> seedField((LongProperty) values.apply(setting.name()));
            };
            control.setId(id(setting));
            control.setTooltip(new Tooltip(tooltip(setting, methods)));
            Node box = MapSettingsPane.labelled(setting.label(), control);
            Runnable show = () -> MapSettingsPane.show(box, methods.contains(method.getValue()));
            method.addListener((obs, old, now) -> show.run());
            show.run();
            nodes.add(box);
        }
    }

    /// The labelled controls, in the catalog's order (settings of one method first, shared ones
    /// such as the seed last).
    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /// The id of a setting's control: `mapPerplexity`, `mapLearningRate`.
    static String id(ProjectionSetting setting) {
        return "map" + Character.toUpperCase(setting.name().charAt(0)) + setting.name().substring(1);
    }

    /// The tooltip: `t-SNE perplexity: the effective number of neighbours of each point; > 1 and
    /// below (points - 1) / 3; default 30`.
    static String tooltip(ProjectionSetting setting, List<ProjectionMethod> methods) {
        StringBuilder text = new StringBuilder(methods.stream().map(ProjectionMethod::displayName)
                .collect(Collectors.joining(" and "))).append(' ').append(setting.help());
        if (!setting.explanation().isEmpty()) {
            text.append(": ").append(setting.explanation());
        }
        if (!setting.range().isEmpty()) {
            text.append("; ").append(setting.range());
        }
        if (!setting.unit().isEmpty()) {
            text.append(" (").append(setting.unit()).append(')');
        }
        return text.append("; default ").append(setting.defaultText()).toString();
    }

    private Spinner<Integer> intSpinner(ProjectionSetting setting, IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                (int) setting.min(), (int) setting.max(), value.get(), (int) Math.max(1, setting.step())));
        spinner.getValueFactory().valueProperty().bindBidirectional(keep(value.asObject()));
        return editable(spinner);
    }

    private Spinner<Double> doubleSpinner(ProjectionSetting setting, DoubleProperty value) {
        Spinner<Double> spinner = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(setting.min(),
                setting.max(), value.get(), setting.step()));
        spinner.getValueFactory().valueProperty().bindBidirectional(keep(value.asObject()));
        return editable(spinner);
    }

    private TextField seedField(LongProperty value) {
        TextField seed = new TextField();
        seed.setPrefColumnCount(6);
        TextFormatter<Long> format = new TextFormatter<>(new LongStringConverter(), value.get(),
                change -> change.getControlNewText().matches("-?\\d{0,18}") ? change : null);
        seed.setTextFormatter(format);
        format.valueProperty().bindBidirectional(keep(value.asObject()));
        return seed;
    }

    private static <T> Spinner<T> editable(Spinner<T> spinner) {
        spinner.setEditable(true);
        spinner.setPrefWidth(95);
        return spinner;
    }

    private <T> ObjectProperty<T> keep(ObjectProperty<T> adapter) {
        adapters.add(adapter);
        return adapter;
    }
}
