package org.sembridge.app.session;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sembridge.engine.InputFormatException;

/// Reads the fields of one part of a saved session with typed accessors that never throw: a
/// field of the wrong type is recorded as a problem naming the field, what was expected and what
/// was found, and reads as absent, so the caller restores every other field. [#finish] then
/// throws one [SessionFieldException] listing the problems.
///
/// A missing field reads as absent without a problem: older sessions lack newer fields, and
/// "unknown or missing fields keep their defaults" (`SessionPart#restore`).
///
/// ```java
/// SessionPartReader fields = new SessionPartReader(state);
/// fields.string("page").ifPresent(this::showPage);
/// fields.bool("presentation").ifPresent(presentation::set);
/// fields.finish();
/// ```
public final class SessionPartReader {

    /// The longest problem line a parser's message makes (see [#shortened(String)]).
    static final int MESSAGE_LIMIT = 200;

    private final JsonObject object;
    private final List<String> problems;
    private final String prefix;

    /// Wraps a part's saved state; a state that is not a JSON object is a problem and every
    /// field then reads as absent.
    public SessionPartReader(JsonElement state) {
        this.problems = new ArrayList<>();
        this.prefix = "";
        if (state != null && state.isJsonObject()) {
            object = state.getAsJsonObject();
        } else {
            object = new JsonObject();
            problems.add("expected a JSON object, found " + describe(state));
        }
    }

    private SessionPartReader(JsonObject object, List<String> problems, String prefix) {
        this.object = object;
        this.problems = problems;
        this.prefix = prefix;
    }

    /// Whether the saved state has `field` (of any type, `null` included).
    public boolean has(String field) {
        return object.has(field);
    }

    /// The string `field`; absent when missing or JSON `null`.
    public Optional<String> string(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (isString(value)) {
            return Optional.of(value.getAsString());
        }
        return problem(field, "a string", value);
    }

    /// The string `field` when it is one of `allowed`; another text is a problem (`expected
    /// <expected>, found "<text>"`) and reads as absent.
    public Optional<String> oneOf(String field, Collection<String> allowed, String expected) {
        return string(field).filter(text -> {
            if (allowed.contains(text)) {
                return true;
            }
            report(field, shortened("expected " + expected + ", found \"" + text + "\""));
            return false;
        });
    }

    /// The string `field` turned into a value by `parser`; a text the parser refuses is a problem
    /// with the parser's message and reads as absent.
    public <T> Optional<T> parsed(String field, TextParser<T> parser) {
        return string(field).flatMap(text -> {
            try {
                return Optional.of(parser.parse(text));
            } catch (InputFormatException refused) {
                report(field, shortened(refused.getMessage()));
                return Optional.empty();
            }
        });
    }

    /// Turns a saved text into a value, refusing it with a message (`BiasMode::parse`, ...).
    @FunctionalInterface
    public interface TextParser<T> {
        T parse(String text) throws InputFormatException;
    }

    /// The boolean `field`; absent when missing.
    public Optional<Boolean> bool(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            return Optional.of(value.getAsBoolean());
        }
        return problem(field, "true or false", value);
    }

    /// The number `field`; absent when missing.
    public Optional<Double> number(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            return Optional.of(value.getAsDouble());
        }
        return problem(field, "a number", value);
    }

    /// The whole number `field` (a JSON integer that fits a `long`, read exactly); absent when
    /// missing.
    public Optional<Long> wholeNumber(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            try {
                return Optional.of(value.getAsBigDecimal().longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                // a fraction or out of range: reported below
            }
        }
        return problem(field, "a whole number", value);
    }

    /// The list of strings `field`; absent when missing or not an array. Elements that are not
    /// strings are problems (`field[i]`) and are left out; the others are kept.
    public Optional<List<String>> strings(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonArray()) {
            return problem(field, "a list of strings", value);
        }
        JsonArray array = value.getAsJsonArray();
        List<String> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement element = array.get(i);
            if (isString(element)) {
                result.add(element.getAsString());
            } else {
                problems.add(prefix + field + "[" + i + "]: expected a string, found " + describe(element));
            }
        }
        return Optional.of(result);
    }

    /// The map of strings `field` (a JSON object whose values are strings), in file order;
    /// values that are not strings are problems (`field.key`) and are left out.
    public Optional<Map<String, String>> stringMap(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonObject()) {
            return problem(field, "an object of strings", value);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
            if (isString(entry.getValue())) {
                result.put(entry.getKey(), entry.getValue().getAsString());
            } else {
                problems.add(prefix + field + "." + entry.getKey() + ": expected a string, found " + describe(entry.getValue()));
            }
        }
        return Optional.of(result);
    }

    /// The nested object `field`, as a reader of its own whose problems are reported here with
    /// the prefix `field.`; absent when missing or JSON `null`.
    public Optional<SessionPartReader> object(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonObject()) {
            return problem(field, "an object", value);
        }
        return Optional.of(new SessionPartReader(value.getAsJsonObject(), problems, prefix + field + "."));
    }

    /// Records a problem found by the caller's own checks, e.g. a value outside its range.
    public void report(String field, String problem) {
        problems.add(prefix + field + ": " + problem);
    }

    /// The problems found so far (nested readers included), one line each (`field: expected X,
    /// found Y`).
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /// Throws a [SessionFieldException] listing every problem found, if any.
    public void finish() {
        if (!problems.isEmpty()) {
            throw new SessionFieldException(String.join("; ", problems));
        }
    }

    private <T> Optional<T> problem(String field, String expected, JsonElement found) {
        problems.add(prefix + field + ": expected " + expected + ", found " + describe(found));
        return Optional.empty();
    }

    /// `message` cut to [#MESSAGE_LIMIT] characters: a message that quotes a refused text would
    /// otherwise be as long as that text, which a hostile session file makes as long as the file.
    static String shortened(String message) {
        if (message.length() <= MESSAGE_LIMIT) {
            return message;
        }
        return message.substring(0, MESSAGE_LIMIT - 3) + "... (" + message.length() + " characters)";
    }

    private static boolean isString(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    /// A short description of a JSON value for messages: its type and, for primitives, the value.
    static String describe(JsonElement value) {
        if (value == null) {
            return "nothing";
        }
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonArray()) {
            return "a list of " + value.getAsJsonArray().size();
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        String text = primitive.toString();
        return (primitive.isString() ? "the string " : primitive.isNumber() ? "the number " : "")
                + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }
}
