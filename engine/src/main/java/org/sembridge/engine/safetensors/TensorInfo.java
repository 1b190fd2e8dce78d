package org.sembridge.engine.safetensors;

import java.util.Arrays;
import java.util.Objects;

/// One entry of a safetensors header: a tensor's name, element type, shape and byte span.
///
/// `dataBegin` and `dataEnd` are byte offsets relative to the start of the data area (the byte
/// after the JSON header), exactly as written in the file's `data_offsets`; the span is
/// `[dataBegin, dataEnd)`. Instances made by [SafetensorsFile] satisfy
/// `dataEnd - dataBegin == elementCount() * dtype.byteSize()`. The shape array is copied on the way
/// in and out, so an instance is immutable.
///
/// @param name      tensor name, for example `"embeddings.word_embeddings.weight"`
/// @param dtype     element type
/// @param shape     dimensions, outermost first; empty for a scalar; every entry `>= 0`
/// @param dataBegin first byte of the tensor, relative to the data area, `>= 0`
/// @param dataEnd   one past the last byte, relative to the data area, `>= dataBegin`
public record TensorInfo(String name, DType dtype, long[] shape, long dataBegin, long dataEnd) {

    /// Checks the invariants a caller can get wrong; the file reader checks more (see above).
    ///
    /// @throws IllegalArgumentException for a negative dimension or offset, or `dataEnd < dataBegin`
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape)
                        + " of tensor '" + name + "'");
            }
        }
        if (dataBegin < 0 || dataEnd < dataBegin) {
            throw new IllegalArgumentException("invalid span [" + dataBegin + ", " + dataEnd
                    + ") of tensor '" + name + "'");
        }
    }

    /// The dimensions, outermost first (a copy).
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /// Number of dimensions (0 for a scalar).
    public int rank() {
        return shape.length;
    }

    /// Product of the shape entries (1 for a scalar, 0 if any dimension is 0).
    ///
    /// @throws ArithmeticException if the product overflows a `long`
    public long elementCount() {
        long count = 1;
        for (long dimension : shape) {
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    /// Length of the byte span, `dataEnd - dataBegin`.
    public long byteCount() {
        return dataEnd - dataBegin;
    }

    /// Equal if every component is equal, the shape compared element by element.
    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that
                && name.equals(that.name)
                && dtype == that.dtype
                && Arrays.equals(shape, that.shape)
                && dataBegin == that.dataBegin
                && dataEnd == that.dataEnd;
    }

    /// A hash consistent with [#equals(Object)].
    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), dataBegin, dataEnd);
    }

    /// For example `w F32[2, 3] bytes [0, 24)`.
    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " bytes [" + dataBegin + ", " + dataEnd + ")";
    }
}
