package org.sembridge.engine.bench;

/// The figures [SearchBenchmark] measured.
///
/// @param settings                 the collection and query shape
/// @param indexingSeconds          wall-clock seconds to write, merge to one segment and commit
/// @param documentsPerSecond       indexed documents per wall-clock second
/// @param indexSizeBytes           size of the index folder on disk
/// @param topTokenDocumentFraction share of the documents that hold the most popular token, in
///                                 [0, 1]: how close the head of the distribution is to "in every
///                                 document"
/// @param meanQueryPostings        mean over the queries of the summed document frequencies of
///                                 their tokens: the postings an exhaustive evaluation reads
/// @param p50Millis                median query latency, milliseconds (search + hit ids)
/// @param p95Millis                95th percentile latency, milliseconds
/// @param p99Millis                99th percentile latency, milliseconds
/// @param meanMillis               mean latency, milliseconds
/// @param cpuP50Millis             median CPU time of the searching thread per query, milliseconds
/// @param cpuP95Millis             95th percentile of that CPU time, milliseconds
/// @param cpuP99Millis             99th percentile of that CPU time, milliseconds
/// @param exhaustiveCpuP50Millis   median CPU time per query when every matching document is
///                                 scored and counted (no top-k pruning), milliseconds; the ratio
///                                 to `cpuP50Millis` is what dynamic pruning saves
public record SearchBenchmarkReport(SearchBenchmarkSettings settings, double indexingSeconds,
        double documentsPerSecond, long indexSizeBytes, double topTokenDocumentFraction, double meanQueryPostings,
        double p50Millis, double p95Millis, double p99Millis, double meanMillis, double cpuP50Millis,
        double cpuP95Millis, double cpuP99Millis, double exhaustiveCpuP50Millis) {
}
