package org.sembridge.engine.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.JsonText;

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
            Map.entry("format_version", Kind.INTEGER),
            Map.entry("no_op", Kind.BOOLEAN),
            Map.entry("no_op_reason", Kind.STRING),
            Map.entry("method", Kind.STRING),
            Map.entry("parameters", Kind.OBJECT),
            Map.entry("parameters.alpha", Kind.NUMBER),
            Map.entry("parameters.bias_mode", Kind.STRING),
            Map.entry("parameters.seed", Kind.INTEGER),
            Map.entry("parameters.device", Kind.STRING),
            Map.entry("parameters.top_k", Kind.INTEGER),
            Map.entry("parameters.overlap", Kind.OBJECT),
            Map.entry("parameters.overlap.exact", Kind.BOOLEAN),
            Map.entry("parameters.overlap.fuzzy", Kind.BOOLEAN),
            Map.entry("parameters.overlap.symbols", Kind.BOOLEAN),
            Map.entry("inputs", Kind.OBJECT),
            Map.entry("inputs.source", Kind.OBJECT),
            Map.entry("inputs.source.path", Kind.STRING),
            Map.entry("inputs.source.sha256", Kind.STRING),
            Map.entry("inputs.target_tokenizer", Kind.OBJECT),
            Map.entry("inputs.target_tokenizer.path", Kind.STRING),
            Map.entry("inputs.target_tokenizer.sha256", Kind.STRING),
            Map.entry("inputs.bridge", Kind.OBJECT),
            Map.entry("inputs.bridge.path", Kind.STRING),
            Map.entry("inputs.bridge.sha256", Kind.STRING),
            Map.entry("inputs.bridge.kind", Kind.STRING),
            Map.entry("inputs.bridge.source_cache_key", Kind.STRING),
            Map.entry("inputs.bridge.target_cache_key", Kind.STRING),
            Map.entry("source", Kind.OBJECT),
            Map.entry("target", Kind.OBJECT),
            Map.entry("counts", Kind.OBJECT),
            Map.entry("timings_seconds", Kind.OBJECT),
            Map.entry("decisions", Kind.ARRAY),
            Map.entry("config_edits", Kind.ARRAY));

    /// Fields that every run written by `init` has and that the accessors read without a
    /// fallback (`inspect` and the workbench read them for any run): absent or `null` is an
    /// error naming the field, like a wrong type.
    private static final List<String> REQUIRED = List.of("method", "parameters", "parameters.alpha",
            "parameters.bias_mode", "parameters.seed");

    private RunManifestSchema() {
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
        if (root.get("method").getAsString().isBlank()) {
            throw new InputFormatException(file + ": field \"method\" is blank; expected the name of the transfer"
                    + " method that made the run, e.g. \"sembridge\"");
        }
        JsonElement counts = root.get("counts");
        if (counts != null && counts.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : counts.getAsJsonObject().entrySet()) {
                JsonElement value = entry.getValue();
                if (!value.isJsonObject() && !matches(value, Kind.INTEGER)) {
                    throw wrongType(file, "counts." + entry.getKey(), Kind.INTEGER, value);
                }
            }
        }
        JsonElement timings = root.get("timings_seconds");
        if (timings != null && timings.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : timings.getAsJsonObject().entrySet()) {
                if (!matches(entry.getValue(), Kind.NUMBER)) {
                    throw wrongType(file, "timings_seconds." + entry.getKey(), Kind.NUMBER, entry.getValue());
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
