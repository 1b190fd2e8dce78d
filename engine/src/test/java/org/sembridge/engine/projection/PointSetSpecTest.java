package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;

/// Parsing `--points` specs: the five kinds, and a message naming the spec for every bad one.
class PointSetSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lexicon         | lexicon",
        "  LEXICON       | lexicon",
        "top:200         | top:200",
        "top: 7          | top:7",
        "'tokens:집, 문,##ing' | tokens:집,문,##ing",
        "pattern:^##     | pattern:^##",
        "'pattern:a,b'   | 'pattern:a,b'",
        "token:집         | token:집",
    })
    void parsesEveryKindBackToItsText(String spec, String text) throws Exception {
        assertEquals(text, PointSetSpec.parse(spec).text());
    }

    @Test
    void onlyLexiconAndSingleTokenBringSources() throws Exception {
        assertTrue(PointSetSpec.parse("lexicon").bringsSources());
        assertTrue(PointSetSpec.parse("token:x").bringsSources());
        for (String spec : List.of("top:3", "tokens:a", "pattern:a")) {
            assertEquals(false, PointSetSpec.parse(spec).bringsSources(), spec);
        }
    }

    @Test
    void tokenListKeepsOrderAndStripsSpaces() throws Exception {
        PointSetSpec.Tokens tokens = assertInstanceOf(PointSetSpec.Tokens.class,
                PointSetSpec.parse("tokens: b , a,c"));
        assertEquals(List.of("b", "a", "c"), tokens.tokens());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "words:a         | unknown point set",
        "top:0           | whole number N >= 1",
        "top:ten         | found 'ten'",
        "top             | whole number N >= 1",
        "'tokens:a,,b'   | entry 2 of the token list is empty",
        "tokens:         | needs a comma-separated list",
        "token:          | needs a target token",
        "lexicon:ko      | lexicon takes no argument",
        "pattern:        | needs a regular expression",
        "pattern:[집     | invalid regular expression '[집': Unclosed character class at position",
        "pattern:a{2,1}  | invalid regular expression",
    })
    void rejectsBadSpecsNamingThem(String spec, String expected) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> PointSetSpec.parse(spec));
        assertTrue(e.getMessage().contains("points '" + spec + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
