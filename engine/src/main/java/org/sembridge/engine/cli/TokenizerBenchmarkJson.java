package org.sembridge.engine.cli;

import com.google.gson.JsonObject;

/// The `--json` document of `sembridge bench tokenizer`: [#write] and [#read] spell every key
/// of a [TokenizerBenchmarkRun] here, in the order the document has always had.
final class TokenizerBenchmarkJson {

    static final String FILE = "file";
    static final String FILE_BYTES = "file_bytes";
    static final String VOCABULARY_SIZE = "vocabulary_size";
    static final String ROUNDS = "rounds";
    static final String LIBRARY_WALL_SECONDS = "library_wall_seconds";
    static final String ENGINE_WALL_SECONDS = "engine_wall_seconds";
    static final String LIBRARY_CPU_SECONDS = "library_cpu_seconds";
    static final String ENGINE_CPU_SECONDS = "engine_cpu_seconds";
    static final String WALL_RATIO = "wall_ratio";
    static final String CPU_RATIO = "cpu_ratio";

    private TokenizerBenchmarkJson() {
    }

    /// The report as a versioned document.
    static JsonObject write(TokenizerBenchmarkRun r) {
        JsonObject o = BenchmarkJson.document();
        o.addProperty(FILE, r.file());
        o.addProperty(FILE_BYTES, r.fileBytes());
        o.addProperty(VOCABULARY_SIZE, r.vocabularySize());
        o.addProperty(ROUNDS, r.rounds());
        o.addProperty(LIBRARY_WALL_SECONDS, r.libraryWallSeconds());
        o.addProperty(ENGINE_WALL_SECONDS, r.engineWallSeconds());
        o.addProperty(LIBRARY_CPU_SECONDS, r.libraryCpuSeconds());
        o.addProperty(ENGINE_CPU_SECONDS, r.engineCpuSeconds());
        o.addProperty(WALL_RATIO, r.wallRatio());
        o.addProperty(CPU_RATIO, r.cpuRatio());
        o.addProperty(BenchmarkEnvironmentJson.LOAD_AVERAGE_START, r.loadAverageStart());
        o.addProperty(BenchmarkEnvironmentJson.LOAD_AVERAGE_END, r.loadAverageEnd());
        return o;
    }

    /// Reads a document written by [#write]; one without `format_version` is version 1.
    ///
    /// @throws IllegalStateException or NullPointerException when a field is missing or of
    ///     another type, or the version is newer (reports are machine-written; callers comparing
    ///     reports catch them)
    static TokenizerBenchmarkRun read(JsonObject o) {
        BenchmarkJson.checkVersion(o, "bench tokenizer report");
        return new TokenizerBenchmarkRun(o.get(FILE).getAsString(), o.get(FILE_BYTES).getAsLong(),
                o.get(VOCABULARY_SIZE).getAsInt(), o.get(ROUNDS).getAsInt(), o.get(LIBRARY_WALL_SECONDS).getAsDouble(),
                o.get(ENGINE_WALL_SECONDS).getAsDouble(), o.get(LIBRARY_CPU_SECONDS).getAsDouble(),
                o.get(ENGINE_CPU_SECONDS).getAsDouble(), o.get(WALL_RATIO).getAsDouble(), o.get(CPU_RATIO).getAsDouble(),
                o.get(BenchmarkEnvironmentJson.LOAD_AVERAGE_START).getAsDouble(),
                o.get(BenchmarkEnvironmentJson.LOAD_AVERAGE_END).getAsDouble());
    }
}
