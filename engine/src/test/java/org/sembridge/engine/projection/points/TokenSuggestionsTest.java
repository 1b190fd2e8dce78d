package org.sembridge.engine.projection.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.safetensors.NameSuggestions;

/// "Did you mean" tokens: plain forms compared by edit distance, only close ones.
class TokenSuggestionsTest {

    private static final List<String> VOCABULARY = List.of("[CLS]", "창", "창문", "##문", "문", "house", "##house",
            "mouse", "horse", "home", "▁창문들", "집");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kitten  | sitting | 3",
        "창문     | 창문     | 0",
        "''      | abc     | 3",
        "flaw    | lawn    | 2",
    })
    void editDistanceIsLevenshtein(String a, String b, int distance) {
        assertEquals(distance, NameSuggestions.editDistance(a, b));
        assertEquals(distance, NameSuggestions.editDistance(b, a));
    }

    @Test
    void closestComeFirstWithTiesToTheSameStartThenTheCloserLength() {
        assertEquals(List.of("house", "##house", "home"), TokenSuggestions.nearest("hous", VOCABULARY, 3));
    }

    @Test
    void koreanTypoFindsTheWordButNotArbitrarySyllables() {
        assertEquals(List.of("창문", "창"), TokenSuggestions.nearest("창뮨", VOCABULARY, 3));
        assertEquals(List.of(), TokenSuggestions.nearest("xyzzy", VOCABULARY, 3));
    }

    @Test
    void plainFormDropsContinuationAndWordStartMarkers() {
        assertEquals("ing", TokenSuggestions.plain("##ing"));
        assertEquals("집", TokenSuggestions.plain("▁집"));
        assertEquals("the", TokenSuggestions.plain("Ġthe"));
        assertEquals("[CLS]", TokenSuggestions.plain("[CLS]"));
    }
}
