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
final class RowTopK {

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private float[] heapScores;
    private int[] heapIds;

    RowTopK(int capacity) {
        heapScores = new float[capacity];
        heapIds = new int[capacity];
    }

    /// Selects the `k` largest of the `length` floats at `rowOffsetBytes` in `block` into
    /// `scores[out .. out + k)` and `ids[out .. out + k)`, descending.
    ///
    /// @param k `1 <= k <= length`
    void select(MemorySegment block, long rowOffsetBytes, int length, int k, float[] scores, int[] ids, int out) {
        if (k < 1 || k > length) {
            throw new IllegalArgumentException("need 1 <= k <= row length, found k " + k + " of " + length);
        }
        if (heapScores.length < k) {
            heapScores = new float[k];
            heapIds = new int[k];
        }
        float[] hs = heapScores;
        int[] hi = heapIds;
        for (int j = 0; j < k; j++) {
            hs[j] = block.get(FLOAT, rowOffsetBytes + 4L * j);
            hi[j] = j;
        }
        for (int j = k / 2 - 1; j >= 0; j--) {
            siftDown(hs, hi, j, k);
        }
        float threshold = hs[0];
        for (int j = k; j < length; j++) {
            float value = block.get(FLOAT, rowOffsetBytes + 4L * j);
            // Later ids lose ties, so only a strictly larger value enters.
            if (value > threshold) {
                hs[0] = value;
                hi[0] = j;
                siftDown(hs, hi, 0, k);
                threshold = hs[0];
            }
        }
        // Heap sort: the root is the smallest kept, so fill the output from its end.
        for (int size = k; size > 0; size--) {
            scores[out + size - 1] = hs[0];
            ids[out + size - 1] = hi[0];
            hs[0] = hs[size - 1];
            hi[0] = hi[size - 1];
            siftDown(hs, hi, 0, size - 1);
        }
    }

    /// Whether heap entry `a` ranks below `b`: smaller value, or equal value and larger id.
    private static boolean below(float[] hs, int[] hi, int a, int b) {
        return hs[a] < hs[b] || (hs[a] == hs[b] && hi[a] > hi[b]);
    }

    private static void siftDown(float[] hs, int[] hi, int position, int size) {
        int p = position;
        while (true) {
            int left = 2 * p + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && below(hs, hi, left + 1, left) ? left + 1 : left;
            if (!below(hs, hi, child, p)) {
                return;
            }
            float s = hs[p];
            hs[p] = hs[child];
            hs[child] = s;
            int i = hi[p];
            hi[p] = hi[child];
            hi[child] = i;
            p = child;
        }
    }
}
