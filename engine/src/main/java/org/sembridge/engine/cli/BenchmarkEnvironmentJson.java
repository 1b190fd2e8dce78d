package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import org.sembridge.engine.bench.BenchmarkEnvironment;

/// The `environment` object of the benchmark commands' `--json` documents: every field of a
/// [BenchmarkEnvironment] under one set of names, plus the load average when the run ended, so
/// that reports of different benchmarks compare field by field.
final class BenchmarkEnvironmentJson {

    private BenchmarkEnvironmentJson() {
    }

    /// The environment as JSON; `loadAtEnd` is the one-minute load average after the run
    /// (negative when the OS reports none), next to the captured `load_average_start`.
    static JsonObject of(BenchmarkEnvironment environment, double loadAtEnd) {
        JsonObject o = new JsonObject();
        o.addProperty("device", environment.device());
        o.addProperty("device_reason", environment.deviceReason());
        o.addProperty("torch_version", environment.torchVersion());
        o.addProperty("torch_threads", environment.torchThreads());
        o.addProperty("torch_interop_threads", environment.torchInteropThreads());
        o.addProperty("jvm_processors", environment.jvmProcessors());
        o.addProperty("load_average_start", environment.loadAverage());
        o.addProperty("load_average_end", loadAtEnd);
        return o;
    }
}
