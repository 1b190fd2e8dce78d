package org.sembridge.engine.safetensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.ModelFormatException;

/// F16 and BF16 decoding against closed forms: each bit pattern is stored as a one-element
/// tensor and read back through the public reader. Comparison is exact (`Float.floatToIntBits`,
/// which treats every NaN alike).
class HalfPrecisionDecodingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "F16 {0} = {1}")
    @CsvSource({
            "0x3C00, 1.0",
            "0xC100, -2.5",
            "0x0000, 0.0",
            "0x8000, -0.0",
            "0x0001, 5.9604645E-8",        // smallest subnormal 2^-24
            "0x03FF, 6.097555E-5",         // largest subnormal 1023 * 2^-24
            "0x0400, 6.1035156E-5",        // smallest normal 2^-14
            "0x7BFF, 65504.0",             // largest finite
            "0x3555, 0.33325195",          // 1365 / 4096
            "0x7C00, Infinity",
            "0xFC00, -Infinity",
            "0x7E00, NaN",
            "0x7C01, NaN",                 // signalling NaN pattern stays NaN
    })
    void f16DecodesToClosedForm(String bits, float expected) throws IOException, ModelFormatException {
        assertEquals(expected, readSingle(DType.F16, Integer.decode(bits)));
    }

    @ParameterizedTest(name = "BF16 {0} = {1}")
    @CsvSource({
            "0x3F80, 1.0",
            "0xC020, -2.5",
            "0x0000, 0.0",
            "0x8000, -0.0",
            "0x0001, 9.1835E-41",           // smallest subnormal 2^-133
            "0x0080, 1.17549435E-38",       // smallest normal 2^-126
            "0x7F7F, 3.3895314E38",         // largest finite (2 - 2^-7) * 2^127
            "0x3EAB, 0.333984375",          // 0x3EAB0000
            "0x7F80, Infinity",
            "0xFF80, -Infinity",
            "0x7FC0, NaN",
    })
    void bf16DecodesToClosedForm(String bits, float expected) throws IOException, ModelFormatException {
        assertEquals(expected, readSingle(DType.BF16, Integer.decode(bits)));
    }

    private float readSingle(DType dtype, int bits) throws IOException, ModelFormatException {
        Path file = dir.resolve(dtype + "-" + bits + ".safetensors");
        new SafetensorsWriter().add("x", dtype, new long[] {1}, RawSafetensors.u16(bits)).write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            return reader.readFloats("x")[0];
        }
    }
}
