package org.sembridge.engine.index;

/// The figures [SearchBenchmark] measured.
///
/// @param settings           the collection and query shape
/// @param indexingSeconds    wall-clock seconds to write, merge to one segment and commit
/// @param documentsPerSecond indexed documents per wall-clock second
/// @param indexSizeBytes     size of the index folder on disk
/// @param p50Millis          median query latency, milliseconds (search + hit ids)
/// @param p95Millis          95th percentile latency, milliseconds
/// @param p99Millis          99th percentile latency, milliseconds
/// @param meanMillis         mean latency, milliseconds
/// @param cpuP50Millis       median CPU time of the searching thread per query, milliseconds
/// @param cpuP95Millis       95th percentile of that CPU time, milliseconds
/// @param cpuP99Millis       99th percentile of that CPU time, milliseconds
public record SearchBenchmarkReport(SearchBenchmarkSettings settings, double indexingSeconds,
        double documentsPerSecond, long indexSizeBytes, double p50Millis, double p95Millis, double p99Millis,
        double meanMillis, double cpuP50Millis, double cpuP95Millis, double cpuP99Millis) {
}
