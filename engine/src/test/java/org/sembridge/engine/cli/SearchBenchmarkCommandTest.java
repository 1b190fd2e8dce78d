package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `sembridge bench search` at a tiny size: one JSON document with the settings, throughput,
/// ordered percentiles, and no files left behind. No timing thresholds.
class SearchBenchmarkCommandTest {

    @TempDir
    Path temp;

    @Test
    void tinyRunPrintsOneJsonDocumentWithOrderedPercentiles() {
        CliRun run = CliRun.of("bench", "search", "--documents", "300", "--tokens-per-document", "20", "--vocabulary",
                "500", "--queries", "20", "--tokens-per-query", "5", "--work-dir", temp.toString(), "--json");
        JsonObject report = RetrievalCommandsTest.json(run);
        assertEquals(300, report.getAsJsonObject("settings").get("documents").getAsInt());
        assertEquals(100.0, report.getAsJsonObject("settings").get("zipf_offset").getAsDouble());
        assertTrue(report.get("documents_per_second").getAsDouble() > 0);
        for (String kind : List.of("latency_ms", "cpu_ms")) {
            JsonObject ms = report.getAsJsonObject(kind);
            assertTrue(ms.get("p50").getAsDouble() <= ms.get("p95").getAsDouble()
                    && ms.get("p95").getAsDouble() <= ms.get("p99").getAsDouble(), ms.toString());
        }
        assertEquals(List.of(), SampleData.list(temp));
        assertTrue(run.err().contains("benchmark queries: 100%"), run.err());
        assertEquals(BenchJsonFixtures.keyPaths(BenchJsonFixtures.v1("search")), BenchJsonFixtures.keyPaths(report),
                "the keys and nesting of the version 1 report");
    }

    @Test
    void textOutputNamesPercentilesAndLoad() {
        CliRun run = CliRun.of("bench", "search", "--documents", "200", "--tokens-per-document", "10", "--vocabulary",
                "300", "--queries", "10", "--tokens-per-query", "4", "--work-dir", temp.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("p50") && run.out().contains("load average"), run.out());
    }

    @Test
    void vocabularyNoLargerThanADocumentIsAUsageError() {
        CliRun run = CliRun.of("bench", "search", "--tokens-per-document", "50", "--vocabulary", "50");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    }
}
