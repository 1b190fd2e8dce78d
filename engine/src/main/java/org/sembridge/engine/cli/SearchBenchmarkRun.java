package org.sembridge.engine.cli;

import org.sembridge.engine.bench.SearchBenchmarkReport;

/// One run of `sembridge bench search` as its `--json` document reports it: the
/// [SearchBenchmarkReport] with the processors and load averages of the machine it ran on
/// ([SearchBenchmarkJson] writes and reads it).
///
/// @param report settings, indexing throughput and query latencies
/// @param processors processors the JVM saw
/// @param loadAverageStart the one-minute load average before the run
/// @param loadAverageEnd the one-minute load average after the run
record SearchBenchmarkRun(SearchBenchmarkReport report, int processors, double loadAverageStart,
        double loadAverageEnd) {
}
