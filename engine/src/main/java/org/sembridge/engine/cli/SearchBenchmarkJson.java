package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import org.sembridge.engine.bench.SearchBenchmarkReport;
import org.sembridge.engine.bench.SearchBenchmarkSettings;

/// The `--json` document of `sembridge bench search`: [#write] and [#read] spell every key of a
/// [SearchBenchmarkRun] here, in the order the document has always had (`settings`, the
/// indexing figures, `latency_ms`, `cpu_ms`, then the machine).
final class SearchBenchmarkJson {

    static final String SETTINGS = "settings";
    static final String DOCUMENTS = "documents";
    static final String TOKENS_PER_DOCUMENT = "tokens_per_document";
    static final String VOCABULARY = "vocabulary";
    static final String QUERIES = "queries";
    static final String TOKENS_PER_QUERY = "tokens_per_query";
    static final String K = "k";
    static final String ZIPF_EXPONENT = "zipf_exponent";
    static final String ZIPF_OFFSET = "zipf_offset";
    static final String SEED = "seed";
    static final String INDEXING_SECONDS = "indexing_seconds";
    static final String DOCUMENTS_PER_SECOND = "documents_per_second";
    static final String INDEX_BYTES = "index_bytes";
    static final String TOP_TOKEN_DOCUMENT_FRACTION = "top_token_document_fraction";
    static final String MEAN_QUERY_POSTINGS = "mean_query_postings";
    static final String LATENCY_MS = "latency_ms";
    static final String CPU_MS = "cpu_ms";
    static final String P50 = "p50";
    static final String P95 = "p95";
    static final String P99 = "p99";
    static final String MEAN = "mean";
    static final String EXHAUSTIVE_P50 = "exhaustive_p50";
    static final String PROCESSORS = "processors";

    private SearchBenchmarkJson() {
    }

    /// The run as a versioned document.
    static JsonObject write(SearchBenchmarkRun run) {
        SearchBenchmarkReport r = run.report();
        SearchBenchmarkSettings s = r.settings();
        JsonObject settings = new JsonObject();
        settings.addProperty(DOCUMENTS, s.documents());
        settings.addProperty(TOKENS_PER_DOCUMENT, s.tokensPerDocument());
        settings.addProperty(VOCABULARY, s.vocabularySize());
        settings.addProperty(QUERIES, s.queries());
        settings.addProperty(TOKENS_PER_QUERY, s.tokensPerQuery());
        settings.addProperty(K, s.topK());
        settings.addProperty(ZIPF_EXPONENT, s.zipfExponent());
        settings.addProperty(ZIPF_OFFSET, s.zipfOffset());
        settings.addProperty(SEED, s.seed());
        JsonObject o = BenchmarkJson.document();
        o.add(SETTINGS, settings);
        o.addProperty(INDEXING_SECONDS, r.indexingSeconds());
        o.addProperty(DOCUMENTS_PER_SECOND, r.documentsPerSecond());
        o.addProperty(INDEX_BYTES, r.indexSizeBytes());
        o.addProperty(TOP_TOKEN_DOCUMENT_FRACTION, r.topTokenDocumentFraction());
        o.addProperty(MEAN_QUERY_POSTINGS, r.meanQueryPostings());
        JsonObject wall = new JsonObject();
        wall.addProperty(P50, r.p50Millis());
        wall.addProperty(P95, r.p95Millis());
        wall.addProperty(P99, r.p99Millis());
        wall.addProperty(MEAN, r.meanMillis());
        o.add(LATENCY_MS, wall);
        JsonObject cpu = new JsonObject();
        cpu.addProperty(P50, r.cpuP50Millis());
        cpu.addProperty(P95, r.cpuP95Millis());
        cpu.addProperty(P99, r.cpuP99Millis());
        cpu.addProperty(EXHAUSTIVE_P50, r.exhaustiveCpuP50Millis());
        o.add(CPU_MS, cpu);
        o.addProperty(PROCESSORS, run.processors());
        o.addProperty(BenchmarkEnvironmentJson.LOAD_AVERAGE_START, run.loadAverageStart());
        o.addProperty(BenchmarkEnvironmentJson.LOAD_AVERAGE_END, run.loadAverageEnd());
        return o;
    }

    /// Reads a document written by [#write]; one without `format_version` is version 1.
    ///
    /// @throws IllegalStateException or NullPointerException when a field is missing or of
    ///     another type, or the version is newer (reports are machine-written; callers comparing
    ///     reports catch them)
    static SearchBenchmarkRun read(JsonObject o) {
        BenchmarkJson.checkVersion(o, "bench search report");
        JsonObject s = o.getAsJsonObject(SETTINGS);
        SearchBenchmarkSettings settings = new SearchBenchmarkSettings(s.get(DOCUMENTS).getAsInt(),
                s.get(TOKENS_PER_DOCUMENT).getAsInt(), s.get(VOCABULARY).getAsInt(), s.get(QUERIES).getAsInt(),
                s.get(TOKENS_PER_QUERY).getAsInt(), s.get(K).getAsInt(), s.get(ZIPF_EXPONENT).getAsDouble(),
                s.get(ZIPF_OFFSET).getAsDouble(), s.get(SEED).getAsLong());
        JsonObject wall = o.getAsJsonObject(LATENCY_MS);
        JsonObject cpu = o.getAsJsonObject(CPU_MS);
        SearchBenchmarkReport report = new SearchBenchmarkReport(settings, o.get(INDEXING_SECONDS).getAsDouble(),
                o.get(DOCUMENTS_PER_SECOND).getAsDouble(), o.get(INDEX_BYTES).getAsLong(),
                o.get(TOP_TOKEN_DOCUMENT_FRACTION).getAsDouble(), o.get(MEAN_QUERY_POSTINGS).getAsDouble(),
                wall.get(P50).getAsDouble(), wall.get(P95).getAsDouble(), wall.get(P99).getAsDouble(),
                wall.get(MEAN).getAsDouble(), cpu.get(P50).getAsDouble(), cpu.get(P95).getAsDouble(),
                cpu.get(P99).getAsDouble(), cpu.get(EXHAUSTIVE_P50).getAsDouble());
        return new SearchBenchmarkRun(report, o.get(PROCESSORS).getAsInt(),
                o.get(BenchmarkEnvironmentJson.LOAD_AVERAGE_START).getAsDouble(),
                o.get(BenchmarkEnvironmentJson.LOAD_AVERAGE_END).getAsDouble());
    }
}
