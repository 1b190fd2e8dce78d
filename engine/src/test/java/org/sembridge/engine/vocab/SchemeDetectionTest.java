package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemeDetectionTest {

    /// `count` tokens with `marker`, padded with 50 marker-less ones.
    private static List<String> tokensWith(String marker, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add("plain" + i);
        }
        for (int i = 0; i < count; i++) {
            tokens.add(marker + "w" + i);
        }
        return tokens;
    }

    @ParameterizedTest(name = "{1} tokens starting with ''{0}'' -> {2} (from markers: {3})")
    @CsvSource(delimiter = '|', value = {
        "##  | 100 | WORDPIECE      | false",
        "##  | 101 | WORDPIECE      | true",
        "▁   | 100 | WORDPIECE      | false",
        "▁   | 101 | SENTENCEPIECE  | true",
        "Ġ   | 100 | WORDPIECE      | false",
        "Ġ   | 101 | BYTE_LEVEL_BPE | true",
    })
    void schemeNeedsMoreThanOneHundredMarkers(String marker, int count, VocabularyScheme expected,
            boolean fromMarkers) {
        SchemeDetection detection = SchemeDetection.of(tokensWith(marker, count));

        assertEquals(expected, detection.scheme());
        assertEquals(fromMarkers, detection.fromMarkers());
    }

    @ParameterizedTest(name = "101 ''{0}'' and 101 ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
        "▁  | ## | SENTENCEPIECE",
        "## | ▁  | SENTENCEPIECE",
        "## | Ġ  | WORDPIECE",
        "▁  | Ġ  | SENTENCEPIECE",
    })
    void ambiguousMarkersFollowTheReferenceOrder(String first, String second, VocabularyScheme expected) {
        List<String> tokens = tokensWith(first, 101);
        tokens.addAll(tokensWith(second, 101));

        assertEquals(expected, VocabularyScheme.detect(tokens));
    }

    @Test
    void countsEveryMarker() {
        List<String> tokens = List.of("▁a", "▁b", "##c", "Ġd", "Ġe", "Ġf", "g");

        assertEquals(new SchemeDetection(VocabularyScheme.WORDPIECE, false, 2, 1, 3), SchemeDetection.of(tokens));
    }
}
