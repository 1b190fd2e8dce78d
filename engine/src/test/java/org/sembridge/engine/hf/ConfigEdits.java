package org.sembridge.engine.hf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/// Rewrites a JSON file of a test model folder in place, to produce a broken variant.
public final class ConfigEdits {

    private ConfigEdits() {
    }

    /// Applies `edit` to the JSON object in `file` and writes it back.
    public static void edit(Path file, Consumer<JsonObject> edit) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        edit.accept(json);
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    }
}
