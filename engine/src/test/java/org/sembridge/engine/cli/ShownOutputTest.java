package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The comparison of a document's shown output with the real one: words, spaces folded, numbers
/// to the shown precision, adjacent lines, `...` for skipped lines.
class ShownOutputTest {

    @ParameterizedTest(name = "\"{0}\" vs \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
            "  2.0284  garden | 2.0284 garden | true",
            "nDCG@10  0.998 | nDCG@10          0.9982 | true",
            "nDCG@10  0.998 | nDCG@10          0.9985 | false",
            "nDCG@10  0.999 | nDCG@10          0.9985 | true",
            "nDCG@10  0.9982 | nDCG@10  0.998 | false",
            "support 3, | support 4, | false",
            "0.3489  home | 0.3489  home  extra | false",
    })
    void aLineMatchesWordByWordWithNumbersToTheShownPrecision(String shown, String real, boolean expected) {
        assertEquals(expected, ShownOutput.lineMatches(shown, real));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "b;c | a;b;c;d | true",
            "b;d | a;b;c;d | false",
            "a;...;d | a;b;c;d | true",
            "a;... | a | true",
            "c;b | a;b;c;d | false",
    })
    void shownLinesAppearInOrderAndAdjacentUnlessSkipped(String shown, String real, boolean expected) {
        assertEquals(expected, ShownOutput.matches(List.of(shown.split(";")), List.of(real.split(";"))));
    }
}
