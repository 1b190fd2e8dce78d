package org.sembridge.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sembridge.app.inspector.InspectorSessionState;
import org.sembridge.app.inspector.LexiconFilter;
import org.sembridge.app.inspector.TokenColumn;
import org.sembridge.app.inspector.TokenSort;
import org.sembridge.app.map.ColourMode;
import org.sembridge.app.map.LassoPolygon;
import org.sembridge.app.map.MapRequest;
import org.sembridge.app.map.MapSessionState;
import org.sembridge.app.map.MapViewport;
import org.sembridge.app.runs.RunFormState;
import org.sembridge.app.search.SearchSessionState;
import org.sembridge.app.shell.ShellSessionState;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionSetting;
import org.sembridge.engine.projection.ProjectionSettingCatalog;
import org.sembridge.engine.projection.TsneParameters;
import org.sembridge.engine.run.BiasMode;
import org.sembridge.engine.run.TargetTokenKind;
import org.sembridge.engine.run.UnknownBridgeRule;

/// Each session part's record survives record -> JSON -> record, and the parts of a session file
/// written before the records existed (`formats/workbench-v1.session.json`) read into them.
class SessionPartFormatsTest {

    private static final List<ProjectionSetting> MAP_SETTINGS = ProjectionSettingCatalog.standard().distinctByName();

    @Test
    void shellStateSurvivesARoundTrip() {
        ShellSessionState state = new ShellSessionState("inspector", "dark", true);
        assertEquals(state, ShellSessionState.fromJson(reader(state.toJson())));
    }

    @Test
    void shellStateOfTheFirstFormatVersionReads() throws IOException {
        SessionPartReader fields = reader(part("shell"));
        assertEquals(new ShellSessionState("models", "light", false), ShellSessionState.fromJson(fields));
        assertEquals(List.of(), fields.problems());
    }

    @Test
    void searchStateSurvivesARoundTrip() {
        SearchSessionState state = new SearchSessionState("/ws/indexes/ko", "집 고양이", "queries.tsv", "qrels.tsv");
        assertEquals(state, SearchSessionState.fromJson(state.toJson()));
    }

    @Test
    void searchStateOfTheFirstFormatVersionReads() throws IOException {
        assertEquals(new SearchSessionState("", "", "", ""), SearchSessionState.fromJson(part("search")));
    }

    @Test
    void runFormStateSurvivesARoundTrip() {
        RunFormState state = new RunFormState("sembridge", 2.5, BiasMode.MAPPED, true, false, true,
                UnknownBridgeRule.MEAN, 9_007_199_254_740_993L, "ko", "ko-a2.5");
        assertEquals(state, RunFormState.fromJson(reader(state.toJson())));
    }

    @Test
    void runFormStateWithoutLanguageOrNameWritesNeither() {
        RunFormState state = new RunFormState("sembridge", 4.0, BiasMode.INDEX, false, false, true,
                UnknownBridgeRule.ENTMAX, 42L, null, null);
        JsonObject json = state.toJson();
        assertEquals(List.of("method", "alpha", "bias_mode", "fuzzy", "symbols", "map_specials", "unknown_bridge",
                "seed"), List.copyOf(json.keySet()));
        assertEquals(state, RunFormState.fromJson(reader(json)));
    }

    @Test
    void runFormStateOfTheFirstFormatVersionReads() throws IOException {
        SessionPartReader fields = reader(part("runs"));
        assertEquals(new RunFormState("sembridge", 4.0, BiasMode.INDEX, false, false, true, UnknownBridgeRule.ENTMAX,
                42L, null, null), RunFormState.fromJson(fields));
        assertEquals(List.of(), fields.problems());
    }

    @Test
    void inspectorStateSurvivesARoundTrip() {
        InspectorSessionState state = new InspectorSessionState(
                new InspectorSessionState.Filter("katz", TargetTokenKind.NEW, true, false, 2, 9, LexiconFilter.MISS),
                new TokenSort(TokenColumn.ENTROPY, false), "katze", 3.5);
        assertEquals(state, InspectorSessionState.fromJson(state.toJson()));
    }

    @Test
    void inspectorStateWithNoKindOrSelectionWritesThemAsNull() {
        InspectorSessionState state = new InspectorSessionState(
                new InspectorSessionState.Filter("", null, false, false, 0, Integer.MAX_VALUE, LexiconFilter.ANY),
                new TokenSort(TokenColumn.ID, true), null, 4.0);
        JsonObject json = state.toJson();
        assertTrue(json.getAsJsonObject("filter").get("kind").isJsonNull());
        assertTrue(json.get("selectedToken").isJsonNull());
        assertEquals(state, InspectorSessionState.fromJson(json));
    }

    @Test
    void inspectorStateOfTheFirstFormatVersionReads() throws IOException {
        assertEquals(new InspectorSessionState(
                new InspectorSessionState.Filter("", null, false, false, 0, 2147483647, LexiconFilter.ANY),
                new TokenSort(TokenColumn.ID, true), "katze", 4.0), InspectorSessionState.fromJson(part("inspector")));
    }

    @Test
    void mapStateSurvivesARoundTrip() {
        Map<String, Number> parameters = new LinkedHashMap<>();
        parameters.put("perplexity", 12.5);
        parameters.put("iterations", 750);
        parameters.put("seed", 9_007_199_254_740_993L);
        LassoPolygon outline = new LassoPolygon(new double[] {0, 1, 1}, new double[] {0, 0, 1.5});
        MapSessionState state = new MapSessionState(ProjectionMethod.TSNE, parameters, "top:500", false,
                ColourMode.KIND, new MapViewport(1.5, -2, 3), outline);

        JsonElement json = state.toJson();
        SessionPartReader fields = reader(json);
        MapSessionState read = MapSessionState.fromJson(json, fields, MAP_SETTINGS);

        assertEquals(List.of(), fields.problems());
        assertEquals(state, read);
    }

    @Test
    void mapStateWithTheMapShownSurvivesARoundTrip() throws Exception {
        MapRequest request = new MapRequest(PointSetSpec.parse("top:300"), true,
                new TsneParameters(12.5, 750, 150, 9_007_199_254_740_993L));
        MapSessionState state = new MapSessionState(ProjectionMethod.PCA, Map.of(), "top:2000", true,
                ColourMode.LANGUAGE, new MapViewport(1.5, -2, 3), null,
                new MapSessionState.ShownMap("runs/ko-sembridge", request));

        JsonElement json = state.toJson();
        SessionPartReader fields = reader(json);
        MapSessionState read = MapSessionState.fromJson(json, fields, MAP_SETTINGS);

        assertEquals(List.of(), fields.problems());
        assertEquals(state.shown().run(), read.shown().run());
        assertEquals(request.parameters(), read.shown().request().parameters());
        assertEquals("top:300", read.shown().request().points().text());
        assertTrue(read.shown().request().withSources());
    }

    @Test
    void aShownMapWithBadPointsIsReportedByName() {
        JsonElement saved = JsonParser.parseString("""
                {"shown": {"run": "/r", "method": "TSNE", "points": "top:zero"}}""");
        SessionPartReader fields = reader(saved);
        MapSessionState read = MapSessionState.fromJson(saved, fields, MAP_SETTINGS);

        assertNull(read.shown());
        assertTrue(fields.problems().getFirst().startsWith("shown.points: "), fields.problems().toString());
    }

    @Test
    void mapStateOfTheFirstFormatVersionReads() throws IOException {
        JsonElement saved = part("map");
        SessionPartReader fields = reader(saved);
        MapSessionState read = MapSessionState.fromJson(saved, fields, MAP_SETTINGS);

        assertEquals(List.of(), fields.problems());
        assertEquals(ProjectionMethod.PCA, read.method());
        assertEquals("top:2000", read.points());
        assertEquals(Boolean.TRUE, read.withSources());
        assertEquals(ColourMode.LANGUAGE, read.colourMode());
        assertEquals(new MapViewport(0, 0, 1), read.viewport());
        assertNull(read.lasso());
        assertEquals(30.0, read.parameters().get("perplexity"));
        assertEquals(1000, read.parameters().get("iterations"));
        assertEquals(200.0, read.parameters().get("learningRate"));
        assertEquals(15, read.parameters().get("neighbours"));
        assertEquals(0.1, read.parameters().get("minDist"));
        assertEquals(500, read.parameters().get("epochs"));
        assertEquals(42L, read.parameters().get("seed"));
    }

    private static SessionPartReader reader(JsonElement json) {
        return new SessionPartReader(JsonParser.parseString(json.toString()));
    }

    /// The part `key` of the first-version fixture, as the session store hands it to the part.
    private static JsonElement part(String key) throws IOException {
        try (Reader in = new InputStreamReader(
                SessionPartFormatsTest.class.getResourceAsStream("/formats/workbench-v1.session.json"),
                StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(in).getAsJsonObject().getAsJsonObject("parts").get(key);
        }
    }
}
