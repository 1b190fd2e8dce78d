package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Expected values are Python 3.11's own answers (`chr(c).isspace()`, `s.isnumeric()`, ...).
class PythonTextTest {

    @ParameterizedTest(name = "U+{0} isspace: {1}")
    @CsvSource({
        "0009, true", "000A, true", "001C, true", "001F, true", "0020, true", "0085, true", "00A0, true",
        "1680, true", "2007, true", "200A, true", "2028, true", "202F, true", "205F, true", "3000, true",
        "200B, false", "180E, false", "FEFF, false", "0041, false", "2581, false", "0120, false",
    })
    void spaceFollowsPython(String hex, boolean expected) {
        assertEquals(expected, PythonText.isSpace(Integer.parseInt(hex, 16)));
    }

    @ParameterizedTest(name = "''{0}'' symbol-like: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"        | true",
        "1996        | true",
        "½           | true",
        "Ⅷ           | true",
        "三          | true",
        "三十        | true",
        "零          | true",
        "١٢          | true",
        "²           | true",
        ",.          | true",
        "[cls]       | false",
        "<s>         | false",
        "...         | true",
        "$           | true",
        "。          | false",
        "—           | false",
        "€           | false",
        "\" \"       | true",
        "\"\u00A0\"  | true",
        "a1          | false",
        "1,000       | false",
        "<0x0a>      | false",
    })
    void symbolTestFollowsPython(String text, boolean expected) {
        assertEquals(expected, PythonText.isSymbolLike(text));
    }

    @ParameterizedTest(name = "lstrip ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"  a b\"            | a b",
        "\"\u00A0\u3000x\"    | x",
        "\"\u200Bx\"          | \"\u200Bx\"",
        "\"\"                 | \"\"",
    })
    void stripLeadingFollowsPythonLstrip(String text, String expected) {
        assertEquals(expected, PythonText.stripLeading(text));
    }
}
