package org.sembridge.engine.transfer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/// The `k` largest values of one row of a `float32` block in native memory, with their column
/// ids (rows start at a multiple of 4 bytes), by one pass with a bounded binary min-heap: `O(n + m log k)` for a row of `n` values of
/// which `m` ever enter the heap (about `k ln(n / k)` on rows in random order), no allocation
/// beyond the caller's buffers.
///
/// The result is ordered like the rest of the transfer: descending value, equal values by
/// ascending id; among equal values at the cut the lowest ids are kept. Values must be finite
/// (the blocks are products of validated unit vectors). One instance per thread: it keeps its
/// heap between rows.
///
/// Each heap entry is one `long` whose natural order is the rank (value, then the lower id
/// first), so a sift step is one comparison of one array (a value-and-id pair in two arrays cost
/// about twice the selection time of the reference top-K in `bench init`).
final class RowTopK {

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private long[] heap;

    RowTopK(int capacity) {
        heap = new long[capacity];
    }

    /// Selects the `k` largest of the `length` floats at `rowOffsetBytes` in `block` into
    /// `scores[out .. out + k)` and `ids[out .. out + k)`, descending.
    ///
    /// @param k `1 <= k <= length`
    void select(MemorySegment block, long rowOffsetBytes, int length, int k, float[] scores, int[] ids, int out) {
        if (k < 1 || k > length) {
            throw new IllegalArgumentException("need 1 <= k <= row length, found k " + k + " of " + length);
        }
        if (heap.length < k) {
            heap = new long[k];
        }
        long[] h = heap;
        for (int j = 0; j < k; j++) {
            h[j] = rank(block.get(FLOAT, rowOffsetBytes + 4L * j), j);
        }
        for (int j = k / 2 - 1; j >= 0; j--) {
            siftDown(h, j, k);
        }
        float threshold = valueOf(h[0]);
        for (int j = k; j < length; j++) {
            float value = block.get(FLOAT, rowOffsetBytes + 4L * j);
            // Later ids lose ties, so only a strictly larger value enters.
            if (value > threshold) {
                h[0] = rank(value, j);
                siftDown(h, 0, k);
                threshold = valueOf(h[0]);
            }
        }
        // Heap sort: the root is the smallest kept, so fill the output from its end.
        for (int size = k; size > 0; size--) {
            scores[out + size - 1] = valueOf(h[0]);
            ids[out + size - 1] = idOf(h[0]);
            h[0] = h[size - 1];
            siftDown(h, 0, size - 1);
        }
    }

    /// A `long` that orders like the rank of (value, id): larger value first, then lower id;
    /// `-0.0` counts as `0.0`. High half: the value's bits made order-preserving as a signed
    /// `int`; low half: `~id` as an unsigned number.
    static long rank(float value, int id) {
        int bits = Float.floatToRawIntBits(value + 0.0f);
        int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ordered << 32) | (~id & 0xffffffffL);
    }

    static float valueOf(long rank) {
        int ordered = (int) (rank >> 32);
        return Float.intBitsToFloat(ordered ^ ((ordered >> 31) & 0x7fffffff));
    }

    static int idOf(long rank) {
        return ~(int) rank;
    }

    private static void siftDown(long[] h, int position, int size) {
        int p = position;
        long moving = h[p];
        while (true) {
            int child = 2 * p + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && h[child + 1] < h[child]) {
                child++;
            }
            if (h[child] >= moving) {
                break;
            }
            h[p] = h[child];
            p = child;
        }
        h[p] = moving;
    }
}
