package org.sembridge.engine.transfer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/// Off-heap scratch memory for the OpenBLAS similarity blocks, kept between calls.
///
/// Fresh memory is expensive where the operating system hands out pages lazily: on our
/// virtual machines the first touch of 190 MiB (the normalised sources and one block at paper
/// size) took 1.3 to 4 s, a second touch 0.05 s (measured; page reporting gives freed pages back
/// to the host). So one buffer of up to [#MAX_KEPT_BYTES] is kept after a call and lent to the
/// next call that fits; a call that finds it lent (a concurrent search) or too small gets fresh
/// memory, and a larger request replaces the kept buffer. The kept buffer stays resident for the
/// life of the process unless [#release()] frees it; [#keptBytes()] says how much that is.
/// Thread-safe.
final class NativeScratch {

    /// The largest buffer kept between calls: 512 MiB.
    static final long MAX_KEPT_BYTES = 512L << 20;

    private static Arena keptArena;
    private static MemorySegment kept;
    private static boolean lent;

    private NativeScratch() {
    }

    /// A zeroed-or-reused segment of at least `bytes` bytes, 64-byte aligned, valid until the
    /// lease is closed; readable from any thread.
    static synchronized Lease acquire(long bytes) {
        if (!lent && kept != null && kept.byteSize() >= bytes) {
            lent = true;
            return new Lease(kept.asSlice(0, bytes), null);
        }
        Arena arena = Arena.ofShared();
        MemorySegment segment = arena.allocate(Math.max(1, bytes), 64);
        if (!lent && bytes <= MAX_KEPT_BYTES) {
            if (keptArena != null) {
                keptArena.close();
            }
            keptArena = arena;
            kept = segment;
            lent = true;
            return new Lease(segment.asSlice(0, bytes), null);
        }
        return new Lease(segment.asSlice(0, bytes), arena);
    }

    /// Bytes kept between calls (resident after the first call), 0 when none.
    static synchronized long keptBytes() {
        return kept == null ? 0 : kept.byteSize();
    }

    /// Frees the kept buffer unless it is lent out.
    static synchronized void release() {
        if (!lent && keptArena != null) {
            keptArena.close();
            keptArena = null;
            kept = null;
        }
    }

    private static synchronized void giveBack() {
        lent = false;
    }

    /// A lent segment; closing it returns the kept buffer or frees fresh memory.
    record Lease(MemorySegment segment, Arena ownArena) implements AutoCloseable {
        @Override
        public void close() {
            if (ownArena != null) {
                ownArena.close();
            } else {
                giveBack();
            }
        }
    }
}
