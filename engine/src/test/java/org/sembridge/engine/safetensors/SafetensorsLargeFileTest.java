package org.sembridge.engine.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.ModelFormatException;

/// Files over 2 GiB: a sparse file (only a few kilobytes on disk) whose last tensor starts beyond
/// byte 2^31 of the data area, and a block read that straddles the 2^31 boundary inside a 2 GiB
/// tensor.
class SafetensorsLargeFileTest {

    /// Elements of the filler tensor: 2^29 + 8 floats, 2 GiB + 32 bytes.
    private static final long FILLER_ELEMENTS = (1L << 29) + 8;
    private static final long HEAD_BYTES = 16;
    private static final long FILLER_BEGIN = HEAD_BYTES;
    private static final long FILLER_END = FILLER_BEGIN + 4 * FILLER_ELEMENTS;
    private static final long TAIL_END = FILLER_END + 16;

    @TempDir
    Path dir;

    @Test
    void tensorsBeyondTwoGibibytesReadBackExactly() throws IOException, ModelFormatException {
        Path file = dir.resolve("sparse-2g.safetensors");
        String header = "{\"head\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0," + HEAD_BYTES + "]},"
                + "\"filler\":{\"dtype\":\"F32\",\"shape\":[" + FILLER_ELEMENTS + "],\"data_offsets\":["
                + FILLER_BEGIN + "," + FILLER_END + "]},"
                + "\"tail\":{\"dtype\":\"BF16\",\"shape\":[8],\"data_offsets\":[" + FILLER_END + "," + TAIL_END + "]}}";
        byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
        long dataStart = 8 + headerBytes.length;
        // filler elements 2^29 - 4 .. 2^29 + 3 straddle data byte 2^31
        long straddleFirst = (1L << 29) - 4;
        float[] straddle = {1, 2, 3, 4, 5, 6, 7, 8};
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            channel.write(ByteBuffer.wrap(RawSafetensors.withLengthField(headerBytes.length, headerBytes)), 0);
            channel.write(ByteBuffer.wrap(RawSafetensors.f32(0.5f, -1f, 2f, -4f)), dataStart);
            channel.write(ByteBuffer.wrap(RawSafetensors.f32(straddle)), dataStart + FILLER_BEGIN + 4 * straddleFirst);
            channel.write(ByteBuffer.wrap(RawSafetensors.u16(0x3F80, 0xC020, 0x7F80, 0x0001, 0, 0x8000, 0x4000,
                    0x4040)), dataStart + FILLER_END);
        }
        try {
            assertTrue(Files.size(file) > (1L << 31) + 16, "file size " + Files.size(file));
            try (SafetensorsFile reader = SafetensorsFile.open(file)) {
                TensorInfo tail = reader.require("tail");
                assertTrue(tail.dataBegin() > 1L << 31, tail.toString());
                assertArrayEquals(new float[] {1f, -2.5f, Float.POSITIVE_INFINITY, 0x1p-133f, 0f, -0f, 2f, 3f},
                        reader.readFloats("tail"));
                assertArrayEquals(new float[] {0.5f, -1f, 2f, -4f}, reader.readFloats("head"));

                float[] block = new float[10];
                reader.readFloats("filler", straddleFirst - 1, block, 0, 10);
                assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 0}, block);
                reader.readFloats("filler", FILLER_ELEMENTS - 2, block, 3, 2);
                assertEquals(0f, block[3]);

                ModelFormatException e = assertThrows(ModelFormatException.class, () -> reader.readRawBytes("filler"));
                SafetensorsRoundTripTest.assertMentions(e, file.toString(), "'filler'", "too large");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
