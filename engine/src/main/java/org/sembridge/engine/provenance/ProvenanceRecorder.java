package org.sembridge.engine.provenance;

import java.time.Instant;
import java.time.InstantSource;

/// Captures a [Provenance]: [#start] reads the environment and the start time, [#finish()] the
/// end time; the elapsed time is measured with `System.nanoTime`.
///
/// ```java
/// ProvenanceRecorder recorder = ProvenanceRecorder.start(device.name(), device.reason());
/// ... run ...
/// Provenance provenance = recorder.finish();
/// ```
///
/// [#finish()] may be called more than once (each call ends "now"); the recorder is not
/// thread-safe.
public final class ProvenanceRecorder {

    private final InstantSource clock;
    private final String deviceName;
    private final String deviceReason;
    private final Instant started;
    private final long startNanos;

    private ProvenanceRecorder(InstantSource clock, String deviceName, String deviceReason) {
        this.clock = clock;
        this.deviceName = deviceName;
        this.deviceReason = deviceReason;
        this.started = clock.instant();
        this.startNanos = System.nanoTime();
    }

    /// Starts recording a run on the given device with the system clock.
    ///
    /// @param deviceName e.g. `cpu()` (see `SelectedDevice#name()`)
    /// @param deviceReason why the device was chosen (see `SelectedDevice#reason()`)
    public static ProvenanceRecorder start(String deviceName, String deviceReason) {
        return start(deviceName, deviceReason, InstantSource.system());
    }

    /// Starts recording with `clock` for the timestamps (tests pass a fixed clock).
    public static ProvenanceRecorder start(String deviceName, String deviceReason, InstantSource clock) {
        return new ProvenanceRecorder(clock, deviceName, deviceReason);
    }

    /// Ends the run now and returns its provenance.
    public Provenance finish() {
        long elapsed = System.nanoTime() - startNanos;
        Instant finished = clock.instant();
        if (finished.isBefore(started)) {
            finished = started;
        }
        Runtime runtime = Runtime.getRuntime();
        return new Provenance(Provenance.currentEngineVersion(), Runtime.version().toString(),
                System.getProperty("java.vendor", "unknown"), System.getProperty("os.name", "unknown"),
                System.getProperty("os.arch", "unknown"), runtime.availableProcessors(), runtime.maxMemory(),
                deviceName, deviceReason, started, finished, elapsed);
    }
}
