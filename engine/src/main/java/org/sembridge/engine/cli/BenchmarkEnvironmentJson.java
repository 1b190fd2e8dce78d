package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import org.sembridge.engine.bench.BenchmarkEnvironment;

/// The `environment` object of the benchmark commands' `--json` documents: every field of a
/// [BenchmarkEnvironment] under one set of names, plus the load average when the run ended, so
/// that reports of different benchmarks compare field by field. [#of] writes and [#read] reads
/// with the same keys.
final class BenchmarkEnvironmentJson {

    static final String DEVICE = "device";
    static final String DEVICE_REASON = "device_reason";
    static final String TORCH_VERSION = "torch_version";
    static final String TORCH_THREADS = "torch_threads";
    static final String TORCH_INTEROP_THREADS = "torch_interop_threads";
    static final String JVM_PROCESSORS = "jvm_processors";
    static final String LOAD_AVERAGE_START = "load_average_start";
    static final String LOAD_AVERAGE_END = "load_average_end";

    /// An environment read back from a report, with the load average at the end of the run.
    ///
    /// @param environment the environment as captured at the start
    /// @param loadAtEnd the one-minute load average after the run
    record Read(BenchmarkEnvironment environment, double loadAtEnd) {
    }

    private BenchmarkEnvironmentJson() {
    }

    /// The environment as JSON; `loadAtEnd` is the one-minute load average after the run
    /// (negative when the OS reports none), next to the captured `load_average_start`.
    static JsonObject of(BenchmarkEnvironment environment, double loadAtEnd) {
        JsonObject o = new JsonObject();
        o.addProperty(DEVICE, environment.device());
        o.addProperty(DEVICE_REASON, environment.deviceReason());
        o.addProperty(TORCH_VERSION, environment.torchVersion());
        o.addProperty(TORCH_THREADS, environment.torchThreads());
        o.addProperty(TORCH_INTEROP_THREADS, environment.torchInteropThreads());
        o.addProperty(JVM_PROCESSORS, environment.jvmProcessors());
        o.addProperty(LOAD_AVERAGE_START, environment.loadAverage());
        o.addProperty(LOAD_AVERAGE_END, loadAtEnd);
        return o;
    }

    /// Reads an `environment` object written by [#of].
    ///
    /// @throws IllegalStateException or NullPointerException when a field is missing or of
    ///     another type (reports are machine-written; callers comparing reports catch them)
    static Read read(JsonObject o) {
        return new Read(new BenchmarkEnvironment(o.get(DEVICE).getAsString(), o.get(DEVICE_REASON).getAsString(),
                o.get(TORCH_VERSION).getAsString(), o.get(TORCH_THREADS).getAsInt(),
                o.get(TORCH_INTEROP_THREADS).getAsInt(), o.get(JVM_PROCESSORS).getAsInt(),
                o.get(LOAD_AVERAGE_START).getAsDouble()), o.get(LOAD_AVERAGE_END).getAsDouble());
    }
}
