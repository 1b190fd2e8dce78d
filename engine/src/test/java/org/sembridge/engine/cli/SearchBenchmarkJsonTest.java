package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.bench.SearchBenchmarkReport;
import org.sembridge.engine.bench.SearchBenchmarkSettings;

/// [SearchBenchmarkJson]: a run survives the trip through its document, and the document
/// printed before the codec existed reads and writes back identical.
class SearchBenchmarkJsonTest {

    @Test
    void aRunWrittenAndReadBackIsEqual() {
        SearchBenchmarkRun run = new SearchBenchmarkRun(new SearchBenchmarkReport(
                new SearchBenchmarkSettings(300, 20, 500, 20, 5, 10, 1.0, 100, 42), 0.52, 576.9, 123_456, 0.185,
                1_234.5, 0.41, 0.93, 1.2, 0.48, 0.35, 0.8, 1.1, 2.7), 2, 5.23, -1.0);

        assertEquals(run, SearchBenchmarkJson.read(SearchBenchmarkJson.write(run)));
    }

    @Test
    void theVersionOneReportReadsAndWritesBackIdentical() {
        JsonObject fixture = BenchJsonFixtures.v1("search");

        assertEquals(fixture, SearchBenchmarkJson.write(SearchBenchmarkJson.read(fixture)));
    }

    @Test
    void theDocumentStartsWithItsFormatVersion() {
        JsonObject document = SearchBenchmarkJson.write(SearchBenchmarkJson.read(BenchJsonFixtures.v1("search")));

        assertEquals("format_version", document.keySet().iterator().next());
    }
}
