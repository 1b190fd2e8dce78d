package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/// [LayerPath]: which layers a model's shape gets, and the `sembridge.encoder.layers` override.
class LayerPathTest {

    @ParameterizedTest(name = "hidden {0} -> {1}")
    @CsvSource({
            "32, DJL",       // the test models
            "64, DJL",
            "127, DJL",
            "128, HOST",     // splade-tiny-en, the 262k demo model (the sample transferred to Gemma 3)
            "256, HOST",
            "384, HOST",     // MiniLM-size
            "768, HOST",     // BERT-base, SPLADE++
            "1024, HOST"})   // bge-m3, XLM-R large
    void theHiddenSizeChoosesThePath(int hidden, LayerPath expected) {
        assertEquals(expected, LayerPath.forShape(hidden));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aHiddenSizeBelowOneIsACallerBug(int hidden) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerPath.forShape(hidden));
        assertTrue(e.getMessage().contains(Integer.toString(hidden)), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"djl, DJL", "DJL, DJL", "' djl ', DJL", "host, HOST", "Host, HOST"})
    void theOverrideNamesAPath(String value, LayerPath expected) {
        assertEquals(Optional.of(expected), LayerPath.parse(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noOverrideLeavesTheChoiceToTheShape(String value) {
        assertEquals(Optional.empty(), LayerPath.parse(value));
    }

    @Test
    void anUnknownOverrideIsRefusedWithThePropertyAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerPath.parse("openblas"));

        assertEquals("-Dsembridge.encoder.layers: expected djl or host, found \"openblas\"", e.getMessage());
    }
}
