package org.sembridge.engine.cli;

import java.util.List;
import org.sembridge.engine.bench.BenchmarkEnvironment;
import org.sembridge.engine.bench.EncodeBenchmarkResult;
import org.sembridge.engine.bench.EncodeBenchmarkSettings;

/// One run of `sembridge bench encode` as its `--json` document reports it: the settings, the
/// environment and one [EncodeBenchmarkResult] per model, in the order measured
/// ([EncodeBenchmarkJson] writes and reads it).
///
/// @param settings what every model was measured with
/// @param environment the device, threads and load average at the start
/// @param loadAverageEnd the one-minute load average after the run
/// @param results one per model
record EncodeBenchmarkRun(EncodeBenchmarkSettings settings, BenchmarkEnvironment environment, double loadAverageEnd,
        List<EncodeBenchmarkResult> results) {

    /// Copies the list.
    EncodeBenchmarkRun {
        results = List.copyOf(results);
    }
}
