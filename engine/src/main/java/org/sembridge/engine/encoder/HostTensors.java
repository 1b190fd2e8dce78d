package org.sembridge.engine.encoder;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Optional;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/// Views of loaded weight tensors for the host forward pass ([HostEncoder]).
///
/// A float32 tensor in host memory is read in place: [NDArray#toByteBuffer(boolean)] with
/// `tryDirect` gives a direct buffer over libtorch's memory (no copy), valid while the model
/// that owns the tensor is loaded (as [MaxPooledDecoder] reads the decoder table). A tensor on a
/// GPU, of another type, or that libtorch hands out only as a copy has no view.
final class HostTensors {

    private HostTensors() {
    }

    /// The tensor's elements in place, or empty when they are not float32 host memory that
    /// can be read without a copy.
    static Optional<MemorySegment> view(NDArray tensor) {
        if (!tensor.getDevice().equals(Device.cpu()) || tensor.getDataType() != DataType.FLOAT32) {
            return Optional.empty();
        }
        ByteBuffer buffer = tensor.toByteBuffer(true);
        if (!buffer.isDirect()) {
            return Optional.empty();
        }
        MemorySegment segment = MemorySegment.ofBuffer(buffer);
        if (segment.byteSize() < tensor.size() * Float.BYTES) {
            return Optional.empty();
        }
        return Optional.of(segment);
    }

    /// A small tensor (a bias, a norm) copied to a Java array; zeros of `length` when absent.
    static float[] values(NDArray tensor, int length) {
        if (tensor == null) {
            return new float[length];
        }
        float[] values = tensor.toFloatArray();
        if (values.length != length) {
            throw new IllegalArgumentException("expected " + length + " values, found " + values.length + " in "
                    + tensor.getShape());
        }
        return values;
    }
}
