package org.sembridge.engine.cli;

import java.util.List;
import org.sembridge.engine.bench.ProjectionBenchmark;

/// One run of `sembridge bench project` as its `--json` document reports it: the
/// [ProjectionBenchmark.Result] with the run's context ([ProjectBenchmarkJson] writes and reads
/// it).
///
/// @param result the points, dimension, seed and one timing per method
/// @param clusters Gaussian clusters in the synthetic data
/// @param jvmProcessors processors the JVM saw
/// @param loadAverageStart the one-minute load average before the run
/// @param loadAverageEnd the one-minute load average after the run
/// @param nativeLibraries the native linear-algebra library files loaded (labels: a report read
///     back opens nothing)
record ProjectBenchmarkRun(ProjectionBenchmark.Result result, int clusters, int jvmProcessors,
        double loadAverageStart, double loadAverageEnd, List<String> nativeLibraries) {

    /// Copies the list.
    ProjectBenchmarkRun {
        nativeLibraries = List.copyOf(nativeLibraries);
    }
}
