package org.sembridge.engine.hostile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/// Mutations that know the safetensors layout: a header length that lies, tensor entries whose
/// `data_offsets`, `shape` or `dtype` lie (overlapping, reversed, beyond the file, overflowing
/// products), and [JsonMutations] applied to the header with the length kept consistent.
final class SafetensorsMutations {

    private static final List<String> DTYPES = List.of("F32", "F16", "BF16", "F64", "I64", "I32", "I8", "U8", "BOOL",
            "F8_E4M3", "X", "f32", "");

    private SafetensorsMutations() {
    }

    static Mutated apply(byte[] data, Random random, EscapePayloads escapes, Path from) throws IOException {
        if (data.length < 8) {
            return ByteMutations.apply(data, random);
        }
        long length = ByteBuffer.wrap(data, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (length <= 0 || length > data.length - 8) {
            return ByteMutations.apply(data, random);
        }
        String header = new String(data, 8, (int) length, StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOfRange(data, 8 + (int) length, data.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                long lie = List.of(0L, 1L, length - 1, length + 1, (long) data.length, data.length - 7L, 1L << 31,
                        Long.MAX_VALUE, -1L, 100_000_001L).get(random.nextInt(10));
                byte[] copy = data.clone();
                ByteBuffer.wrap(copy, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(lie);
                return new Mutated("st-length-lie", "header length " + length + " -> " + lie, copy);
            }
            case 1, 2 -> {
                JsonObject root;
                try {
                    root = JsonParser.parseString(header).getAsJsonObject();
                } catch (JsonParseException | IllegalStateException e) {
                    return ByteMutations.apply(data, random);
                }
                List<String> names = new ArrayList<>();
                for (Map.Entry<String, JsonElement> e : root.entrySet()) {
                    if (e.getValue().isJsonObject() && !e.getKey().equals("__metadata__")) {
                        names.add(e.getKey());
                    }
                }
                if (names.isEmpty()) {
                    return ByteMutations.apply(data, random);
                }
                String name = names.get(random.nextInt(names.size()));
                JsonObject tensor = root.getAsJsonObject(name);
                String detail = tensorLie(tensor, random, body.length, root, names);
                return new Mutated("st-entry-lie", name + ": " + detail, rebuild(root.toString(), body));
            }
            default -> {
                Mutated inner = JsonMutations.apply(header, random, false, escapes, from);
                if (inner == null) {
                    return ByteMutations.apply(data, random);
                }
                return new Mutated("st-header-" + inner.family(), inner.detail(),
                        rebuild(new String(inner.bytes(), StandardCharsets.UTF_8), body));
            }
        }
    }

    private static String tensorLie(JsonObject tensor, Random random, int bodyLength, JsonObject root,
            List<String> names) {
        JsonArray offsets = tensor.getAsJsonArray("data_offsets");
        long begin = offsets == null ? 0 : offsets.get(0).getAsLong();
        long end = offsets == null ? 0 : offsets.get(1).getAsLong();
        switch (random.nextInt(3)) {
            case 0 -> {
                long[] lie = switch (random.nextInt(6)) {
                    case 0 -> new long[] {end, begin};
                    case 1 -> new long[] {begin, bodyLength + 1L + random.nextInt(1000)};
                    case 2 -> new long[] {-4, end};
                    case 3 -> new long[] {begin + 4, end + 4};
                    case 4 -> new long[] {0, end - begin};
                    default -> new long[] {begin, begin + (1L << 40)};
                };
                JsonArray array = new JsonArray();
                array.add(lie[0]);
                array.add(lie[1]);
                tensor.add("data_offsets", array);
                return "data_offsets [" + begin + ", " + end + "] -> [" + lie[0] + ", " + lie[1] + "]";
            }
            case 1 -> {
                JsonArray shape = new JsonArray();
                String what;
                switch (random.nextInt(5)) {
                    case 0 -> {
                        shape.add(0);
                        what = "[0]";
                    }
                    case 1 -> {
                        shape.add(-1);
                        shape.add(8);
                        what = "[-1, 8]";
                    }
                    case 2 -> {
                        shape.add(1L << 32);
                        shape.add(1L << 32);
                        what = "[2^32, 2^32]";
                    }
                    case 3 -> {
                        tensor.getAsJsonArray("shape").forEach(shape::add);
                        shape.add(2);
                        what = "one more dimension of 2";
                    }
                    default -> {
                        JsonElement other = root.getAsJsonObject(names.get(random.nextInt(names.size()))).get("shape");
                        other.getAsJsonArray().forEach(shape::add);
                        what = "another tensor's shape " + other;
                    }
                }
                tensor.add("shape", shape);
                return "shape -> " + what;
            }
            default -> {
                String dtype = DTYPES.get(random.nextInt(DTYPES.size()));
                tensor.addProperty("dtype", dtype);
                return "dtype -> " + dtype;
            }
        }
    }

    private static byte[] rebuild(String header, byte[] body) {
        byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + headerBytes.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(headerBytes.length).put(headerBytes).put(body);
        return out.array();
    }
}
