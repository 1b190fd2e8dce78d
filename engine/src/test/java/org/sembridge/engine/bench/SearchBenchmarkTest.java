package org.sembridge.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Runs the benchmark at a tiny size: it must complete and report consistent figures. No timing
/// thresholds (figures come from running [SearchBenchmark#main] on the target machine).
class SearchBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void tinyBenchmarkReportsOrderedPercentilesAndCleansUp() throws Exception {
        SearchBenchmarkSettings settings = new SearchBenchmarkSettings(500, 20, 1_000, 50, 5, 10, 1.0, 100, 7);
        SearchBenchmarkReport report = SearchBenchmark.run(settings, dir, ProgressListener.NONE,
                CancellationToken.create());
        assertEquals(settings, report.settings());
        assertTrue(report.documentsPerSecond() > 0);
        assertTrue(report.indexSizeBytes() > 0);
        assertTrue(report.p50Millis() <= report.p95Millis() && report.p95Millis() <= report.p99Millis());
        assertEquals(List.of(), entries(dir));
    }

    @Test
    void zipfOffsetRemovesTheHeadThatPutsATokenInEveryDocument() throws Exception {
        SearchBenchmarkSettings plain = new SearchBenchmarkSettings(400, 40, 2_000, 20, 10, 10, 1.0, 0, 11);
        SearchBenchmarkSettings offset = new SearchBenchmarkSettings(400, 40, 2_000, 20, 10, 10, 1.0, 100, 11);
        SearchBenchmarkReport head = SearchBenchmark.run(plain, dir, ProgressListener.NONE, CancellationToken.create());
        SearchBenchmarkReport noHead = SearchBenchmark.run(offset, dir, ProgressListener.NONE,
                CancellationToken.create());
        // Plain Zipf with 40 of 2,000 tokens per document: the top token is in (nearly) every document.
        assertTrue(head.topTokenDocumentFraction() > 0.95, "plain: " + head.topTokenDocumentFraction());
        assertTrue(noHead.topTokenDocumentFraction() < 0.5, "offset 100: " + noHead.topTokenDocumentFraction());
        assertTrue(noHead.meanQueryPostings() < head.meanQueryPostings());
    }

    @Test
    void percentileUsesTheNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, SearchBenchmark.percentile(sorted, 50));
        assertEquals(10, SearchBenchmark.percentile(sorted, 95));
        assertEquals(1, SearchBenchmark.percentile(sorted, 1));
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
