package org.sembridge.app.map;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sembridge.app.session.SessionPartReader;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.projection.PcaParameters;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.projection.TsneParameters;
import org.sembridge.engine.projection.UmapParameters;

/// The user's choices on the map page: the projection settings of the next run (method, its
/// parameters, the points spec, with sources) and the colour mode, with their session JSON.
///
/// Plain properties without checks: the engine validates the parameters when a run starts.
final class MapSettings {

    /// The points mapped by default: the first 2,000 new target tokens with their sources.
    static final String DEFAULT_POINTS = "top:2000";

    private final ObjectProperty<ProjectionMethod> method = new SimpleObjectProperty<>(ProjectionMethod.PCA);
    private final DoubleProperty perplexity = new SimpleDoubleProperty(TsneParameters.DEFAULT_PERPLEXITY);
    private final IntegerProperty iterations = new SimpleIntegerProperty(TsneParameters.DEFAULT_ITERATIONS);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(TsneParameters.DEFAULT_LEARNING_RATE);
    private final IntegerProperty neighbours = new SimpleIntegerProperty(UmapParameters.DEFAULT_NEIGHBOURS);
    private final DoubleProperty minDist = new SimpleDoubleProperty(UmapParameters.DEFAULT_MIN_DIST);
    private final IntegerProperty epochs = new SimpleIntegerProperty(UmapParameters.DEFAULT_EPOCHS);
    private final LongProperty seed = new SimpleLongProperty(TsneParameters.DEFAULT_SEED);
    private final StringProperty points = new SimpleStringProperty(DEFAULT_POINTS);
    private final BooleanProperty withSources = new SimpleBooleanProperty(true);
    private final ObjectProperty<ColourMode> colourMode = new SimpleObjectProperty<>(ColourMode.LANGUAGE);

    /// The projection method of the next run; PCA by default.
    ObjectProperty<ProjectionMethod> method() {
        return method;
    }

    /// t-SNE perplexity; default 30.
    DoubleProperty perplexity() {
        return perplexity;
    }

    /// t-SNE iterations; default 1000.
    IntegerProperty iterations() {
        return iterations;
    }

    /// t-SNE learning rate; default 200.
    DoubleProperty learningRate() {
        return learningRate;
    }

    /// UMAP neighbours; default 15.
    IntegerProperty neighbours() {
        return neighbours;
    }

    /// UMAP min_dist; default 0.1.
    DoubleProperty minDist() {
        return minDist;
    }

    /// UMAP epochs; default 500.
    IntegerProperty epochs() {
        return epochs;
    }

    /// Seed of t-SNE and UMAP; default 42.
    LongProperty seed() {
        return seed;
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
        return switch (method.get()) {
            case PCA -> new PcaParameters();
            case TSNE -> new TsneParameters(perplexity.get(), iterations.get(), learningRate.get(), seed.get());
            case UMAP -> new UmapParameters(neighbours.get(), minDist.get(), epochs.get(), seed.get());
        };
    }

    /// The request for the chosen points projected with `projection` (the chosen
    /// [#parameters()], or PCA for the automatic first map).
    ///
    /// @throws InputFormatException if the points spec does not parse
    MapRequest request(ProjectionParameters projection) throws InputFormatException {
        return new MapRequest(PointSetSpec.parse(points.get()), withSources.get(), projection);
    }

    /// Adds the settings to the session object `json`, one member each.
    void save(JsonObject json) {
        json.addProperty("method", method.get().name());
        json.addProperty("perplexity", perplexity.get());
        json.addProperty("iterations", iterations.get());
        json.addProperty("learningRate", learningRate.get());
        json.addProperty("neighbours", neighbours.get());
        json.addProperty("minDist", minDist.get());
        json.addProperty("epochs", epochs.get());
        json.addProperty("seed", seed.get());
        json.addProperty("points", points.get());
        json.addProperty("withSources", withSources.get());
        json.addProperty("colourMode", colourMode.get().name());
    }

    /// Sets the settings `fields` holds (`json` is the object it reads); missing members keep
    /// their value, and a member of the wrong type or an unknown method or colour mode is
    /// reported to `fields` by name and skipped.
    void restore(SessionPartReader fields, JsonObject json) {
        fields.string("method").ifPresent(name -> constant(fields, "method", ProjectionMethod.class, name)
                .ifPresent(method::set));
        fields.string("colourMode").ifPresent(name -> constant(fields, "colourMode", ColourMode.class, name)
                .ifPresent(colourMode::set));
        fields.number("perplexity").ifPresent(perplexity::set);
        fields.number("iterations").ifPresent(value -> iterations.set(value.intValue()));
        fields.number("learningRate").ifPresent(learningRate::set);
        fields.number("neighbours").ifPresent(value -> neighbours.set(value.intValue()));
        fields.number("minDist").ifPresent(minDist::set);
        fields.number("epochs").ifPresent(value -> epochs.set(value.intValue()));
        // The reader checks the type; the long is read from `json` because a double would round
        // seeds above 2^53.
        fields.number("seed").ifPresent(checked -> seed.set(json.get("seed").getAsLong()));
        fields.string("points").ifPresent(points::set);
        fields.bool("withSources").ifPresent(withSources::set);
    }

    private static <E extends Enum<E>> Optional<E> constant(SessionPartReader fields, String field, Class<E> type,
            String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException unknown) {
            fields.report(field, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", found \"" + name
                    + "\"");
            return Optional.empty();
        }
    }
}
