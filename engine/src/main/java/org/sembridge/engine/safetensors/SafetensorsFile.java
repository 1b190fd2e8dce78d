package org.sembridge.engine.safetensors;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sembridge.engine.ModelFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A safetensors file opened for reading: the validated header plus a read-only memory mapping
/// of the whole file.
///
/// Layout (little-endian): an unsigned 64-bit header length `n`, `n` bytes of UTF-8 JSON
/// `{name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}`, then the data
/// area; a tensor's bytes are `[8 + n + begin, 8 + n + end)`. [#open] validates everything before
/// the first read (see [SafetensorsHeader]); offsets are `long`, so files and tensors over 2 GiB
/// work. Headers over 100,000,000 bytes are refused.
///
/// Floating tensors are read as `float` (`F16`, `BF16` exactly, `F64` rounded to nearest),
/// integer tensors as `long` or `int`. `BF16` never becomes an NDArray (that aborts the JVM).
/// Whole-tensor reads are limited to `Integer.MAX_VALUE - 8` elements; larger tensors are read in
/// blocks with [#readFloats(String, long, float[], int, int)].
///
/// The mapping lives in a shared arena: reads may come from several threads, and [#close()]
/// unmaps at once. Reading after `close()` throws `IllegalStateException`. If another process
/// truncates the file while it is mapped, a read may fail with an `InternalError`.
public final class SafetensorsFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SafetensorsFile.class);

    /// Bytes of the header-length field at the start of the file.
    private static final int LENGTH_FIELD_BYTES = 8;

    /// Floats decoded and checked per step of [#readFiniteFloats(String, MemorySegment)] (256 KiB).
    static final int CHUNK_FLOATS = 1 << 16;

    /// Longest Java array this reader allocates, as in `ArrayList`.
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /// Nearest present names listed when a tensor is missing.
    private static final int SUGGESTION_COUNT = 5;

    private final Path path;
    private final Arena arena;
    private final MemorySegment data;
    private final SafetensorsHeader header;
    private final Map<String, TensorInfo> byName;

    private SafetensorsFile(Path path, Arena arena, MemorySegment data, SafetensorsHeader header) {
        this.path = path;
        this.arena = arena;
        this.data = data;
        this.header = header;
        this.byName = new LinkedHashMap<>();
        for (TensorInfo tensor : header.tensors()) {
            byName.put(tensor.name(), tensor);
        }
    }

    /// Opens, maps and validates a safetensors file.
    ///
    /// @throws ModelFormatException if the file is missing or unreadable, or its header is invalid;
    ///     the message names the file and, where one is at fault, the tensor
    public static SafetensorsFile open(Path file) throws ModelFormatException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ModelFormatException(SafetensorsHeader.prefix(name) + "is a folder, not a safetensors file");
        }
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < LENGTH_FIELD_BYTES) {
                throw new ModelFormatException(SafetensorsHeader.prefix(name) + "the file is " + size
                        + " bytes long, too short for the 8-byte header length");
            }
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            long headerBytes = mapped.get(ElementDecoder.LONG, 0);
            long available = size - LENGTH_FIELD_BYTES;
            if (headerBytes < 0 || headerBytes > SafetensorsHeader.MAX_HEADER_BYTES) {
                throw new ModelFormatException(SafetensorsHeader.prefix(name) + "header length "
                        + Long.toUnsignedString(headerBytes) + " bytes exceeds the limit of "
                        + SafetensorsHeader.MAX_HEADER_BYTES + " bytes (file size " + size + " bytes)");
            }
            if (headerBytes > available) {
                throw new ModelFormatException(SafetensorsHeader.prefix(name) + "header length " + headerBytes
                        + " bytes reaches beyond the end of the file: only " + available
                        + " bytes follow the length field");
            }
            byte[] json = mapped.asSlice(LENGTH_FIELD_BYTES, headerBytes).toArray(ValueLayout.JAVA_BYTE);
            SafetensorsHeader header = SafetensorsHeader.parse(name, json, available - headerBytes);
            MemorySegment data = mapped.asSlice(LENGTH_FIELD_BYTES + headerBytes);
            LOG.debug("Opened {}: {} tensors, {} MiB", file, header.tensors().size(), size >> 20);
            return new SafetensorsFile(file, arena, data, header);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new ModelFormatException("safetensors file not found: " + name, e);
        } catch (AccessDeniedException e) {
            arena.close();
            throw new ModelFormatException("cannot read safetensors file " + name + ": access denied", e);
        } catch (IOException e) {
            arena.close();
            throw new ModelFormatException("cannot read safetensors file " + name + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (ModelFormatException | RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /// The file this reader maps.
    public Path path() {
        return path;
    }

    /// The `__metadata__` entries in file order (empty if the file has none); unmodifiable.
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /// All tensors in header order; unmodifiable.
    public List<TensorInfo> tensors() {
        return header.tensors();
    }

    /// The tensor with this exact name, if present.
    public Optional<TensorInfo> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /// The tensor with this exact name.
    ///
    /// @throws ModelFormatException if it is absent; the message names the file, the missing tensor
    ///     and up to five present names nearest to it (edit distance)
    public TensorInfo require(String name) throws ModelFormatException {
        TensorInfo tensor = byName.get(name);
        if (tensor == null) {
            List<String> nearest = NameSuggestions.nearest(name, byName.keySet(), SUGGESTION_COUNT);
            throw new ModelFormatException("tensor '" + name + "' not found in " + path + " ("
                    + byName.size() + " tensors"
                    + (nearest.isEmpty() ? ")" : "; nearest names: " + String.join(", ", nearest) + ")"));
        }
        return tensor;
    }

    /// Reads a whole floating tensor (`F32`, `F16`, `BF16`, `F64`) as `float`, row-major.
    ///
    /// @throws ModelFormatException if the tensor is missing, has an integer dtype, or has more
    ///     elements than a Java array holds
    public float[] readFloats(String name) throws ModelFormatException {
        TensorInfo tensor = requireFloating(name);
        float[] values = new float[arrayLength(tensor)];
        ensureOpen();
        ElementDecoder.decodeFloats(tensor.dtype(), data, tensor.dataBegin(), values, 0, values.length);
        return values;
    }

    /// Reads a whole floating tensor like [#readFloats(String)] and checks every value is finite.
    ///
    /// @throws ModelFormatException as [#readFloats(String)], or naming the flat (row-major) index
    ///     and value of the first NaN or infinity
    public float[] readFiniteFloats(String name) throws ModelFormatException {
        float[] values = readFloats(name);
        requireFinite(name, values, values.length, 0, values.length);
        return values;
    }

    /// Reads a whole floating tensor like [#readFiniteFloats(String)], with the same checks and
    /// messages, into `dest` (float32 in the platform's byte order, from its start) instead of a
    /// new array: a tensor bound for native memory (a libtorch weight) then never exists on the
    /// Java heap. It is decoded and checked [#CHUNK_FLOATS] values at a time through one small
    /// array. The 262,145 x 128 embedding table of a large-vocabulary model is 128 MiB, which the
    /// array route allocated on the heap and copied once more.
    ///
    /// @throws IllegalArgumentException when `dest` is smaller than the tensor
    public void readFiniteFloats(String name, MemorySegment dest) throws ModelFormatException {
        TensorInfo tensor = requireFloating(name);
        int count = arrayLength(tensor);
        if (dest.byteSize() < (long) count * Float.BYTES) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + count + " floats, the destination holds "
                    + dest.byteSize() + " bytes");
        }
        ensureOpen();
        float[] chunk = new float[Math.min(count, CHUNK_FLOATS)];
        for (int first = 0; first < count; first += chunk.length) {
            int n = Math.min(chunk.length, count - first);
            ElementDecoder.decodeFloats(tensor.dtype(), data, tensor.dataBegin() + (long) first * tensor.dtype().byteSize(),
                    chunk, 0, n);
            requireFinite(name, chunk, n, first, count);
            MemorySegment.copy(chunk, 0, dest, ValueLayout.JAVA_FLOAT, (long) first * Float.BYTES, n);
        }
    }

    /// Throws naming the flat index `first + i` (of `total`) of the first non-finite value among
    /// `values[0 .. n)`.
    private void requireFinite(String name, float[] values, int n, int first, int total) throws ModelFormatException {
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ModelFormatException("tensor '" + name + "' in " + path
                        + " has a non-finite value: expected finite numbers, found " + values[i]
                        + " at flat index " + (first + i) + " of " + total);
            }
        }
    }

    /// Reads `count` consecutive elements of a floating tensor, starting at row-major element
    /// `firstElement`, into `dest[destOffset .. destOffset + count)`; for tensors too large for one
    /// array, or to stream a matrix block by block (a block of rows `r0..r1` of an `R x C` matrix is
    /// `firstElement = r0 * C`, `count = (r1 - r0) * C`).
    ///
    /// @throws ModelFormatException if the tensor is missing or has an integer dtype
    /// @throws IndexOutOfBoundsException if the element range lies outside the tensor or the
    ///     destination range outside `dest`
    public void readFloats(String name, long firstElement, float[] dest, int destOffset, int count)
            throws ModelFormatException {
        TensorInfo tensor = requireFloating(name);
        Objects.checkFromIndexSize(destOffset, count, dest.length);
        Objects.checkFromIndexSize(firstElement, count, tensor.elementCount());
        ensureOpen();
        long offset = tensor.dataBegin() + firstElement * tensor.dtype().byteSize();
        ElementDecoder.decodeFloats(tensor.dtype(), data, offset, dest, destOffset, count);
    }

    /// Reads a whole integer tensor (`I64`, `I32`, `I16`, `I8`, `U8`) as `long`, exactly.
    ///
    /// @throws ModelFormatException if the tensor is missing, has another dtype, or is too large
    ///     for one array
    public long[] readLongs(String name) throws ModelFormatException {
        TensorInfo tensor = require(name);
        switch (tensor.dtype()) {
            case I64, I32, I16, I8, U8 -> {
                long[] values = new long[arrayLength(tensor)];
                ensureOpen();
                ElementDecoder.decodeLongs(tensor.dtype(), data, tensor.dataBegin(), values, values.length);
                return values;
            }
            default -> throw wrongDType(tensor, "an integer dtype (I64, I32, I16, I8, U8)");
        }
    }

    /// Reads a whole integer tensor as `int`; `I64` values must fit in an `int`.
    ///
    /// @throws ModelFormatException as [#readLongs(String)], or naming the flat index and value of
    ///     the first `I64` element outside the `int` range
    public int[] readInts(String name) throws ModelFormatException {
        long[] values = readLongs(name);
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != (int) values[i]) {
                throw new ModelFormatException("tensor '" + name + "' in " + path
                        + " does not fit in 32-bit integers: expected values in [" + Integer.MIN_VALUE + ", "
                        + Integer.MAX_VALUE + "], found " + values[i] + " at flat index " + i);
            }
            ints[i] = (int) values[i];
        }
        return ints;
    }

    /// The tensor's bytes exactly as stored (little-endian elements, row-major); any dtype.
    ///
    /// @throws ModelFormatException if the tensor is missing or its span exceeds one array
    public byte[] readRawBytes(String name) throws ModelFormatException {
        TensorInfo tensor = require(name);
        if (tensor.byteCount() > MAX_ARRAY_LENGTH) {
            throw tooLarge(tensor, tensor.byteCount() + " bytes");
        }
        ensureOpen();
        return data.asSlice(tensor.dataBegin(), tensor.byteCount()).toArray(ValueLayout.JAVA_BYTE);
    }

    /// Unmaps the file; later reads throw `IllegalStateException`. Calling it again does nothing.
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }

    /// The path and the number of tensors.
    @Override
    public String toString() {
        return "SafetensorsFile[" + path + ", " + byName.size() + " tensors]";
    }

    private TensorInfo requireFloating(String name) throws ModelFormatException {
        TensorInfo tensor = require(name);
        if (!tensor.dtype().isFloatingPoint()) {
            throw wrongDType(tensor, "a floating-point dtype (F32, F16, BF16, F64)");
        }
        return tensor;
    }

    private int arrayLength(TensorInfo tensor) throws ModelFormatException {
        long count = tensor.elementCount();
        if (count > MAX_ARRAY_LENGTH) {
            throw tooLarge(tensor, count + " elements");
        }
        return (int) count;
    }

    private void ensureOpen() {
        if (!arena.scope().isAlive()) {
            throw new IllegalStateException("safetensors file " + path + " is closed");
        }
    }

    private ModelFormatException wrongDType(TensorInfo tensor, String expected) {
        return new ModelFormatException("tensor '" + tensor.name() + "' in " + path + " has the wrong dtype: expected "
                + expected + ", found " + tensor.dtype());
    }

    private ModelFormatException tooLarge(TensorInfo tensor, String found) {
        return new ModelFormatException("tensor '" + tensor.name() + "' in " + path
                + " is too large for one Java array: expected at most " + MAX_ARRAY_LENGTH + ", found " + found
                + "; read it in blocks with readFloats(name, firstElement, dest, destOffset, count)");
    }
}
