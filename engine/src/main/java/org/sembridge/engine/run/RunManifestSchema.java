package org.sembridge.engine.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.JsonText;

import static org.sembridge.engine.run.RunManifestKeys.*;

/// The types of the `run.json` fields that [RunManifest]'s accessors read, checked once when the
/// manifest is read, so a hand-edited or hostile manifest fails with the field's name (exit 11)
/// instead of an internal error later, or a wrong value shown as if it were right.
///
/// The fields every accessor needs for any run (method, parameters: alpha, bias mode, seed)
/// must be present; other fields are checked when present and not `null`, absent ones are left
/// to the accessor that needs them (older and hand-written manifests omit some). Every value under `counts` that is
/// not an object must be an integer, every value under `timings_seconds` a number.
final class RunManifestSchema {

    private enum Kind {
        OBJECT("an object"), ARRAY("a list"), STRING("a string"), NUMBER("a number"), INTEGER("an integer"),
        BOOLEAN("true or false");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /// Dotted paths and their kinds; a parent is listed before its children.
    private static final List<Map.Entry<String, Kind>> FIELDS = List.of(
            Map.entry(path(FORMAT_VERSION_KEY), Kind.INTEGER),
            Map.entry(path(NO_OP), Kind.BOOLEAN),
            Map.entry(path(NO_OP_REASON), Kind.STRING),
            Map.entry(path(METHOD), Kind.STRING),
            Map.entry(path(PARAMETERS), Kind.OBJECT),
            Map.entry(path(PARAMETERS, ALPHA), Kind.NUMBER),
            Map.entry(path(PARAMETERS, BIAS_MODE), Kind.STRING),
            Map.entry(path(PARAMETERS, SEED), Kind.INTEGER),
            Map.entry(path(PARAMETERS, DEVICE), Kind.STRING),
            Map.entry(path(PARAMETERS, TOP_K), Kind.INTEGER),
            Map.entry(path(PARAMETERS, OVERLAP), Kind.OBJECT),
            Map.entry(path(PARAMETERS, OVERLAP, EXACT), Kind.BOOLEAN),
            Map.entry(path(PARAMETERS, OVERLAP, FUZZY), Kind.BOOLEAN),
            Map.entry(path(PARAMETERS, OVERLAP, SYMBOLS), Kind.BOOLEAN),
            Map.entry(path(INPUTS), Kind.OBJECT),
            Map.entry(path(INPUTS, SOURCE), Kind.OBJECT),
            Map.entry(path(INPUTS, SOURCE, PATH), Kind.STRING),
            Map.entry(path(INPUTS, SOURCE, SHA256), Kind.STRING),
            Map.entry(path(INPUTS, TARGET_TOKENIZER), Kind.OBJECT),
            Map.entry(path(INPUTS, TARGET_TOKENIZER, PATH), Kind.STRING),
            Map.entry(path(INPUTS, TARGET_TOKENIZER, SHA256), Kind.STRING),
            Map.entry(path(INPUTS, BRIDGE), Kind.OBJECT),
            Map.entry(path(INPUTS, BRIDGE, PATH), Kind.STRING),
            Map.entry(path(INPUTS, BRIDGE, SHA256), Kind.STRING),
            Map.entry(path(INPUTS, BRIDGE, KIND), Kind.STRING),
            Map.entry(path(INPUTS, BRIDGE, SOURCE_CACHE_KEY), Kind.STRING),
            Map.entry(path(INPUTS, BRIDGE, TARGET_CACHE_KEY), Kind.STRING),
            Map.entry(path(SOURCE), Kind.OBJECT),
            Map.entry(path(TARGET), Kind.OBJECT),
            Map.entry(path(TARGET, LANGUAGE), Kind.STRING),
            Map.entry(path(TARGET, LANGUAGE_ORIGIN), Kind.STRING),
            Map.entry(path(TARGET, SCRIPTS), Kind.OBJECT),
            Map.entry(path(TARGET, LANGUAGES), Kind.ARRAY),
            Map.entry(path(COUNTS), Kind.OBJECT),
            Map.entry(path(TIMINGS_SECONDS), Kind.OBJECT),
            Map.entry(path(DECISIONS), Kind.ARRAY),
            Map.entry(path(CONFIG_EDITS), Kind.ARRAY));

    /// Fields that every run written by `init` has and that the accessors read without a
    /// fallback (`inspect` and the workbench read them for any run): absent or `null` is an
    /// error naming the field, like a wrong type.
    private static final List<String> REQUIRED = List.of(METHOD, PARAMETERS, path(PARAMETERS, ALPHA),
            path(PARAMETERS, BIAS_MODE), path(PARAMETERS, SEED));

    private RunManifestSchema() {
    }

    /// The dotted path of nested keys, as messages show it (`parameters.alpha`).
    private static String path(String... keys) {
        return String.join(".", keys);
    }

    /// Checks `root`, read from `file`.
    ///
    /// @throws InputFormatException naming the file, the field, the expected and the found kind
    static void check(Path file, JsonObject root) throws InputFormatException {
        for (String field : REQUIRED) {
            JsonElement value = find(root, field);
            if (value == null || value.isJsonNull()) {
                throw new InputFormatException(file + ": lacks a field: \"" + field + "\" is missing; every run.json"
                        + " written by `sembridge init` has it (was run.json edited by hand?)");
            }
        }
        for (Map.Entry<String, Kind> field : FIELDS) {
            JsonElement value = find(root, field.getKey());
            if (value != null && !value.isJsonNull() && !matches(value, field.getValue())) {
                throw wrongType(file, field.getKey(), field.getValue(), value);
            }
        }
        if (root.get(METHOD).getAsString().isBlank()) {
            throw new InputFormatException(file + ": field \"method\" is blank; expected the name of the transfer"
                    + " method that made the run, e.g. \"sembridge\"");
        }
        JsonElement counts = root.get(COUNTS);
        if (counts != null && counts.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : counts.getAsJsonObject().entrySet()) {
                JsonElement value = entry.getValue();
                if (!value.isJsonObject() && !matches(value, Kind.INTEGER)) {
                    throw wrongType(file, path(COUNTS, entry.getKey()), Kind.INTEGER, value);
                }
            }
        }
        JsonElement timings = root.get(TIMINGS_SECONDS);
        if (timings != null && timings.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : timings.getAsJsonObject().entrySet()) {
                if (!matches(entry.getValue(), Kind.NUMBER)) {
                    throw wrongType(file, path(TIMINGS_SECONDS, entry.getKey()), Kind.NUMBER, entry.getValue());
                }
            }
        }
    }

    /// The element at a dotted path, or `null` when a step is absent or its parent is not an
    /// object (the parent's own check reports that).
    private static JsonElement find(JsonObject root, String path) {
        JsonElement current = root;
        for (String step : path.split("\\.")) {
            if (current == null || !current.isJsonObject()) {
                return null;
            }
            current = current.getAsJsonObject().get(step);
        }
        return current;
    }

    private static boolean matches(JsonElement value, Kind kind) {
        return switch (kind) {
            case OBJECT -> value.isJsonObject();
            case ARRAY -> value.isJsonArray();
            case STRING -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case BOOLEAN -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
            case NUMBER -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                    && Double.isFinite(value.getAsDouble());
            case INTEGER -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                    && isLong(value.getAsJsonPrimitive().getAsString());
        };
    }

    private static boolean isLong(String number) {
        try {
            Long.parseLong(number);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static InputFormatException wrongType(Path file, String field, Kind expected, JsonElement found) {
        String shown = found.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        return new InputFormatException(file + ": field \"" + field + "\" must be " + expected.words + ", found "
                + JsonText.kind(found) + " (" + shown + "); was run.json edited by hand?");
    }
}
