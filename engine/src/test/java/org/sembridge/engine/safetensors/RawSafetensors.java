package org.sembridge.engine.safetensors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/// Builds safetensors bytes by hand, including invalid ones, for reader tests.
final class RawSafetensors {

    private RawSafetensors() {
    }

    /// A file whose length field tells the true length of `headerJson` (UTF-8), followed by `data`.
    static byte[] file(String headerJson, byte[] data) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        return withLengthField(header.length, concat(header, data));
    }

    /// A file of `dataBytes` zero bytes of data after the header.
    static byte[] file(String headerJson, int dataBytes) {
        return file(headerJson, new byte[dataBytes]);
    }

    /// An 8-byte little-endian `declaredLength` followed by `rest`, whatever they say.
    static byte[] withLengthField(long declaredLength, byte[] rest) {
        return ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(declaredLength).put(rest).array();
    }

    /// `values` as little-endian F32 bytes.
    static byte[] f32(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    /// 16-bit bit patterns as little-endian bytes (F16, BF16, I16).
    static byte[] u16(int... bitPatterns) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * bitPatterns.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int bits : bitPatterns) {
            buffer.putShort((short) bits);
        }
        return buffer.array();
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
