package org.sembridge.app.map;

import com.google.gson.JsonObject;
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
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.projection.PcaParameters;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.projection.TsneParameters;
import org.sembridge.engine.projection.UmapParameters;
import org.sembridge.engine.projection.points.PointSetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The user's choices on the map page: the projection settings of the next run (method, its
/// parameters, the points spec, with sources) and the colour mode, with their session JSON.
///
/// Plain properties without checks: the engine validates the parameters when a run starts.
final class MapSettings {

    /// The points mapped by default: the first 2,000 new target tokens with their sources.
    static final String DEFAULT_POINTS = "top:2000";

    private static final Logger LOG = LoggerFactory.getLogger(MapSettings.class);

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

    /// Sets the settings `json` holds; missing members keep their value, an unknown method or
    /// colour mode is logged and skipped.
    void restore(JsonObject json) {
        try {
            if (json.has("method")) {
                method.set(ProjectionMethod.valueOf(json.get("method").getAsString()));
            }
            if (json.has("colourMode")) {
                colourMode.set(ColourMode.valueOf(json.get("colourMode").getAsString()));
            }
        } catch (IllegalArgumentException unknown) {
            LOG.warn("Session map state names an unknown method or colour mode: {}", unknown.getMessage());
        }
        if (json.has("perplexity")) {
            perplexity.set(json.get("perplexity").getAsDouble());
        }
        if (json.has("iterations")) {
            iterations.set(json.get("iterations").getAsInt());
        }
        if (json.has("learningRate")) {
            learningRate.set(json.get("learningRate").getAsDouble());
        }
        if (json.has("neighbours")) {
            neighbours.set(json.get("neighbours").getAsInt());
        }
        if (json.has("minDist")) {
            minDist.set(json.get("minDist").getAsDouble());
        }
        if (json.has("epochs")) {
            epochs.set(json.get("epochs").getAsInt());
        }
        if (json.has("seed")) {
            seed.set(json.get("seed").getAsLong());
        }
        if (json.has("points")) {
            points.set(json.get("points").getAsString());
        }
        if (json.has("withSources")) {
            withSources.set(json.get("withSources").getAsBoolean());
        }
    }
}
