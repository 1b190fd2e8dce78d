package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapJsonWriterTest {

    @TempDir
    Path temp;

    @Test
    void jointMapJsonHoldsPointsLinksParametersAndQuality() throws Exception {
        ProjectedMap map = new ProjectedMap(
                List.of(new MapPoint("서울", 4411, "target", "ko", "new", 1.25f, -3.5f),
                        new MapPoint("Seoul", 17, "source", "en", "", 0.1f, 2f)),
                List.of(new MapLink(0, 1, 0.42f)), new UmapParameters(15, 0.1, 500, 7),
                new MapQuality(10, 0.93, new LinkedNeighbourShare(10, 1, 1.0, 0.0)), 1_500_000_000L);
        Path file = temp.resolve("map.json");

        MapJsonWriter.write(file, map);

        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("sembridge-map", json.get("format").getAsString());
        assertEquals("UMAP", json.get("method").getAsString());
        assertEquals(15, json.getAsJsonObject("parameters").get("neighbours").getAsInt());
        assertEquals(0.1, json.getAsJsonObject("parameters").get("minDist").getAsDouble());
        assertEquals(7, json.getAsJsonObject("parameters").get("seed").getAsLong());
        assertEquals(1.5, json.get("elapsedSeconds").getAsDouble());
        assertEquals(0.93, json.getAsJsonObject("quality").get("trustworthiness").getAsDouble());
        assertEquals(0.0, json.getAsJsonObject("quality").getAsJsonObject("linkedNeighbourShare").get("map")
                .getAsDouble());
        JsonObject point = json.getAsJsonArray("points").get(0).getAsJsonObject();
        assertEquals("서울", point.get("token").getAsString());
        assertEquals(4411, point.get("id").getAsInt());
        assertEquals(-3.5f, point.get("y").getAsFloat());
        JsonObject link = json.getAsJsonArray("links").get(0).getAsJsonObject();
        assertEquals(0, link.get("from").getAsInt());
        assertEquals(0.42f, link.get("weight").getAsFloat());
    }

    @Test
    void mapWithoutLinksHasNoLinkedShareField() throws Exception {
        ProjectedMap map = new ProjectedMap(List.of(new MapPoint("a", 1, "source", "en", "", 0f, 0f)), List.of(),
                new PcaParameters(), new MapQuality(1, 1.0, null), 0);
        Path file = temp.resolve("map.json");

        MapJsonWriter.write(file, map);

        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertFalse(json.getAsJsonObject("quality").has("linkedNeighbourShare"));
        assertEquals(0, json.getAsJsonObject("parameters").size());
    }
}
