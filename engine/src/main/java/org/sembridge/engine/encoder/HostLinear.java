package org.sembridge.engine.encoder;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

import org.sembridge.engine.linalg.OpenBlas;

/// An affine map `y = x W^T + b` of the host forward pass ([HostEncoder]): `W` (`[out, in]`,
/// PyTorch layout) read in place from the loaded tensor, multiplied by OpenBLAS; the bias is a
/// Java array that the caller adds in its next element-wise pass over `y` (bias, activation,
/// residual and LayerNorm in one pass instead of one each).
///
/// @param weight `out x in` float32 values, row-major, in place
/// @param bias `[out]`
/// @param out output width
/// @param in input width
record HostLinear(MemorySegment weight, float[] bias, int out, int in) {

    HostLinear {
        if (bias.length != out || weight.byteSize() < (long) out * in * Float.BYTES) {
            throw new IllegalArgumentException("linear map [" + out + ", " + in + "] with " + weight.byteSize()
                    + " weight bytes and " + bias.length + " bias values");
        }
    }

    /// The host view of `projection`, or empty when its weight cannot be read in place
    /// ([HostTensors#view]).
    static Optional<HostLinear> of(LinearProjection projection) {
        int out = Math.toIntExact(projection.weight().getShape().get(0));
        int in = Math.toIntExact(projection.weight().getShape().get(1));
        return HostTensors.view(projection.weight())
                .map(weight -> new HostLinear(weight, HostTensors.values(projection.bias(), out), out, in));
    }

    /// `y = x W^T` (no bias) for `rows` rows of `x` (`rows x in`), `y` being `rows x out`.
    void multiply(OpenBlas blas, MemorySegment x, int rows, MemorySegment y) {
        blas.sgemm(false, true, rows, out, in, 1f, x, in, weight, in, 0f, y, out);
    }
}
