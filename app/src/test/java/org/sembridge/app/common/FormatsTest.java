package org.sembridge.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void oneTokenIsSingularAndOtherCountsArePluralWithSeparators() {
        assertEquals("1 token", Formats.tokens(1));
        assertEquals("0 tokens", Formats.tokens(0));
        assertEquals("262,145 tokens", Formats.tokens(262_145));
    }

    @Test
    void sizesUseBinaryUnitsWithOneDecimal() {
        assertEquals("1023 B", Formats.bytes(1023));
        assertEquals("1.5 KiB", Formats.bytes(1536));
        assertEquals("16.0 MiB", Formats.bytes(16L * 1024 * 1024));
    }

    @Test
    void durationsUseTheLargestSensibleUnit() {
        assertEquals("850 ms", Formats.duration(850_000_000L));
        assertEquals("12.3 s", Formats.duration(12_300_000_000L));
        assertEquals("4 min 05 s", Formats.duration(245_000_000_000L));
    }
}
