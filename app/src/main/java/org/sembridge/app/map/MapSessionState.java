package org.sembridge.app.map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sembridge.app.session.SessionPartReader;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.projection.ProjectionSetting;
import org.sembridge.engine.projection.ProjectionSettingCatalog;

/// The map page's part of a saved session (key `map`), with its member names in one place: the
/// projection settings of the form (method, one member per projection setting named as
/// [ProjectionSetting#name()], the points spec, whether source tokens are shown), the colour
/// mode, and the map shown: which run and request made it, its viewport and its lasso outline
/// (map units).
///
/// ```json
/// {"method": "PCA", "perplexity": 30.0, "iterations": 1000, "learningRate": 200.0, "neighbours": 15,
///  "minDist": 0.1, "epochs": 500, "seed": 42, "points": "top:2000", "withSources": true,
///  "colourMode": "LANGUAGE", "viewport": {"centreX": 0.0, "centreY": 0.0, "zoom": 1.0},
///  "lasso": {"xs": [0, 1, 1], "ys": [0, 0, 1]},
///  "shown": {"run": "/ws/runs/ko-sembridge", "method": "TSNE",
///            "parameters": {"perplexity": 30.0, "iterations": 1000, "learningRate": 200.0, "seed": 42},
///            "points": "top:2000", "withSources": true}}
/// ```
///
/// The form and the map shown differ as soon as the user changes a setting without running it,
/// so the map is saved apart: the same request on the same run makes the same coordinates
/// (projections are deterministic, see the engine's projection guide), which is what the
/// viewport and the lasso outline are in. Without `shown` (sessions saved before it existed)
/// there is no telling which map the viewport and the lasso belong to.
///
/// A `null` component was not in the file, or was invalid (reported to the reader), and keeps
/// the current value; `parameters` holds only the settings saved (an `Integer`, `Double` or
/// `Long` by the setting's kind); `lasso` and `shown` are written only when there is one.
///
/// @param method the projection method
/// @param parameters the projection settings by name, in the catalog's order
/// @param points the points spec, e.g. `top:2000`
/// @param withSources whether source tokens are shown
/// @param colourMode how points are coloured
/// @param viewport the viewport of the map shown
/// @param lasso the lasso outline on the map shown
/// @param shown the map shown, `null` when there was none (or it is not known)
public record MapSessionState(ProjectionMethod method, Map<String, Number> parameters, String points,
        Boolean withSources, ColourMode colourMode, MapViewport viewport, LassoPolygon lasso, ShownMap shown) {

    static final String KEY = "map";
    static final String METHOD = "method";
    static final String POINTS = "points";
    static final String WITH_SOURCES = "withSources";
    static final String COLOUR_MODE = "colourMode";
    static final String VIEWPORT = "viewport";
    static final String CENTRE_X = "centreX";
    static final String CENTRE_Y = "centreY";
    static final String ZOOM = "zoom";
    static final String LASSO = "lasso";
    static final String XS = "xs";
    static final String YS = "ys";
    static final String SHOWN = "shown";
    static final String RUN = "run";
    static final String PARAMETERS = "parameters";

    /// The map a session showed: the run folder (as saved: absolute, or relative to the session
    /// file) and the request that made it.
    ///
    /// @param run the run folder as the session file holds it
    /// @param request the points and projection of the map
    public record ShownMap(String run, MapRequest request) {
    }

    /// A state without a shown map (the form's settings, the colour mode, viewport and lasso).
    public MapSessionState(ProjectionMethod method, Map<String, Number> parameters, String points,
            Boolean withSources, ColourMode colourMode, MapViewport viewport, LassoPolygon lasso) {
        this(method, parameters, points, withSources, colourMode, viewport, lasso, null);
    }

    /// Copies the parameters.
    public MapSessionState {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /// The state as the session file stores it.
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty(METHOD, method == null ? null : method.name());
        parameters.forEach(json::addProperty);
        json.addProperty(POINTS, points);
        json.addProperty(WITH_SOURCES, withSources);
        json.addProperty(COLOUR_MODE, colourMode == null ? null : colourMode.name());
        if (viewport != null) {
            JsonObject view = new JsonObject();
            view.addProperty(CENTRE_X, viewport.centreX());
            view.addProperty(CENTRE_Y, viewport.centreY());
            view.addProperty(ZOOM, viewport.zoom());
            json.add(VIEWPORT, view);
        }
        if (lasso != null) {
            JsonObject outline = new JsonObject();
            outline.add(XS, numbers(lasso.xs()));
            outline.add(YS, numbers(lasso.ys()));
            json.add(LASSO, outline);
        }
        if (shown != null) {
            JsonObject map = new JsonObject();
            map.addProperty(RUN, shown.run());
            map.addProperty(METHOD, shown.request().parameters().method().name());
            JsonObject settings = new JsonObject();
            shown.request().parameters().settings().forEach(settings::addProperty);
            map.add(PARAMETERS, settings);
            map.addProperty(POINTS, shown.request().points().text());
            map.addProperty(WITH_SOURCES, shown.request().withSources());
            json.add(SHOWN, map);
        }
        return json;
    }

    /// The state `saved` holds, read through `fields` (which reports each member of the wrong
    /// type, unknown method or colour mode, invalid viewport or outline by name); `settings` are
    /// the projection settings the page knows, each read by its kind (a seed exactly, as a
    /// `long`).
    public static MapSessionState fromJson(JsonElement saved, SessionPartReader fields,
            List<ProjectionSetting> settings) {
        JsonObject json = saved != null && saved.isJsonObject() ? saved.getAsJsonObject() : new JsonObject();
        ProjectionMethod method = fields.string(METHOD)
                .flatMap(name -> constant(fields, METHOD, ProjectionMethod.class, name)).orElse(null);
        ColourMode colourMode = fields.string(COLOUR_MODE)
                .flatMap(name -> constant(fields, COLOUR_MODE, ColourMode.class, name)).orElse(null);
        Map<String, Number> parameters = parameters(json, fields, settings);
        String points = fields.string(POINTS).orElse(null);
        Boolean withSources = fields.bool(WITH_SOURCES).orElse(null);
        MapViewport viewport = fields.object(VIEWPORT).flatMap(view -> viewport(fields, view)).orElse(null);
        LassoPolygon lasso = fields.object(LASSO).flatMap(checked -> lasso(fields, json.getAsJsonObject(LASSO)))
                .orElse(null);
        ShownMap shown = fields.object(SHOWN).flatMap(map -> shown(map, json.getAsJsonObject(SHOWN))).orElse(null);
        return new MapSessionState(method, parameters, points, withSources, colourMode, viewport, lasso, shown);
    }

    /// The settings among `settings` that `json` holds, each read by its kind (a seed exactly).
    private static Map<String, Number> parameters(JsonObject json, SessionPartReader fields,
            List<ProjectionSetting> settings) {
        Map<String, Number> parameters = new LinkedHashMap<>();
        for (ProjectionSetting setting : settings) {
            fields.number(setting.name()).ifPresent(number -> parameters.put(setting.name(), switch (setting.kind()) {
                case INTEGER -> number.intValue();
                case REAL -> number;
                // The reader checks the type; the long is read from `json` because a double would
                // round seeds above 2^53.
                case SEED -> json.get(setting.name()).getAsLong();
            }));
        }
        return parameters;
    }

    /// The shown map `map` describes; absent (each problem reported with the prefix `shown.`)
    /// when its run, method or points are missing or invalid. Settings that are not saved take
    /// their defaults; the projection checks their ranges when it runs.
    private static Optional<ShownMap> shown(SessionPartReader map, JsonObject json) {
        Optional<String> run = map.string(RUN);
        Optional<ProjectionMethod> method = map.string(METHOD)
                .flatMap(name -> constant(map, METHOD, ProjectionMethod.class, name));
        Optional<String> points = map.string(POINTS);
        boolean withSources = map.bool(WITH_SOURCES).orElse(true);
        if (run.isEmpty() || method.isEmpty() || points.isEmpty()) {
            map.report(RUN + ", " + METHOD + ", " + POINTS, "expected the run folder, the method and the points of the map shown");
            return Optional.empty();
        }
        Map<String, Number> values = map.object(PARAMETERS)
                .map(settings -> parameters(json.getAsJsonObject(PARAMETERS), settings,
                        ProjectionSettingCatalog.standard().of(method.get())))
                .orElse(Map.of());
        try {
            return Optional.of(new ShownMap(run.get(), new MapRequest(PointSetSpec.parse(points.get()), withSources,
                    ProjectionParameters.of(method.get(), values))));
        } catch (InputFormatException | IllegalArgumentException invalid) {
            map.report(POINTS, invalid.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<MapViewport> viewport(SessionPartReader fields, SessionPartReader view) {
        Optional<Double> centreX = view.number(CENTRE_X);
        Optional<Double> centreY = view.number(CENTRE_Y);
        Optional<Double> zoom = view.number(ZOOM);
        if (centreX.isEmpty() || centreY.isEmpty() || zoom.isEmpty()) {
            fields.report(VIEWPORT, "expected the numbers centreX, centreY and zoom");
            return Optional.empty();
        }
        try {
            return Optional.of(new MapViewport(centreX.get(), centreY.get(), zoom.get()));
        } catch (IllegalArgumentException invalid) {
            fields.report(VIEWPORT, invalid.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<LassoPolygon> lasso(SessionPartReader fields, JsonObject outline) {
        try {
            return Optional.of(new LassoPolygon(doubles(outline.get(XS)), doubles(outline.get(YS))));
        } catch (RuntimeException invalid) {
            fields.report(LASSO, "expected lists xs and ys of at least 3 numbers each, as many xs as ys ("
                    + invalid.getMessage() + ")");
            return Optional.empty();
        }
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

    private static JsonArray numbers(double[] values) {
        JsonArray array = new JsonArray();
        Arrays.stream(values).forEach(array::add);
        return array;
    }

    private static double[] doubles(JsonElement element) {
        JsonArray array = element.getAsJsonArray();
        double[] values = new double[array.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = array.get(k).getAsDouble();
        }
        return values;
    }
}
