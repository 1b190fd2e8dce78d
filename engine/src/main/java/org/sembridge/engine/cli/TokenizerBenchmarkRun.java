package org.sembridge.engine.cli;

import org.sembridge.engine.bench.TokenizerLoadBenchmark;

/// One run of `sembridge bench tokenizer` as its `--json` document reports it: a
/// [TokenizerLoadBenchmark.Result] reduced to its medians, with the run's settings and load
/// averages ([TokenizerBenchmarkJson] writes and reads it).
///
/// @param file the `tokenizer.json` loaded, as given (a label: a report read back opens nothing)
/// @param fileBytes its size in bytes
/// @param vocabularySize ids read by the engine
/// @param rounds timed loads of each kind
/// @param libraryWallSeconds median wall seconds of the library's load
/// @param engineWallSeconds median wall seconds of the engine's load
/// @param libraryCpuSeconds median process CPU seconds of the library's load, `-1` if unknown
/// @param engineCpuSeconds median process CPU seconds of the engine's load, `-1` if unknown
/// @param wallRatio engine wall time over library wall time
/// @param cpuRatio engine CPU time over library CPU time, `-1` if unknown
/// @param loadAverageStart the one-minute load average before the run
/// @param loadAverageEnd the one-minute load average after the run
record TokenizerBenchmarkRun(String file, long fileBytes, int vocabularySize, int rounds, double libraryWallSeconds,
        double engineWallSeconds, double libraryCpuSeconds, double engineCpuSeconds, double wallRatio,
        double cpuRatio, double loadAverageStart, double loadAverageEnd) {

    /// The report of `result`, measured over `rounds` loads each way between the two load averages.
    static TokenizerBenchmarkRun of(TokenizerLoadBenchmark.Result result, int rounds, double loadAverageStart,
            double loadAverageEnd) {
        return new TokenizerBenchmarkRun(result.file().toString(), result.fileBytes(), result.vocabularySize(), rounds,
                result.library().medianSeconds(), result.engine().medianSeconds(), result.libraryCpuSeconds(),
                result.engineCpuSeconds(), result.wallRatio(), result.cpuRatio(), loadAverageStart, loadAverageEnd);
    }
}
