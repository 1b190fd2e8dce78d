package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

/// `sembridge bench tokenizer`: both loaders run on the same file and the report has both
/// times, their ratios and the load average (no timing is asserted).
class TokenizerBenchmarkCommandTest {

    private static final Path TOKENIZER = SampleData.englishModel().resolve("tokenizer.json");

    @Test
    void jsonReportHasBothLoadersAndTheirRatio() {
        CliRun run = CliRun.of("bench", "tokenizer", "--file", TOKENIZER.toString(), "--rounds", "1", "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
        assertTrue(report.get("vocabulary_size").getAsInt() > 1000, run.out());
        assertTrue(report.get("library_wall_seconds").getAsDouble() > 0, run.out());
        assertTrue(report.get("engine_wall_seconds").getAsDouble() > 0, run.out());
        assertEquals(report.get("engine_wall_seconds").getAsDouble() / report.get("library_wall_seconds").getAsDouble(),
                report.get("wall_ratio").getAsDouble(), 1e-9);
        assertTrue(report.has("load_average_start") && report.has("cpu_ratio"), run.out());
    }

    @Test
    void jsonReportKeepsTheVersionOneKeys() {
        CliRun run = CliRun.of("bench", "tokenizer", "--file", TOKENIZER.toString(), "--rounds", "1", "--json");
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();

        assertEquals(BenchJsonFixtures.keyPaths(BenchJsonFixtures.v1("tokenizer")), BenchJsonFixtures.keyPaths(report));
    }

    @Test
    void jsonReportStartsWithItsFormatVersion() {
        CliRun run = CliRun.of("bench", "tokenizer", "--file", TOKENIZER.toString(), "--rounds", "1", "--json");
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();

        assertEquals("format_version", report.keySet().iterator().next(), run.out());
        assertEquals(1, report.get("format_version").getAsInt(), run.out());
    }

    @Test
    void aFileThatIsNotATokenizerJsonExitsTen() {
        CliRun run = CliRun.of("bench", "tokenizer", "--file",
                SampleData.englishModel().resolve("config.json").toString());
        assertEquals(ExitCodes.MODEL_FORMAT, run.exitCode());
        assertTrue(run.err().contains("config.json: not a tokenizer.json file"), run.err());
    }
}
