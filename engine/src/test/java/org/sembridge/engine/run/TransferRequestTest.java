package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.vocab.OverlapOptions;

/// Building a [TransferRequest]: defaults and the alpha range.
class TransferRequestTest {

    private static TransferRequest.Builder builder() {
        return TransferRequest.builder(Path.of("src"), Path.of("tok"), "sembridge", Path.of("out"));
    }

    @Test
    void defaultsAreThePapersSetting() throws Exception {
        TransferRequest request = builder().build();
        assertEquals(4.0, request.alpha());
        assertEquals(BiasMode.INDEX, request.biasMode());
        assertEquals(OverlapOptions.DEFAULTS, request.overlap());
        assertEquals(DeviceChoice.AUTO, request.device());
        assertEquals(42L, request.seed());
        assertEquals(null, request.bridge());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.999, 8.001, 100, Double.NaN, Double.POSITIVE_INFINITY})
    void alphaOutOfRangeIsRefusedWithTheRange(double alpha) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> builder().optAlpha(alpha).build());
        assertTrue(e.getMessage().contains("[1, 8]"), e.getMessage());
        assertTrue(e.getMessage().contains("alpha " + alpha), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.5, 2.0, 4.0, 8.0})
    void alphaInRangeIsAccepted(double alpha) throws Exception {
        assertEquals(alpha, builder().optAlpha(alpha).build().alpha());
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "MAPPED", " zero "})
    void biasModeParsesItsNames(String name) throws Exception {
        assertEquals(name.strip().toLowerCase(java.util.Locale.ROOT), BiasMode.parse(name).cliName());
    }

    @Test
    void unknownBiasModeIsRefusedWithTheValidOnes() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> BiasMode.parse("remap"));
        assertTrue(e.getMessage().contains("index, mapped or zero"), e.getMessage());
    }

    @Test
    void aLanguageCodeIsRecordedStripped() throws Exception {
        assertEquals("pt_BR", builder().optLanguage(" pt_BR ").build().language());
        assertEquals("", builder().optLanguage("  ").build().language());
    }

    @Test
    void severalLanguageCodesAreAcceptedSeparatedByCommas() throws Exception {
        assertEquals("ko, ru,ar", builder().optLanguage(" ko, ru,ar ").build().language());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../ko", "ko\nen", "k o", "a-language-name-that-is-far-too-long-to-be-a-code", "ko,,ru",
        "ko,", ",ko"})
    void aLanguageThatIsNoCodeIsRefusedNamingIt(String language) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> builder().optLanguage(language).build());
        assertTrue(e.getMessage().startsWith("language \"") && e.getMessage().contains("is not a language code"),
                e.getMessage());
    }
}
