package org.sembridge.engine.encoder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/// The off-heap activations of one batch of the host forward pass ([HostEncoder]), allocated
/// together from the caller's arena and freed with it: the layer input/output `x`, the query, key
/// and value rows (reused for the two output products and the attended rows), the attention
/// context, the feed-forward expansion, and the attention scores of every text and head.
///
/// Size: `4 rows (5 hidden + intermediate + heads length)` bytes; for a 32 x 128 BERT-base batch
/// 132 MiB, about the DJL path's largest layer temporaries (its scores alone are the same 24 MiB).
///
/// @param rows texts x padded length
record HostBuffers(int rows, MemorySegment x, MemorySegment q, MemorySegment k, MemorySegment v,
        MemorySegment context, MemorySegment inner, MemorySegment scores) {

    /// Bytes [#allocate] takes for these sizes.
    static long bytes(int rows, int hidden, int intermediate, int heads, int length) {
        long scores = HostAttention.scoreFloats(rows / length, heads, length);
        return Float.BYTES * ((long) rows * (5L * hidden + intermediate) + scores);
    }

    /// Allocates the buffers for `rows` rows from `arena` (64-byte aligned).
    static HostBuffers allocate(Arena arena, int rows, int hidden, int intermediate, int heads, int length) {
        long matrix = (long) rows * hidden * Float.BYTES;
        return new HostBuffers(rows, arena.allocate(matrix, 64), arena.allocate(matrix, 64), arena.allocate(matrix, 64),
                arena.allocate(matrix, 64), arena.allocate(matrix, 64),
                arena.allocate((long) rows * intermediate * Float.BYTES, 64),
                arena.allocate(HostAttention.scoreFloats(rows / length, heads, length) * Float.BYTES, 64));
    }
}
