package org.sembridge.engine.encoder;

import java.util.EnumMap;
import java.util.Map;

/// Wall-clock time per [ForwardStage] of one profiled `SparseEncoder` call
/// ([SparseEncoder#profile]), summed over layers and blocks, in nanoseconds.
///
/// Taken with `System.nanoTime()` between synchronous libtorch CPU operations; the sum of the
/// stages is the whole call. A CPU-only measurement (see [StageClock]).
public final class ForwardProfile implements StageClock {

    private final EnumMap<ForwardStage, Long> nanos = new EnumMap<>(ForwardStage.class);
    private long last = System.nanoTime();

    ForwardProfile() {
    }

    @Override
    public void lap(ForwardStage stage) {
        long now = System.nanoTime();
        nanos.merge(stage, now - last, Long::sum);
        last = now;
    }

    /// Nanoseconds per stage, in pass order; stages that did not run are absent.
    public Map<ForwardStage, Long> nanosByStage() {
        return new EnumMap<>(nanos);
    }

    /// Nanoseconds of all stages together.
    public long totalNanos() {
        return nanos.values().stream().mapToLong(Long::longValue).sum();
    }

    /// Nanoseconds of the matrix-product stages.
    public long matrixProductNanos() {
        return nanos.entrySet().stream().filter(e -> e.getKey().matrixProduct()).mapToLong(Map.Entry::getValue).sum();
    }
}
