package org.sembridge.engine.safetensors;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/// Decodes little-endian tensor elements from a mapped segment into Java arrays.
///
/// Floating types widen to `float`: `F16` exactly (IEEE binary16, subnormals, infinities and NaN
/// payloads kept, via [Float#float16ToFloat]), `BF16` exactly (`bits << 16`), `F64` rounds to the
/// nearest `float`. Integer types widen to `long` exactly. Reads are unaligned: the format does not
/// align the data area.
final class ElementDecoder {

    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private ElementDecoder() {
    }

    /// Widens one bfloat16 bit pattern (the upper half of a binary32) to `float`; exact.
    static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /// Decodes `count` floating elements starting at byte `offset` of `source` into `dest`.
    ///
    /// @throws IllegalArgumentException if `dtype` is not a floating type
    static void decodeFloats(DType dtype, MemorySegment source, long offset, float[] dest, int destOffset,
            int count) {
        switch (dtype) {
            case F32 -> MemorySegment.copy(source, FLOAT, offset, dest, destOffset, count);
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    dest[destOffset + i] = Float.float16ToFloat(source.get(SHORT, offset + 2L * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    dest[destOffset + i] = bf16ToFloat(source.get(SHORT, offset + 2L * i));
                }
            }
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    dest[destOffset + i] = (float) source.get(DOUBLE, offset + 8L * i);
                }
            }
            default -> throw new IllegalArgumentException(dtype + " is not a floating-point type");
        }
    }

    /// Decodes `count` integer elements starting at byte `offset` of `source` into `dest`.
    ///
    /// @throws IllegalArgumentException if `dtype` is not `I64`, `I32`, `I16`, `I8` or `U8`
    static void decodeLongs(DType dtype, MemorySegment source, long offset, long[] dest, int count) {
        switch (dtype) {
            case I64 -> MemorySegment.copy(source, LONG, offset, dest, 0, count);
            case I32 -> {
                for (int i = 0; i < count; i++) {
                    dest[i] = source.get(INT, offset + 4L * i);
                }
            }
            case I16 -> {
                for (int i = 0; i < count; i++) {
                    dest[i] = source.get(SHORT, offset + 2L * i);
                }
            }
            case I8 -> {
                for (int i = 0; i < count; i++) {
                    dest[i] = source.get(ValueLayout.JAVA_BYTE, offset + i);
                }
            }
            case U8 -> {
                for (int i = 0; i < count; i++) {
                    dest[i] = source.get(ValueLayout.JAVA_BYTE, offset + i) & 0xff;
                }
            }
            default -> throw new IllegalArgumentException(dtype + " is not a signed or 8-bit unsigned integer type");
        }
    }
}
