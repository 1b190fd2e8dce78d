package org.sembridge.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.InputFormatException;

/// Gson's syntax errors become one line in our words, with file, line and column (Gson's column:
/// the offending character or the one after it).
class JsonTextTest {

    private static final Path FILE = Path.of("/models/m/config.json");

    private static InputFormatException refused(String text) {
        return assertThrows(InputFormatException.class, () -> JsonText.parse(text, FILE, InputFormatException::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\": 1,\n \"b\" 2}`      | line 2 column 7: expected ':' after a member name",
        "`{\"a\": 1 \"b\": 2}`        | line 1 column 10: expected ',' or '}' after an object member",
        "`{\"a\": [1, 2}`             | line 1 column 13: expected ',' or ']' after an array element",
        "`{\"a\": \"text`             | line 1 column 12: a string is not closed",
        "`{\"a\": 1, }`               | line 1 column 11: expected a member name in double quotes",
        "`{\"a\": }`                  | line 1 column 7: expected a value",
        "`{\"a\": 1} {\"b\": 2}`      | line 1 column 11: not strict JSON (comments, single quotes, unquoted words, NaN or text after the value)"})
    void syntaxErrorIsOneLineNamingFilePlaceAndWhatWasExpected(String text, String expected) {
        InputFormatException e = refused(text);

        assertTrue(e.getMessage().startsWith(FILE + ": not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        String lower = e.getMessage().toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("gson") || lower.contains("setstrictness") || lower.contains("http"), e.getMessage());
    }

    @Test
    void absurdlyNestedJsonIsRefusedNotAStackOverflow() {
        InputFormatException e = refused("[".repeat(100_000) + "]".repeat(100_000));

        assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "the JSON path is shortened: " + e.getMessage());
    }

    @Test
    void emptyTextSaysSo() {
        assertEquals(FILE + ": empty; expected JSON", refused(" \n").getMessage());
    }

    @Test
    void valueOfAnotherKindThanAnObjectIsNamed() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> JsonText.parseObject("[1, 2]", FILE, InputFormatException::new));

        assertEquals(FILE + ": expected a JSON object, found an array", e.getMessage());
    }

    @Test
    void lineVariantGivesTheColumnOnly() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> JsonText.parse("{\"a\" 1}", FILE, InputFormatException::new));

        assertTrue(JsonText.malformedInLine(e.getCause()).startsWith("malformed JSON at column 7: expected ':'"),
                JsonText.malformedInLine(e.getCause()));
    }
}
