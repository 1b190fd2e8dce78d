package org.sembridge.engine.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sembridge.engine.ModelFormatException;

/// Writer -> reader round trips: every dtype, header order, metadata and the typed read methods.
class SafetensorsRoundTripTest {

    private static final long[] SHAPE = {2, 3};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyDTypeRoundTripsItsBytes(DType dtype) throws IOException, ModelFormatException {
        byte[] bytes = new byte[6 * dtype.byteSize()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (dtype == DType.BOOL ? i % 2 : 37 * i + 11);
        }
        Path file = dir.resolve("rt.safetensors");
        new SafetensorsWriter().add("t", dtype, SHAPE, bytes).write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            assertEquals(new TensorInfo("t", dtype, SHAPE, 0, bytes.length), reader.require("t"));
            assertArrayEquals(bytes, reader.readRawBytes("t"));
        }
    }

    @Test
    void floatsRoundTripExactly() throws IOException, ModelFormatException {
        float[] values = {0f, -0f, 1f, -2.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NaN, (float) Math.PI};
        try (SafetensorsFile reader = writeAndOpen(new SafetensorsWriter().addFloats("f", new long[] {10}, values))) {
            assertArrayEquals(values, reader.readFloats("f"));
        }
    }

    @Test
    void longsRoundTripExactly() throws IOException, ModelFormatException {
        long[] values = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 1L << 40};
        try (SafetensorsFile reader = writeAndOpen(new SafetensorsWriter().addLongs("l", new long[] {3, 2}, values))) {
            assertArrayEquals(values, reader.readLongs("l"));
        }
    }

    @Test
    void intsRoundTripExactly() throws IOException, ModelFormatException {
        int[] values = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 12345};
        try (SafetensorsFile reader = writeAndOpen(new SafetensorsWriter().addInts("i", SHAPE, values))) {
            assertArrayEquals(values, reader.readInts("i"));
        }
    }

    @Test
    void narrowIntegersWidenWithTheirSign() throws IOException, ModelFormatException {
        SafetensorsWriter writer = new SafetensorsWriter()
                .add("i16", DType.I16, new long[] {2}, RawSafetensors.u16(0x8000, 0x7FFF))
                .add("i8", DType.I8, new long[] {2}, new byte[] {(byte) 0x80, 0x7F})
                .add("u8", DType.U8, new long[] {2}, new byte[] {(byte) 0xFF, 0x01});
        try (SafetensorsFile reader = writeAndOpen(writer)) {
            assertArrayEquals(new long[] {-32768, 32767}, reader.readLongs("i16"));
            assertArrayEquals(new long[] {-128, 127}, reader.readLongs("i8"));
            assertArrayEquals(new int[] {255, 1}, reader.readInts("u8"));
        }
    }

    @Test
    void f64RoundsToNearestFloat() throws IOException, ModelFormatException {
        double[] values = {1.0 / 3.0, 1e300, -1e-320, Math.PI};
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            bytes.putDouble(value);
        }
        SafetensorsWriter writer = new SafetensorsWriter().add("d", DType.F64, new long[] {4}, bytes.array());
        try (SafetensorsFile reader = writeAndOpen(writer)) {
            assertArrayEquals(new float[] {1f / 3f, Float.POSITIVE_INFINITY, -0f, (float) Math.PI},
                    reader.readFloats("d"));
        }
    }

    @Test
    void tensorsKeepInsertionOrderAndContiguousSpans() throws IOException, ModelFormatException {
        SafetensorsWriter writer = new SafetensorsWriter()
                .addFloats("z.last.alphabetically", new long[] {2}, new float[] {1, 2})
                .addInts("a.first.alphabetically", new long[] {3}, new int[] {1, 2, 3})
                .addFloats("scalar", new long[] {}, new float[] {7})
                .addFloats("empty", new long[] {0, 4}, new float[0]);
        try (SafetensorsFile reader = writeAndOpen(writer)) {
            assertEquals(List.of(
                    new TensorInfo("z.last.alphabetically", DType.F32, new long[] {2}, 0, 8),
                    new TensorInfo("a.first.alphabetically", DType.I32, new long[] {3}, 8, 20),
                    new TensorInfo("scalar", DType.F32, new long[] {}, 20, 24),
                    new TensorInfo("empty", DType.F32, new long[] {0, 4}, 24, 24)), reader.tensors());
            assertArrayEquals(new float[] {7}, reader.readFloats("scalar"));
            assertArrayEquals(new float[0], reader.readFloats("empty"));
        }
    }

    @Test
    void metadataIsKeptInOrder() throws IOException, ModelFormatException {
        SafetensorsWriter writer = new SafetensorsWriter()
                .putMetadata("format", "pt")
                .putMetadata("note", "ünïcödé \"quoted\" <tag>")
                .addFloats("x", new long[] {1}, new float[] {1});
        try (SafetensorsFile reader = writeAndOpen(writer)) {
            assertEquals(Map.of("format", "pt", "note", "ünïcödé \"quoted\" <tag>"), reader.metadata());
            assertEquals(List.of("format", "note"), List.copyOf(reader.metadata().keySet()));
        }
    }

    @Test
    void blockReadsMatchTheWholeTensor() throws IOException, ModelFormatException {
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 100;
        }
        short[] halves = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            halves[i] = Float.floatToFloat16(values[i]);
        }
        ByteBuffer f16 = ByteBuffer.allocate(2 * halves.length).order(ByteOrder.LITTLE_ENDIAN);
        f16.asShortBuffer().put(halves);
        SafetensorsWriter writer = new SafetensorsWriter()
                .addFloats("f32", new long[] {100, 10}, values)
                .add("f16", DType.F16, new long[] {100, 10}, f16.array());
        try (SafetensorsFile reader = writeAndOpen(writer)) {
            for (String name : List.of("f32", "f16")) {
                float[] whole = reader.readFloats(name);
                float[] block = new float[35];
                reader.readFloats(name, 960, block, 5, 30);
                for (int i = 0; i < 30; i++) {
                    assertEquals(whole[960 + i], block[5 + i], name + " element " + (960 + i));
                }
            }
        }
    }

    @Test
    void blockReadOutsideTheTensorIsRefused() throws IOException, ModelFormatException {
        try (SafetensorsFile reader = writeAndOpen(new SafetensorsWriter().addFloats("x", new long[] {4}, new float[4]))) {
            assertThrows(IndexOutOfBoundsException.class, () -> reader.readFloats("x", 2, new float[8], 0, 3));
        }
    }

    @Test
    void floatReadOfIntegerTensorNamesTheDType() throws IOException, ModelFormatException {
        Path file = dir.resolve("ints.safetensors");
        new SafetensorsWriter().addInts("ids", new long[] {1}, new int[] {1}).write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> reader.readFloats("ids"));
            assertMentions(e, file.toString(), "'ids'", "floating-point", "found I32");
        }
    }

    @Test
    void intReadOfOutOfRangeLongNamesIndexAndValue() throws IOException, ModelFormatException {
        Path file = dir.resolve("longs.safetensors");
        new SafetensorsWriter().addLongs("ids", new long[] {3}, new long[] {1, 2, 1L << 33}).write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> reader.readInts("ids"));
            assertMentions(e, file.toString(), "'ids'", "flat index 2", String.valueOf(1L << 33));
        }
    }

    @Test
    void finiteReadNamesFirstNonFiniteValue() throws IOException, ModelFormatException {
        Path file = dir.resolve("nan.safetensors");
        new SafetensorsWriter().addFloats("w", new long[] {2, 2}, new float[] {1, 2, Float.NaN, Float.NEGATIVE_INFINITY})
                .write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> reader.readFiniteFloats("w"));
            assertMentions(e, file.toString(), "'w'", "flat index 2", "NaN");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32", "F16", "BF16"})
    void finiteReadIntoNativeMemoryEqualsTheArrayReadOverSeveralChunks(DType dtype)
            throws IOException, ModelFormatException {
        int count = 2 * SafetensorsFile.CHUNK_FLOATS + 5;
        byte[] bytes = finiteValues(dtype, count, new java.util.Random(dtype.ordinal()));
        Path file = dir.resolve("chunks.safetensors");
        new SafetensorsWriter().add("w", dtype, new long[] {count}, bytes).write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file); Arena arena = Arena.ofConfined()) {
            MemorySegment dest = arena.allocate((long) count * Float.BYTES);
            reader.readFiniteFloats("w", dest);
            assertArrayEquals(reader.readFiniteFloats("w"), dest.toArray(ValueLayout.JAVA_FLOAT));
        }
    }

    @Test
    void finiteReadIntoNativeMemoryNamesTheFirstNonFiniteValueAsTheArrayReadDoes()
            throws IOException, ModelFormatException {
        int count = SafetensorsFile.CHUNK_FLOATS + 100;
        float[] values = new float[count];
        values[SafetensorsFile.CHUNK_FLOATS + 7] = Float.POSITIVE_INFINITY;
        values[SafetensorsFile.CHUNK_FLOATS + 9] = Float.NaN;
        Path file = dir.resolve("late-inf.safetensors");
        new SafetensorsWriter().addFloats("w", new long[] {count}, values).write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file); Arena arena = Arena.ofConfined()) {
            MemorySegment dest = arena.allocate((long) count * Float.BYTES);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> reader.readFiniteFloats("w", dest));
            assertMentions(e, file.toString(), "'w'", "flat index 65543 of 65636", "Infinity");
            ModelFormatException array = assertThrows(ModelFormatException.class, () -> reader.readFiniteFloats("w"));
            assertEquals(array.getMessage(), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> reader.readFiniteFloats("w", dest.asSlice(4)));
        }
    }

    /// `count` finite values of a floating `dtype`, little-endian: random signs, exponents below
    /// the all-ones (infinity/NaN) pattern and mantissas.
    private static byte[] finiteValues(DType dtype, int count, java.util.Random random) {
        ByteBuffer out = ByteBuffer.allocate(count * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            switch (dtype) {
                case F64 -> out.putDouble(random.nextGaussian() * 1e3);
                case F32 -> out.putFloat((float) (random.nextGaussian() * 1e3));
                case F16 -> out.putShort((short) (random.nextInt(2) << 15 | random.nextInt(31) << 10 | random.nextInt(1 << 10)));
                case BF16 -> out.putShort((short) (random.nextInt(2) << 15 | random.nextInt(255) << 7 | random.nextInt(1 << 7)));
                default -> throw new IllegalArgumentException(dtype.toString());
            }
        }
        return out.array();
    }

    @Test
    void readAfterCloseIsACallerBug() throws IOException, ModelFormatException {
        SafetensorsFile reader = writeAndOpen(new SafetensorsWriter().addFloats("x", new long[] {1}, new float[1]));
        reader.close();
        reader.close();
        assertThrows(IllegalStateException.class, () -> reader.readFloats("x"));
    }

    @Test
    void dtypeNamesRoundTrip() {
        for (DType dtype : DType.values()) {
            assertEquals(dtype, DType.fromSafetensorsName(dtype.safetensorsName()).orElseThrow());
        }
        assertTrue(DType.fromSafetensorsName("f32").isEmpty());
    }

    private SafetensorsFile writeAndOpen(SafetensorsWriter writer) throws IOException, ModelFormatException {
        Path file = dir.resolve("file.safetensors");
        writer.write(file);
        return SafetensorsFile.open(file);
    }

    static void assertMentions(Exception e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment),
                    () -> "message should contain '" + fragment + "': " + e.getMessage());
        }
    }
}
