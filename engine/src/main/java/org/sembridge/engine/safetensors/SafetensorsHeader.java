package org.sembridge.engine.safetensors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.io.JsonText;

/// The validated JSON header of a safetensors file: the tensors in header order and the optional
/// `__metadata__` map.
///
/// [#parse] accepts only what the format allows: strict UTF-8 JSON whose top level is an object;
/// one key per tensor holding `dtype` (a known [DType]), `shape` (non-negative integers) and
/// `data_offsets` (two integers `0 <= begin <= end <= dataSize`) with
/// `end - begin == product(shape) * dtype.byteSize()`; non-empty spans do not overlap; optional
/// `__metadata__` maps strings to strings; no key twice; trailing spaces allowed. Unknown fields
/// inside a tensor entry are ignored, as the reference implementation does. Gaps between spans
/// are allowed.
record SafetensorsHeader(Map<String, String> metadata, List<TensorInfo> tensors) {

    /// Largest accepted header, in bytes (the limit of the reference implementation).
    static final long MAX_HEADER_BYTES = 100_000_000L;

    /// Key of the optional string-to-string metadata object.
    static final String METADATA_KEY = "__metadata__";

    /// JSON depth the format needs: top object, tensor object, shape array.
    private static final int NESTING_LIMIT = 4;

    SafetensorsHeader {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /// Parses and validates a header.
    ///
    /// @param file     the file name used in error messages
    /// @param json     the header bytes (UTF-8 JSON, possibly padded with spaces)
    /// @param dataSize size in bytes of the data area that follows the header
    /// @throws ModelFormatException naming the file, the tensor and the problem
    static SafetensorsHeader parse(String file, byte[] json, long dataSize) throws ModelFormatException {
        String text = decodeUtf8(file, json);
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(NESTING_LIMIT);
        Map<String, String> metadata = Map.of();
        List<TensorInfo> tensors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        try {
            JsonToken first = reader.peek();
            if (first != JsonToken.BEGIN_OBJECT) {
                throw error(file, "the header must be a JSON object, found " + first);
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String key = reader.nextName();
                if (!keys.add(key)) {
                    throw error(file, "key '" + key + "' appears twice in the header");
                }
                JsonElement value = JsonParser.parseReader(reader);
                if (key.equals(METADATA_KEY)) {
                    metadata = parseMetadata(file, value);
                } else {
                    tensors.add(parseTensor(file, key, value, dataSize));
                }
            }
            reader.endObject();
            JsonToken after = reader.peek();
            if (after != JsonToken.END_DOCUMENT) {
                throw error(file, "unexpected " + after + " after the header object");
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            String problem = e instanceof IllegalStateException ? ": " + e.getMessage() : JsonText.where(e);
            throw new ModelFormatException(prefix(file) + "malformed JSON header" + problem, e);
        }
        checkNoOverlap(file, tensors);
        return new SafetensorsHeader(metadata, tensors);
    }

    private static String decodeUtf8(String file, byte[] json) throws ModelFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(prefix(file) + "the header is not valid UTF-8", e);
        }
    }

    private static Map<String, String> parseMetadata(String file, JsonElement value) throws ModelFormatException {
        if (!(value instanceof JsonObject object)) {
            throw error(file, METADATA_KEY + ": expected an object of strings, found " + describe(value));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            if (!(entry.getValue() instanceof JsonPrimitive primitive) || !primitive.isString()) {
                throw error(file, METADATA_KEY + " entry '" + entry.getKey() + "': expected a string, found "
                        + describe(entry.getValue()));
            }
            metadata.put(entry.getKey(), primitive.getAsString());
        }
        return metadata;
    }

    private static TensorInfo parseTensor(String file, String name, JsonElement value, long dataSize)
            throws ModelFormatException {
        if (!(value instanceof JsonObject entry)) {
            throw tensorError(file, name, "expected an object with dtype, shape and data_offsets, found "
                    + describe(value));
        }
        DType dtype = parseDType(file, name, entry.get("dtype"));
        long[] shape = parseIntegers(file, name, "shape", entry.get("shape"), -1);
        long[] offsets = parseIntegers(file, name, "data_offsets", entry.get("data_offsets"), 2);
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin) {
            throw tensorError(file, name, "data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        if (end > dataSize) {
            throw tensorError(file, name, "data_offsets [" + begin + ", " + end
                    + "] reach beyond the end of the file: the data area holds only " + dataSize + " bytes");
        }
        long expectedBytes = byteCount(file, name, dtype, shape);
        if (expectedBytes != end - begin) {
            throw tensorError(file, name, "shape " + Arrays.toString(shape) + " x " + dtype + " ("
                    + dtype.byteSize() + " bytes) needs " + expectedBytes + " bytes, but data_offsets ["
                    + begin + ", " + end + "] span " + (end - begin) + " bytes");
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private static DType parseDType(String file, String name, JsonElement value) throws ModelFormatException {
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isString()) {
            throw tensorError(file, name, "dtype: expected a string such as \"F32\", found " + describe(value));
        }
        String dtypeName = primitive.getAsString();
        return DType.fromSafetensorsName(dtypeName).orElseThrow(() -> tensorError(file, name,
                "unknown dtype '" + printable(dtypeName) + "'; supported: " + Arrays.stream(DType.values())
                        .map(DType::safetensorsName).collect(Collectors.joining(", "))));
    }

    /// Parses an array of non-negative integers; `expectedLength < 0` means any length.
    private static long[] parseIntegers(String file, String name, String field, JsonElement value,
            int expectedLength) throws ModelFormatException {
        if (!(value instanceof JsonArray array)) {
            throw tensorError(file, name, field + ": expected an array of non-negative integers, found "
                    + describe(value));
        }
        if (expectedLength >= 0 && array.size() != expectedLength) {
            throw tensorError(file, name, field + ": expected " + expectedLength + " entries, found "
                    + array.size() + " " + array);
        }
        long[] result = new long[array.size()];
        for (int i = 0; i < result.length; i++) {
            JsonElement item = array.get(i);
            long parsed = -1;
            if (item instanceof JsonPrimitive primitive && primitive.isNumber()) {
                try {
                    parsed = Long.parseLong(primitive.getAsString());
                } catch (NumberFormatException e) {
                    parsed = -1;
                }
            }
            if (parsed < 0) {
                throw tensorError(file, name, field + " entry " + i
                        + ": expected a non-negative integer below 2^63, found " + describe(item));
            }
            result[i] = parsed;
        }
        return result;
    }

    private static long byteCount(String file, String name, DType dtype, long[] shape) throws ModelFormatException {
        try {
            long count = 1;
            for (long dimension : shape) {
                count = Math.multiplyExact(count, dimension);
            }
            return Math.multiplyExact(count, (long) dtype.byteSize());
        } catch (ArithmeticException e) {
            throw tensorError(file, name, "shape " + Arrays.toString(shape) + " x " + dtype
                    + " needs more than 2^63 bytes");
        }
    }

    private static void checkNoOverlap(String file, List<TensorInfo> tensors) throws ModelFormatException {
        List<TensorInfo> byBegin = tensors.stream()
                .filter(t -> t.byteCount() > 0)
                .sorted(Comparator.comparingLong(TensorInfo::dataBegin))
                .toList();
        TensorInfo furthest = null;
        for (TensorInfo tensor : byBegin) {
            if (furthest != null && tensor.dataBegin() < furthest.dataEnd()) {
                throw tensorError(file, tensor.name(), "data_offsets [" + tensor.dataBegin() + ", "
                        + tensor.dataEnd() + "] overlap tensor '" + furthest.name() + "' at ["
                        + furthest.dataBegin() + ", " + furthest.dataEnd() + "]");
            }
            if (furthest == null || tensor.dataEnd() > furthest.dataEnd()) {
                furthest = tensor;
            }
        }
    }

    private static String describe(JsonElement value) {
        if (value == null) {
            return "nothing (field missing)";
        }
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /// `text` with control characters shown as `\\uXXXX`, so a message stays one line.
    private static String printable(String text) {
        String shown = text.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f
                ? String.format(java.util.Locale.ROOT, "\\u%04x", c) : Character.toString(c))
                .collect(Collectors.joining());
        return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }

    static String prefix(String file) {
        return "invalid safetensors file " + file + ": ";
    }

    private static ModelFormatException error(String file, String problem) {
        return new ModelFormatException(prefix(file) + problem);
    }

    private static ModelFormatException tensorError(String file, String tensor, String problem) {
        return new ModelFormatException(prefix(file) + "tensor '" + tensor + "': " + problem);
    }
}
