package org.sembridge.engine.index;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sembridge.engine.InputFormatException;

/// Parses one line of a JSON Lines file into an object and reads its fields, reporting every
/// problem with the file and line of a [TextLineReader].
///
/// Parsing is strict JSON (RFC 8259 via Gson's `Strictness.STRICT`): no comments, no single
/// quotes, no unquoted names, no `NaN`, no trailing content after the object.
public final class JsonLineParser {

    private static final Pattern GSON_LOCATION = Pattern.compile("(.*?)\\s*at line \\d+ column (\\d+).*");

    private JsonLineParser() {
    }

    /// Parses `line` as one JSON object.
    ///
    /// @param where the reader the line came from, for the error location
    /// @throws InputFormatException when the line is not a single JSON object
    public static JsonObject parseObject(String line, TextLineReader where) throws InputFormatException {
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(line))) {
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw where.error("malformed JSON: unexpected content after the object (one object per line)");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new InputFormatException(where.location() + ": malformed JSON: " + describe(e), e);
        }
        if (!element.isJsonObject()) {
            throw where.error("expected a JSON object per line, found " + describe(element));
        }
        return element.getAsJsonObject();
    }

    /// The value of the first of `names` present in `object` as a string (a JSON string, or a
    /// number written as in the file), or `null` when none of them is present or all are `null`.
    ///
    /// @throws InputFormatException when the value is an object, array or boolean
    public static String optionalString(JsonObject object, List<String> names, TextLineReader where)
            throws InputFormatException {
        for (String name : names) {
            JsonElement value = object.get(name);
            if (value == null || value.isJsonNull()) {
                continue;
            }
            if (value.isJsonPrimitive() && !value.getAsJsonPrimitive().isBoolean()) {
                return value.getAsString();
            }
            throw where.error("field \"" + name + "\" must be a string, found " + describe(value));
        }
        return null;
    }

    /// Like [#optionalString] but the field must be present.
    ///
    /// @throws InputFormatException naming the accepted field names when none is present
    public static String requiredString(JsonObject object, List<String> names, TextLineReader where)
            throws InputFormatException {
        String value = optionalString(object, names, where);
        if (value == null) {
            throw where.error("missing field " + quoted(names) + "; found fields " + object.keySet());
        }
        return value;
    }

    private static String quoted(List<String> names) {
        return names.size() == 1
                ? "\"" + names.getFirst() + "\""
                : "(one of " + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + ")";
    }

    private static String describe(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        return element.getAsJsonPrimitive().isBoolean() ? "a boolean" : "the value " + element;
    }

    /// Gson's message without its advice to parse leniently: `"<problem> at column <n>"`.
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        Matcher matcher = GSON_LOCATION.matcher(first);
        if (!matcher.matches()) {
            return first;
        }
        String problem = matcher.group(1).startsWith("Use JsonReader.setStrictness") ? "invalid syntax" : matcher.group(1);
        return problem + " at column " + matcher.group(2);
    }
}
