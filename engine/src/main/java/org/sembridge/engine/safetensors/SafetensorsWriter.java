package org.sembridge.engine.safetensors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sembridge.engine.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Collects tensors and metadata and writes them as one safetensors file, atomically.
///
/// Tensors are written in insertion order, back to back from data offset 0; the JSON header
/// lists `__metadata__` first (when there is any), then the tensors in the same order, and is
/// padded with spaces to a multiple of 8 bytes, so the data area starts 8-byte aligned. The file
/// goes through [AtomicFiles#write]: a failed write leaves neither a partial target nor a
/// temporary file.
///
/// The `add*` methods keep a reference to the given array instead of copying it (embedding
/// matrices are large): do not change an array between adding it and [#write(Path)]. Tensors
/// larger than 2 GiB are fine as `float[]`, `long[]` or `int[]` (the byte count is a `long`).
/// Not thread-safe.
public final class SafetensorsWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SafetensorsWriter.class);

    /// Alignment of the data area, reached by padding the header with spaces.
    private static final int ALIGNMENT = 8;

    /// Bytes encoded per write call.
    private static final int CHUNK_BYTES = 1 << 16;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /// Writes a tensor's elements as little-endian bytes.
    private interface Encoder {
        void writeTo(OutputStream out, ByteBuffer chunk) throws IOException;
    }

    private record PendingTensor(DType dtype, long[] shape, long byteCount, Encoder encoder) {
    }

    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, PendingTensor> tensors = new LinkedHashMap<>();

    /// Creates an empty writer.
    public SafetensorsWriter() {
    }

    /// Adds or replaces a `__metadata__` entry; entries keep their first insertion order.
    public SafetensorsWriter putMetadata(String key, String value) {
        metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /// Adds an `F32` tensor.
    ///
    /// @param shape dimensions, outermost first; `data.length` must equal their product
    /// @param data  row-major values (referenced, not copied)
    /// @throws IllegalArgumentException for a duplicate or reserved name, a negative dimension, or a
    ///     data length that does not match the shape
    public SafetensorsWriter addFloats(String name, long[] shape, float[] data) {
        checkLength(name, shape, data.length);
        return put(name, DType.F32, shape, (out, chunk) -> {
            for (int start = 0; start < data.length; start += chunk.capacity() / Float.BYTES) {
                int end = Math.min(data.length, start + chunk.capacity() / Float.BYTES);
                chunk.clear();
                for (int i = start; i < end; i++) {
                    chunk.putFloat(data[i]);
                }
                out.write(chunk.array(), 0, chunk.position());
            }
        });
    }

    /// Adds an `I64` tensor; arguments and errors as [#addFloats].
    public SafetensorsWriter addLongs(String name, long[] shape, long[] data) {
        checkLength(name, shape, data.length);
        return put(name, DType.I64, shape, (out, chunk) -> {
            for (int start = 0; start < data.length; start += chunk.capacity() / Long.BYTES) {
                int end = Math.min(data.length, start + chunk.capacity() / Long.BYTES);
                chunk.clear();
                for (int i = start; i < end; i++) {
                    chunk.putLong(data[i]);
                }
                out.write(chunk.array(), 0, chunk.position());
            }
        });
    }

    /// Adds an `I32` tensor; arguments and errors as [#addFloats].
    public SafetensorsWriter addInts(String name, long[] shape, int[] data) {
        checkLength(name, shape, data.length);
        return put(name, DType.I32, shape, (out, chunk) -> {
            for (int start = 0; start < data.length; start += chunk.capacity() / Integer.BYTES) {
                int end = Math.min(data.length, start + chunk.capacity() / Integer.BYTES);
                chunk.clear();
                for (int i = start; i < end; i++) {
                    chunk.putInt(data[i]);
                }
                out.write(chunk.array(), 0, chunk.position());
            }
        });
    }

    /// Adds a tensor of any dtype from its stored bytes (little-endian elements, row-major), for
    /// example `F16` or `BF16` bit patterns, or `BOOL` as bytes 0 and 1.
    ///
    /// @throws IllegalArgumentException as [#addFloats], or if `littleEndianBytes.length` is not
    ///     `product(shape) * dtype.byteSize()`
    public SafetensorsWriter add(String name, DType dtype, long[] shape, byte[] littleEndianBytes) {
        Objects.requireNonNull(dtype, "dtype");
        long expected = Math.multiplyExact(elementCount(name, shape), (long) dtype.byteSize());
        if (expected != littleEndianBytes.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " x "
                    + dtype + " needs " + expected + " bytes, found " + littleEndianBytes.length);
        }
        return put(name, dtype, shape, (out, chunk) -> out.write(littleEndianBytes));
    }

    /// Writes the file atomically: to a temporary sibling, forced to disk, then renamed over
    /// `target`. Missing parent folders are created. The writer can be written again afterwards.
    ///
    /// @throws IOException from the file system; `target` is then unchanged and no temporary file
    ///     remains
    public void write(Path target) throws IOException {
        long startNanos = System.nanoTime();
        byte[] header = headerBytes();
        long dataBytes = tensors.values().stream().mapToLong(PendingTensor::byteCount).sum();
        AtomicFiles.write(target, out -> {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            chunk.putLong(header.length);
            out.write(chunk.array(), 0, Long.BYTES);
            out.write(header);
            for (PendingTensor tensor : tensors.values()) {
                tensor.encoder().writeTo(out, chunk);
            }
        });
        LOG.info("Wrote {}: {} tensors, {} MiB in {} s", target, tensors.size(),
                String.format("%.1f", (Long.BYTES + header.length + dataBytes) / 1048576.0),
                String.format("%.2f", (System.nanoTime() - startNanos) / 1e9));
    }

    /// The JSON header, UTF-8, padded with spaces so that `8 + length` is a multiple of 8.
    private byte[] headerBytes() {
        JsonObject root = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            root.add(SafetensorsHeader.METADATA_KEY, meta);
        }
        long offset = 0;
        for (Map.Entry<String, PendingTensor> entry : tensors.entrySet()) {
            PendingTensor tensor = entry.getValue();
            JsonObject json = new JsonObject();
            json.addProperty("dtype", tensor.dtype().safetensorsName());
            JsonArray shape = new JsonArray();
            for (long dimension : tensor.shape()) {
                shape.add(dimension);
            }
            json.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + tensor.byteCount());
            json.add("data_offsets", offsets);
            root.add(entry.getKey(), json);
            offset += tensor.byteCount();
        }
        byte[] text = GSON.toJson(root).getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        byte[] header = Arrays.copyOf(text, padded);
        Arrays.fill(header, text.length, padded, (byte) ' ');
        return header;
    }

    private SafetensorsWriter put(String name, DType dtype, long[] shape, Encoder encoder) {
        long byteCount = elementCount(name, shape) * dtype.byteSize();
        tensors.put(name, new PendingTensor(dtype, shape.clone(), byteCount, encoder));
        return this;
    }

    private void checkLength(String name, long[] shape, int length) {
        long expected = elementCount(name, shape);
        if (expected != length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
                    + " has " + expected + " elements, found " + length + " values");
        }
    }

    /// Validates the name and shape; returns the product of the shape.
    private long elementCount(String name, long[] shape) {
        Objects.requireNonNull(name, "name");
        if (name.equals(SafetensorsHeader.METADATA_KEY)) {
            throw new IllegalArgumentException("'" + name + "' is reserved for metadata, not a tensor name");
        }
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("tensor '" + name + "' was already added");
        }
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': negative dimension in shape "
                        + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }
}
