package org.sembridge.engine.hf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.Utf8Text;

/// One JSON object read from a model folder file, with typed getters whose errors name the file,
/// the key, what was expected and what was found.
final class JsonFile {

    private final Path path;
    private final JsonObject root;

    private JsonFile(Path path, JsonObject root) {
        this.path = path;
        this.root = root;
    }

    /// Reads `path`, which must hold a JSON object.
    static JsonFile read(Path path) throws ModelFormatException {
        String text;
        try {
            text = Utf8Text.read(path, ModelFormatException::new);
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
        return parse(path, text);
    }

    /// Parses `text` as the content of `path`.
    static JsonFile parse(Path path, String text) throws ModelFormatException {
        return new JsonFile(path, JsonText.parseObject(text, path, ModelFormatException::new));
    }

    Path path() {
        return path;
    }

    JsonObject root() {
        return root;
    }

    boolean has(String key) {
        return root.has(key) && !root.get(key).isJsonNull();
    }

    /// The positive integer under `key`; `why` completes the message when the key is missing.
    int requirePositiveInt(String key, String why) throws ModelFormatException {
        OptionalInt value = optInt(key);
        if (value.isEmpty()) {
            throw new ModelFormatException(path + ": missing key \"" + key + "\" (" + why + ")");
        }
        if (value.getAsInt() <= 0) {
            throw new ModelFormatException(path + ": \"" + key + "\" must be positive, found "
                    + value.getAsInt());
        }
        return value.getAsInt();
    }

    OptionalInt optInt(String key) throws ModelFormatException {
        if (!has(key)) {
            return OptionalInt.empty();
        }
        JsonElement value = root.get(key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return OptionalInt.of((int) number);
            }
        }
        throw new ModelFormatException(path + ": \"" + key + "\" must be an integer, found " + value);
    }

    double optDouble(String key, double fallback) throws ModelFormatException {
        if (!has(key)) {
            return fallback;
        }
        JsonElement value = root.get(key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            return value.getAsDouble();
        }
        throw new ModelFormatException(path + ": \"" + key + "\" must be a number, found " + value);
    }

    boolean optBoolean(String key, boolean fallback) throws ModelFormatException {
        if (!has(key)) {
            return fallback;
        }
        JsonElement value = root.get(key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsBoolean();
        }
        throw new ModelFormatException(path + ": \"" + key + "\" must be true or false, found " + value);
    }

    Optional<String> optString(String key) throws ModelFormatException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonElement value = root.get(key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return Optional.of(value.getAsString());
        }
        throw new ModelFormatException(path + ": \"" + key + "\" must be a string, found " + value);
    }

    List<String> optStrings(String key) throws ModelFormatException {
        if (!has(key)) {
            return List.of();
        }
        JsonElement value = root.get(key);
        if (!value.isJsonArray()) {
            throw new ModelFormatException(path + ": \"" + key + "\" must be a list of strings, found " + value);
        }
        List<String> strings = new ArrayList<>();
        for (JsonElement item : value.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw new ModelFormatException(path + ": \"" + key + "\" must be a list of strings, found item "
                        + item);
            }
            strings.add(item.getAsString());
        }
        return List.copyOf(strings);
    }

    private static String kind(JsonElement element) {
        if (element instanceof JsonArray) {
            return "an array";
        }
        return element.isJsonNull() ? "null" : "the value " + element;
    }
}
