package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;

/// The one alpha check and its one message.
class AlphaTest {

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.5, 4.0, 8.0})
    void valuesFromOneToEightAreAccepted(double value) throws Exception {
        assertEquals(value, Alpha.of(value).value());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.999, 8.001, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void valuesOutsideTheRangeGetTheOneMessage(double value) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Alpha.of(value));
        assertEquals("alpha " + value + " is outside the valid range [1, 8]: expected a value from 1 (softmax) to 8 "
                + "(the paper uses 4), found " + value, e.getMessage());
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class, () -> new Alpha(value));
        assertEquals(e.getMessage(), direct.getMessage());
    }

    @Test
    void typedTextIsParsedWithBlanksIgnored() throws Exception {
        assertEquals(2.5, Alpha.parse(" 2.5 ").value());
    }

    @Test
    void textThatIsNotANumberSaysSo() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Alpha.parse("four"));
        assertEquals("alpha \"four\" is not a number; expected a value in [1, 8]", e.getMessage());
    }

    @Test
    void typedTextOutsideTheRangeGetsTheRangeMessage() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Alpha.parse("9"));
        assertEquals(Alpha.outOfRange(9.0), e.getMessage());
    }

    @Test
    void plainDropsTrailingZeros() throws Exception {
        assertEquals("4", Alpha.of(4.0).plain());
        assertEquals("2.5", Alpha.of(2.5).plain());
    }
}
