package org.sembridge.engine.bench;

/// Decides when the resident size of the process has settled after a garbage collection, from a
/// series of timed readings: settled once no reading has moved more than [#TOLERANCE_BYTES] from
/// the size it last moved to for [#QUIET_NANOS].
///
/// Why a quiet period and not two equal readings in a row: G1 gives the heap that a full
/// collection shrank back to the system in the background, in steps, and only some time after
/// the collection has returned. Two readings 50 ms apart right after `System.gc()` were equal in
/// `bench init --scale both` (2026-12-07), the window opened at the unshrunk size, and the
/// xlmr step then fitted into pages the process was about to give back: its +RSS read 0 MiB.
/// One second without a move is longer than those pauses. Not thread-safe.
final class ResidentSizeSettling {

    /// How long the size must stay put: 1 s.
    static final long QUIET_NANOS = 1_000_000_000L;
    /// What counts as a move: 1 MiB.
    static final long TOLERANCE_BYTES = 1L << 20;

    private long reference;
    private long movedAt;

    /// Starts from a first reading `bytes` taken at `nanos` (any monotonic clock).
    ResidentSizeSettling(long nanos, long bytes) {
        reference = bytes;
        movedAt = nanos;
    }

    /// Records a reading; true when the size has stayed within the tolerance of where it last
    /// moved to for the quiet period.
    boolean observe(long nanos, long bytes) {
        if (Math.abs(bytes - reference) >= TOLERANCE_BYTES) {
            reference = bytes;
            movedAt = nanos;
            return false;
        }
        return nanos - movedAt >= QUIET_NANOS;
    }
}
