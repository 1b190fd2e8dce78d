package org.sembridge.engine.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.testing.PythonReference;

/// Cross-checks against the independent numpy reference `engine/src/test/python/safetensors_reference.py`:
/// Java reads a file numpy wrote (unaligned data, data order unlike header order), and numpy reads
/// a file Java wrote. Float values compare by exact float32 bits (every NaN alike).
class SafetensorsNumpyInteropTest {

    private static final String SCRIPT = "safetensors_reference.py";

    @TempDir
    Path dir;

    @Test
    void javaReadsEveryDTypeNumpyWrote() throws ModelFormatException {
        Path file = dir.resolve("numpy.safetensors");
        JsonObject expected = new Gson().fromJson(PythonReference.run(SCRIPT, "write", file.toString()),
                JsonObject.class);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            Map<String, String> metadata = new LinkedHashMap<>();
            expected.getAsJsonObject("metadata").entrySet()
                    .forEach(e -> metadata.put(e.getKey(), e.getValue().getAsString()));
            assertEquals(metadata, reader.metadata());
            List<String> names = new ArrayList<>();
            for (JsonElement element : expected.getAsJsonArray("tensors")) {
                JsonObject want = element.getAsJsonObject();
                String name = want.get("name").getAsString();
                names.add(name);
                TensorInfo info = reader.require(name);
                assertEquals(want.get("dtype").getAsString(), info.dtype().safetensorsName(), name);
                assertArrayEquals(longs(want.getAsJsonArray("shape")), info.shape(), name);
                long[] values = longs(want.getAsJsonArray("values"));
                switch (info.dtype()) {
                    case F64, F32, F16, BF16 -> assertArrayEquals(floatsFromBits(values), reader.readFloats(name), name);
                    case BOOL -> assertArrayEquals(bytes(values), reader.readRawBytes(name), name);
                    default -> assertArrayEquals(values, reader.readLongs(name), name);
                }
            }
            assertEquals(names, reader.tensors().stream().map(TensorInfo::name).toList());
        }
    }

    @Test
    void numpyReadsEveryDTypeJavaWrote() throws IOException {
        float[] f32 = {0f, -0f, 1f, -2.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NaN, 0.1f, (float) Math.E, -1e-3f};
        float[] halfSources = {1f, -2.5f, 0x1p-24f, 65504f, Float.POSITIVE_INFINITY, Float.NaN, -0f, 0.333f};
        double[] f64 = {1.0 / 3.0, 1e300, -1e-320, Math.PI};
        long[] i64 = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        int[] i32 = {Integer.MIN_VALUE, -7, 0, Integer.MAX_VALUE, 5, 6};

        SafetensorsWriter writer = new SafetensorsWriter()
                .putMetadata("format", "pt")
                .putMetadata("note", "written by Java \u2713");
        JsonArray expected = new JsonArray();
        writer.addFloats("f32", new long[] {3, 4}, f32);
        expected.add(tensor("f32", "F32", new long[] {3, 4}, floatBits(f32)));

        short[] f16 = new short[halfSources.length];
        short[] bf16 = new short[halfSources.length];
        float[] f16Decoded = new float[halfSources.length];
        float[] bf16Decoded = new float[halfSources.length];
        for (int i = 0; i < halfSources.length; i++) {
            f16[i] = Float.floatToFloat16(halfSources[i]);
            f16Decoded[i] = Float.float16ToFloat(f16[i]);
            bf16[i] = (short) (Float.floatToRawIntBits(halfSources[i]) >>> 16);
            bf16Decoded[i] = Float.intBitsToFloat(Float.floatToRawIntBits(halfSources[i]) & 0xffff0000);
        }
        writer.add("f16", DType.F16, new long[] {2, 4}, littleEndian(f16));
        expected.add(tensor("f16", "F16", new long[] {2, 4}, floatBits(f16Decoded)));
        writer.add("bf16", DType.BF16, new long[] {8}, littleEndian(bf16));
        expected.add(tensor("bf16", "BF16", new long[] {8}, floatBits(bf16Decoded)));

        ByteBuffer f64Bytes = ByteBuffer.allocate(8 * f64.length).order(ByteOrder.LITTLE_ENDIAN);
        float[] f64Rounded = new float[f64.length];
        for (int i = 0; i < f64.length; i++) {
            f64Bytes.putDouble(f64[i]);
            f64Rounded[i] = (float) f64[i];
        }
        writer.add("f64", DType.F64, new long[] {4}, f64Bytes.array());
        expected.add(tensor("f64", "F64", new long[] {4}, floatBits(f64Rounded)));

        writer.addLongs("i64", new long[] {4}, i64);
        expected.add(tensor("i64", "I64", new long[] {4}, i64));
        writer.addInts("i32", new long[] {2, 3}, i32);
        expected.add(tensor("i32", "I32", new long[] {2, 3}, Arrays.stream(i32).asLongStream().toArray()));
        writer.add("i16", DType.I16, new long[] {2}, RawSafetensors.u16(0x8000, 0x7FFF));
        expected.add(tensor("i16", "I16", new long[] {2}, new long[] {-32768, 32767}));
        writer.add("i8", DType.I8, new long[] {2}, new byte[] {(byte) 0x80, 0x7F});
        expected.add(tensor("i8", "I8", new long[] {2}, new long[] {-128, 127}));
        writer.add("u8", DType.U8, new long[] {3}, new byte[] {(byte) 0xFF, 0, 1});
        expected.add(tensor("u8", "U8", new long[] {3}, new long[] {255, 0, 1}));
        writer.add("bool", DType.BOOL, new long[] {3}, new byte[] {1, 0, 1});
        expected.add(tensor("bool", "BOOL", new long[] {3}, new long[] {1, 0, 1}));
        writer.addFloats("scalar", new long[] {}, new float[] {3.5f});
        expected.add(tensor("scalar", "F32", new long[] {}, floatBits(new float[] {3.5f})));
        writer.addFloats("empty", new long[] {0, 3}, new float[0]);
        expected.add(tensor("empty", "F32", new long[] {0, 3}, new long[0]));

        Path file = dir.resolve("java.safetensors");
        writer.write(file);
        JsonObject root = new JsonObject();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("format", "pt");
        metadata.addProperty("note", "written by Java \u2713");
        root.add("metadata", metadata);
        root.add("tensors", expected);
        Path expectedFile = dir.resolve("expected.json");
        Files.writeString(expectedFile, root.toString());

        String out = PythonReference.run(SCRIPT, "verify", file.toString(), expectedFile.toString());
        assertEquals("ok 12 tensors", out.strip());
    }

    private static JsonObject tensor(String name, String dtype, long[] shape, long[] values) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("dtype", dtype);
        json.add("shape", jsonArray(shape));
        json.add("values", jsonArray(values));
        return json;
    }

    private static JsonArray jsonArray(long[] values) {
        JsonArray array = new JsonArray();
        for (long value : values) {
            array.add(value);
        }
        return array;
    }

    private static long[] floatBits(float[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]) & 0xffffffffL;
        }
        return bits;
    }

    private static float[] floatsFromBits(long[] bits) {
        float[] values = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            values[i] = Float.intBitsToFloat((int) bits[i]);
        }
        return values;
    }

    private static byte[] littleEndian(short[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(values);
        return buffer.array();
    }

    private static long[] longs(JsonArray array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsBigInteger().longValue();
        }
        return values;
    }

    private static byte[] bytes(long[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
