package org.sembridge.engine.projection;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.sembridge.engine.io.AtomicFiles;

/// Writes a [ProjectedMap] as one JSON document (UTF-8, streamed with Gson, written atomically):
///
/// ```json
/// {
///   "format": "sembridge-map", "formatVersion": 1,
///   "method": "UMAP",
///   "parameters": {"neighbours": 15, "minDist": 0.1, "epochs": 500, "seed": 42},
///   "elapsedSeconds": 1.9,
///   "quality": {"k": 10, "trustworthiness": 0.93,
///               "linkedNeighbourShare": {"linkedPoints": 120, "originalSpace": 0.61, "map": 0.48}},
///   "points": [{"token": "서울", "id": 4411, "space": "target", "language": "ko", "kind": "new",
///               "x": 1.25, "y": -3.5}, ...],
///   "links": [{"from": 0, "to": 7, "weight": 0.42}, ...]
/// }
/// ```
///
/// `linkedNeighbourShare` is present only for maps with links; `x`, `y` and `weight` are floats
/// written as their shortest round-tripping decimal; `from`/`to` index `points`.
public final class MapJsonWriter {

    /// The value of the `format` field.
    public static final String FORMAT = "sembridge-map";
    /// The value of the `formatVersion` field; raised when a field changes meaning.
    public static final int FORMAT_VERSION = 1;

    private MapJsonWriter() {
    }

    /// Writes `map` to `file` atomically.
    public static void write(Path file, ProjectedMap map) throws IOException {
        AtomicFiles.write(file, out -> {
            JsonWriter json = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            json.beginObject();
            json.name("format").value(FORMAT);
            json.name("formatVersion").value(FORMAT_VERSION);
            json.name("method").value(map.method().displayName());
            json.name("parameters").beginObject();
            for (Map.Entry<String, Number> setting : map.parameters().settings().entrySet()) {
                json.name(setting.getKey()).value(setting.getValue());
            }
            json.endObject();
            json.name("elapsedSeconds").value(map.elapsedNanos() / 1e9);
            writeQuality(json, map.quality());
            json.name("points").beginArray();
            for (MapPoint point : map.points()) {
                json.beginObject();
                json.name("token").value(point.token());
                json.name("id").value(point.id());
                json.name("space").value(point.space());
                json.name("language").value(point.language());
                json.name("kind").value(point.kind());
                json.name("x").value(point.x());
                json.name("y").value(point.y());
                json.endObject();
            }
            json.endArray();
            json.name("links").beginArray();
            for (MapLink link : map.links()) {
                json.beginObject();
                json.name("from").value(link.fromIndex());
                json.name("to").value(link.toIndex());
                json.name("weight").value(link.weight());
                json.endObject();
            }
            json.endArray();
            json.endObject();
            json.flush();
        });
    }

    private static void writeQuality(JsonWriter json, MapQuality quality) throws IOException {
        json.name("quality").beginObject();
        json.name("k").value(quality.k());
        json.name("trustworthiness").value(quality.trustworthiness());
        if (quality.hasLinkedShare()) {
            LinkedNeighbourShare share = quality.linkedShare();
            json.name("linkedNeighbourShare").beginObject();
            json.name("linkedPoints").value(share.linkedPoints());
            json.name("originalSpace").value(share.originalSpace());
            json.name("map").value(share.map());
            json.endObject();
        }
        json.endObject();
    }
}
