package org.sembridge.engine.safetensors;

import java.util.Optional;

/// An element type of a safetensors tensor, with its width in bytes and its name in the file
/// header (`"dtype": "F32"`).
///
/// Every type is stored little-endian. Floating types are read as Java `float`: `F16` and `BF16`
/// widen exactly, `F64` rounds to the nearest `float`. `BF16` is decoded in Java
/// (`Float.intBitsToFloat(bits << 16)`) because a BF16 NDArray aborts the JVM; see
/// `docs/adr/0002-read-safetensors-ourselves.md`. `BOOL` is one byte per element, 0 or 1.
public enum DType {
    /// IEEE 754 binary64.
    F64(8, true),
    /// IEEE 754 binary32.
    F32(4, true),
    /// IEEE 754 binary16 (half precision): 5 exponent bits, 10 fraction bits.
    F16(2, true),
    /// bfloat16: the upper 16 bits of a binary32 (8 exponent bits, 7 fraction bits).
    BF16(2, true),
    /// Signed 64-bit integer.
    I64(8, false),
    /// Signed 32-bit integer.
    I32(4, false),
    /// Signed 16-bit integer.
    I16(2, false),
    /// Signed 8-bit integer.
    I8(1, false),
    /// Unsigned 8-bit integer (0 to 255).
    U8(1, false),
    /// Boolean, one byte per element.
    BOOL(1, false);

    private final int byteSize;
    private final boolean floatingPoint;

    DType(int byteSize, boolean floatingPoint) {
        this.byteSize = byteSize;
        this.floatingPoint = floatingPoint;
    }

    /// Width of one element in bytes (1, 2, 4 or 8).
    public int byteSize() {
        return byteSize;
    }

    /// Whether elements are floating-point numbers (`F64`, `F32`, `F16`, `BF16`).
    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /// The name used in a safetensors header, for example `"BF16"`.
    public String safetensorsName() {
        return name();
    }

    /// Looks up a header dtype name; case-sensitive as in the format (`"F32"`, not `"f32"`).
    ///
    /// @return the type, or empty for a name this reader does not support (for example `"F8_E4M3"`)
    public static Optional<DType> fromSafetensorsName(String name) {
        for (DType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
