package org.sembridge.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// The `--json` reports of the bench commands as they were printed before their codecs existed
/// (`src/test/resources/formats/bench/X-v1.json`, each captured with the smallest settings of
/// its command's test, local paths made relative), and the key paths that tests compare with
/// them: the keys and their nesting must stay, the values may differ run to run.
///
/// To regenerate a fixture after a deliberate layout change (with a new `format_version`), run
/// the command line of its command test with `--json` and save the output as `X-v2.json`.
final class BenchJsonFixtures {

    private BenchJsonFixtures() {
    }

    /// The fixture `formats/bench/<name>-v1.json`.
    static JsonObject v1(String name) {
        String resource = "/formats/bench/" + name + "-v1.json";
        try (InputStream in = BenchJsonFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Every key of `element` as a path, in document order: `a`, `a.b`, `list[0].c`; array
    /// elements that are not objects or arrays add nothing.
    static List<String> keyPaths(JsonElement element) {
        List<String> paths = new ArrayList<>();
        collect("", element, paths);
        return paths;
    }

    private static void collect(String prefix, JsonElement element, List<String> paths) {
        if (element instanceof JsonObject object) {
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
                paths.add(path);
                collect(path, entry.getValue(), paths);
            }
        } else if (element instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                collect(prefix + "[" + i + "]", array.get(i), paths);
            }
        }
    }
}
