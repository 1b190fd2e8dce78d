package org.sembridge.engine.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Parses JSON text and words every syntax error as one line in our terms: file, line, column,
/// what was expected, and the JSON path when it helps (`near $.model.vocab`). Lines and columns
/// are 1-based as Gson counts them: the column is that of the offending character or of the one
/// just after it.
///
/// Gson's own texts (`MalformedJsonException: Unterminated object at line 1 column 12 path $.a`,
/// a second line `See https://github.com/google/gson/...`, or advice to call
/// `JsonReader.setStrictness(Strictness.LENIENT)`) never reach the user.
///
/// Whole files are parsed as by `JsonParser.parseString` (Gson's lenient reading, which model
/// folders written by Python rely on for `NaN`), nested at most 255 levels deep (Gson's limit,
/// which turns absurdly nested input into an error instead of a stack overflow).
public final class JsonText {

    private static final Pattern GSON_LOCATION =
            Pattern.compile("(.*?)\\s+at line (\\d+) column (\\d+)(?: path (\\S+))?.*", Pattern.DOTALL);

    /// A typed read that met another token: `Expected BEGIN_ARRAY but was STRING`, `Expected an int
    /// but was 1.5`.
    private static final Pattern UNEXPECTED_TOKEN = Pattern.compile("Expected (\\w+(?: \\w+)?) but was (\\S+)");

    /// Gson's problem texts (their starts) and what we say instead.
    private static final List<String[]> WORDING = List.of(
            new String[] {"Unterminated object", "expected ',' or '}' after an object member"},
            new String[] {"Unterminated array", "expected ',' or ']' after an array element"},
            new String[] {"Unterminated string", "a string is not closed; expected '\"'"},
            new String[] {"Unterminated escape sequence", "invalid escape sequence in a string"},
            new String[] {"Malformed Unicode escape", "invalid \\u escape in a string"},
            new String[] {"Invalid escape sequence", "invalid escape sequence in a string"},
            new String[] {"Expected name", "expected a member name in double quotes"},
            new String[] {"Expected ':'", "expected ':' after a member name"},
            new String[] {"Expected value", "expected a value (object, array, string, number, true, false or null)"},
            new String[] {"Unexpected value", "expected a value (object, array, string, number, true, false or null)"},
            new String[] {"End of input", "the text ends in the middle of a value (is the file truncated?)"},
            new String[] {"Use JsonReader.setStrictness", "not strict JSON (comments, single quotes, unquoted words,"
                    + " NaN or text after the value)"},
            new String[] {"Nesting limit", "nested too deeply (more than 255 levels of objects and arrays)"},
            new String[] {"JSON forbids NaN and infinities", "NaN and infinities are not JSON numbers"},
            new String[] {"Did not consume the entire document", "unexpected text after the JSON value"});

    private JsonText() {
    }

    /// Parses `text`, the content of `source`, as one JSON value.
    ///
    /// @param source the file (or other origin) named first in messages
    /// @param error makes the caller's exception type
    /// @throws E when the text is empty or not JSON: `"<source>: not valid JSON at line L column
    ///     C: <problem>"`
    public static <E extends Exception> JsonElement parse(String text, Object source, ErrorFactory<E> error)
            throws E {
        if (text.isBlank()) {
            throw error.create(source + ": empty; expected JSON", null);
        }
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException | StackOverflowError e) {
            throw error.create(source + ": " + malformed(e), e);
        }
    }

    /// Parses `text` as one JSON object.
    ///
    /// @throws E as [#parse], or when the value is not an object (`"expected a JSON object, found
    ///     an array"`)
    public static <E extends Exception> JsonObject parseObject(String text, Object source, ErrorFactory<E> error)
            throws E {
        JsonElement element = parse(text, source, error);
        if (!element.isJsonObject()) {
            throw error.create(source + ": expected a JSON object, found " + kind(element), null);
        }
        return element.getAsJsonObject();
    }

    /// Reads `file` as UTF-8 and parses it as one JSON object; an unreadable file is the
    /// caller's error too, naming the file.
    ///
    /// @throws E as [#parseObject], or when the file is not UTF-8 or cannot be read
    public static <E extends Exception> JsonObject readObject(Path file, ErrorFactory<E> error) throws E {
        String text;
        try {
            text = Utf8Text.read(file, error);
        } catch (IOException e) {
            throw error.create(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parseObject(text, file, error);
    }

    /// A Gson parse failure in our words: `"not valid JSON at line 3 column 7: expected ':' after
    /// a member name"` (the JSON path is added when it is not the root).
    public static String malformed(Throwable failure) {
        return malformed(failure, true);
    }

    /// As [#malformed(Throwable)] for text that is one line of a file whose line the caller names:
    /// `"malformed JSON at column 7: ..."`.
    public static String malformedInLine(Throwable failure) {
        return malformed(failure, false);
    }

    private static String malformed(Throwable failure, boolean withLine) {
        return (withLine ? "not valid JSON" : "malformed JSON") + where(failure, withLine);
    }

    /// The place and problem of a Gson parse failure, to follow the caller's own noun:
    /// `" at line 3 column 7: expected ':' after a member name"`, or `": <problem>"` when Gson
    /// gave no place.
    public static String where(Throwable failure) {
        return where(failure, true);
    }

    private static String where(Throwable failure, boolean withLine) {
        if (failure instanceof StackOverflowError) {
            return ": nested too deeply to read";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        Matcher matcher = GSON_LOCATION.matcher(message);
        if (!matcher.matches()) {
            return ": " + wording(message.lines().findFirst().orElse(""));
        }
        String path = matcher.group(4);
        if (path != null && path.length() > 60) {
            path = path.substring(0, 28) + "..." + path.substring(path.length() - 28);
        }
        String near = path == null || path.equals("$") ? "" : " (near " + path + ")";
        String place = withLine ? "line " + matcher.group(2) + " column " + matcher.group(3) : "column " + matcher.group(3);
        return " at " + place + ": " + wording(matcher.group(1)) + near;
    }

    /// Our wording of a Gson problem text without its location.
    static String wording(String gsonProblem) {
        String problem = gsonProblem.strip();
        Matcher unexpected = UNEXPECTED_TOKEN.matcher(problem);
        if (unexpected.matches()) {
            return "expected " + tokenWords(unexpected.group(1)) + ", found " + tokenWords(unexpected.group(2));
        }
        for (String[] entry : WORDING) {
            if (problem.startsWith(entry[0])) {
                return entry[1];
            }
        }
        if (problem.startsWith("com.google.gson.")) {
            problem = problem.substring(problem.indexOf(':') + 1).strip();
        }
        return problem.isEmpty() ? "invalid JSON" : problem;
    }

    private static String tokenWords(String token) {
        return switch (token) {
            case "BEGIN_ARRAY" -> "a list";
            case "BEGIN_OBJECT" -> "an object";
            case "END_ARRAY" -> "the end of a list";
            case "END_OBJECT" -> "the end of an object";
            case "NAME" -> "a member name";
            case "STRING" -> "a string";
            case "NUMBER" -> "a number";
            case "BOOLEAN" -> "true or false";
            case "NULL" -> "null";
            case "END_DOCUMENT" -> "the end of the text";
            default -> token;
        };
    }

    /// `"an object"`, `"an array"`, `"null"`, `"a string"`, `"a number"`, `"a boolean"`.
    public static String kind(JsonElement element) {
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        var primitive = element.getAsJsonPrimitive();
        return primitive.isBoolean() ? "a boolean" : primitive.isNumber() ? "a number" : "a string";
    }
}
