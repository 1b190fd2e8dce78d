package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/// [InitBenchmarkJson]: a run survives the trip through its document, with and without its
/// optional parts, and the document printed before the codec existed reads and writes back
/// identical.
class InitBenchmarkJsonTest {

    @Test
    void aRunWrittenAndReadBackIsEqual() {
        InitBenchmarkRun fixtureRun = InitBenchmarkJson.read(BenchJsonFixtures.v1("init"));
        InitBenchmarkRun.Scale paper = fixtureRun.scales().get(0);
        InitBenchmarkRun.Scale withoutReference = new InitBenchmarkRun.Scale("xlmr", 600, 200, true, 3.0, 400, 32,
                0.5, 0.25, 1.5, 0.75, 0.9, -1, 2.0, 12_800, -1, 3.5, "djl", null, 1.8, -1, 1_048_576, -1, false,
                65_536, 960_000, new InitBenchmarkRun.Rows(200, 190, 8, 2, 64, 256, 4, 0.125, 3.5, 9));
        InitBenchmarkRun run = new InitBenchmarkRun(fixtureRun.settings(), fixtureRun.environment(), 7.5, 12.25, true,
                569_600, "OpenBLAS 0.3.26", List.of(paper, withoutReference), fixtureRun.fullMatrix(),
                fixtureRun.bridge());

        assertEquals(run, InitBenchmarkJson.read(InitBenchmarkJson.write(run)));
    }

    @Test
    void aRunWithoutItsOptionalPartsWrittenAndReadBackIsEqual() {
        InitBenchmarkRun full = InitBenchmarkJson.read(BenchJsonFixtures.v1("init"));
        InitBenchmarkRun bare = new InitBenchmarkRun(full.settings(), full.environment(), full.loadAverageEnd(),
                full.totalSeconds(), false, 0, "unavailable", List.of(), null, null);

        JsonObject document = InitBenchmarkJson.write(bare);

        assertFalse(document.has(InitBenchmarkJson.FULL_MATRIX) || document.has(InitBenchmarkJson.BRIDGE));
        assertEquals(bare, InitBenchmarkJson.read(document));
    }

    @Test
    void theVersionOneReportReadsAndWritesBackIdentical() {
        JsonObject fixture = BenchJsonFixtures.v1("init");
        InitBenchmarkRun run = InitBenchmarkJson.read(fixture);

        assertNotNull(run.scales().get(0).reference(), "the fixture has an OpenBLAS reference");
        assertEquals(fixture, InitBenchmarkJson.write(run));
    }

    @Test
    void theDocumentStartsWithItsFormatVersion() {
        JsonObject document = InitBenchmarkJson.write(InitBenchmarkJson.read(BenchJsonFixtures.v1("init")));

        assertEquals("format_version", document.keySet().iterator().next());
    }
}
