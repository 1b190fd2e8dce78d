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
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.TextLineReader;

/// Parses one line of a JSON Lines file into an object and reads its fields, reporting every
/// problem with the file and line of a [TextLineReader].
///
/// Parsing is strict JSON (RFC 8259 via Gson's `Strictness.STRICT`): no comments, no single
/// quotes, no unquoted names, no `NaN`, no trailing content after the object. Syntax errors are
/// worded by [JsonText]: `"<file> line 7: malformed JSON at column 20: expected ..."`.
///
/// **Ids and texts may be numbers.** A field read as a string accepts a JSON string or a JSON
/// number, the number kept exactly as written in the file (`{"_id": 7}` is document `7`,
/// `{"_id": 1.50}` is `1.50`): numeric ids are common in exported corpora and queries. Objects,
/// arrays and booleans are refused naming the field and what was found.
public final class JsonLineParser {

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
        } catch (JsonParseException | IOException | IllegalStateException | StackOverflowError e) {
            throw new InputFormatException(where.location() + ": " + JsonText.malformedInLine(e), e);
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
}
