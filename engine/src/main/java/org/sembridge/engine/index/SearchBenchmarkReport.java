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
public record SearchBenchmarkReport(SearchBenchmarkSettings settings, double indexingSeconds,
        double documentsPerSecond, long indexSizeBytes, double p50Millis, double p95Millis, double p99Millis,
        double meanMillis) {
}
