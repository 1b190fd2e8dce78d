package org.sembridge.app.map;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.projection.ProjectionSetting;
import org.sembridge.engine.projection.ProjectionSettingCatalog;

/// The user's choices on the map page: the projection settings of the next run (method, its
/// parameters, the points spec, with sources) and the colour mode, with their session JSON.
///
/// The parameters are one property per setting of the engine's [ProjectionSettingCatalog]
/// (named as the setting, typed by its kind, starting at its default), saved to the session
/// under the setting's name: a setting added to the engine's descriptors needs nothing here.
///
/// Plain properties without checks: the engine validates the parameters when a run starts.
final class MapSettings {

    /// The points mapped by default: the first 2,000 new target tokens with their sources.
    static final String DEFAULT_POINTS = "top:2000";

    private final ProjectionSettingCatalog catalog;
    private final ObjectProperty<ProjectionMethod> method = new SimpleObjectProperty<>(ProjectionMethod.PCA);
    /// One property per setting name (t-SNE and UMAP share the seed), in the catalog's order.
    private final Map<String, Property<Number>> values = new LinkedHashMap<>();
    private final StringProperty points = new SimpleStringProperty(DEFAULT_POINTS);
    private final BooleanProperty withSources = new SimpleBooleanProperty(true);
    private final ObjectProperty<ColourMode> colourMode = new SimpleObjectProperty<>(ColourMode.LANGUAGE);

    /// Settings of the engine's projection methods ([ProjectionSettingCatalog#standard()]).
    MapSettings() {
        this(ProjectionSettingCatalog.standard());
    }

    /// Settings of the methods `catalog` describes.
    MapSettings(ProjectionSettingCatalog catalog) {
        this.catalog = catalog;
        for (ProjectionSetting setting : catalog.distinctByName()) {
            values.put(setting.name(), switch (setting.kind()) {
                case INTEGER -> new SimpleIntegerProperty(setting.defaultValue().intValue());
                case REAL -> new SimpleDoubleProperty(setting.defaultValue().doubleValue());
                case SEED -> new SimpleLongProperty(setting.defaultValue().longValue());
            });
        }
    }

    /// The descriptors the parameter properties follow.
    ProjectionSettingCatalog catalog() {
        return catalog;
    }

    /// The projection method of the next run; PCA by default.
    ObjectProperty<ProjectionMethod> method() {
        return method;
    }

    /// The value of the setting named `name` ([ProjectionSetting#name()]): an `IntegerProperty`,
    /// `DoubleProperty` or `LongProperty` by the setting's kind.
    ///
    /// @throws IllegalArgumentException when no method has a setting of that name
    Property<Number> setting(String name) {
        Property<Number> value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no projection setting named " + name + "; known: " + values.keySet());
        }
        return value;
    }

    /// t-SNE perplexity; default 30.
    DoubleProperty perplexity() {
        return (DoubleProperty) setting("perplexity");
    }

    /// t-SNE iterations; default 1000.
    IntegerProperty iterations() {
        return (IntegerProperty) setting("iterations");
    }

    /// t-SNE learning rate; default 200.
    DoubleProperty learningRate() {
        return (DoubleProperty) setting("learningRate");
    }

    /// UMAP neighbours; default 15.
    IntegerProperty neighbours() {
        return (IntegerProperty) setting("neighbours");
    }

    /// UMAP min_dist; default 0.1.
    DoubleProperty minDist() {
        return (DoubleProperty) setting("minDist");
    }

    /// UMAP epochs; default 500.
    IntegerProperty epochs() {
        return (IntegerProperty) setting("epochs");
    }

    /// Seed of t-SNE and UMAP; default 42.
    LongProperty seed() {
        return (LongProperty) setting("seed");
    }

    /// The engine's point-set spec; default [#DEFAULT_POINTS].
    StringProperty points() {
        return points;
    }

    /// Whether the targets bring the source tokens they were built from; default true.
    BooleanProperty withSources() {
        return withSources;
    }

    /// Whether points are coloured by language or by kind; language by default.
    ObjectProperty<ColourMode> colourMode() {
        return colourMode;
    }

    /// The parameters the settings describe for the chosen method.
    ProjectionParameters parameters() {
        Map<String, Number> chosen = new HashMap<>();
        for (ProjectionSetting setting : catalog.of(method.get())) {
            chosen.put(setting.name(), values.get(setting.name()).getValue());
        }
        return ProjectionParameters.of(method.get(), chosen);
    }

    /// The request for the chosen points projected with `projection` (the chosen
    /// [#parameters()], or PCA for the automatic first map).
    ///
    /// @throws InputFormatException if the points spec does not parse
    MapRequest request(ProjectionParameters projection) throws InputFormatException {
        return new MapRequest(PointSetSpec.parse(points.get()), withSources.get(), projection);
    }

    /// The settings as a saved session holds them (no viewport or lasso: those are the
    /// camera's and the lasso's).
    MapSessionState sessionState() {
        Map<String, Number> parameters = new LinkedHashMap<>();
        values.forEach((name, value) -> parameters.put(name, value.getValue()));
        return new MapSessionState(method.get(), parameters, points.get(), withSources.get(), colourMode.get(), null,
                null);
    }

    /// Sets the settings `saved` holds; `null` members keep their value.
    void restore(MapSessionState saved) {
        if (saved.method() != null) {
            method.set(saved.method());
        }
        if (saved.colourMode() != null) {
            colourMode.set(saved.colourMode());
        }
        saved.parameters().forEach((name, number) -> {
            Property<Number> value = values.get(name);
            if (value != null) {
                value.setValue(number);
            }
        });
        if (saved.points() != null) {
            points.set(saved.points());
        }
        if (saved.withSources() != null) {
            withSources.set(saved.withSources());
        }
    }

    /// The settings whose values a saved session holds, in the order they are saved.
    List<ProjectionSetting> savedSettings() {
        return catalog.distinctByName();
    }
}
