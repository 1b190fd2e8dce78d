package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/// [TokenizerBenchmarkJson]: a run survives the trip through its document, and the document
/// printed before the codec existed reads and writes back identical.
class TokenizerBenchmarkJsonTest {

    @Test
    void aRunWrittenAndReadBackIsEqual() {
        TokenizerBenchmarkRun run = new TokenizerBenchmarkRun("models/x/tokenizer.json", 76_781, 3_457,
                3, 0.0147, 0.0707, 0.01, 0.05, 4.81, 5.0, 1.25, -1.0);

        assertEquals(run, TokenizerBenchmarkJson.read(TokenizerBenchmarkJson.write(run)));
    }

    @Test
    void theVersionOneReportReadsAndWritesBackIdentical() {
        JsonObject fixture = BenchJsonFixtures.v1("tokenizer");

        assertEquals(fixture, TokenizerBenchmarkJson.write(TokenizerBenchmarkJson.read(fixture)));
    }

    @Test
    void theDocumentStartsWithItsFormatVersion() {
        JsonObject document = TokenizerBenchmarkJson.write(TokenizerBenchmarkJson.read(BenchJsonFixtures.v1("tokenizer")));

        assertEquals("format_version", document.keySet().iterator().next());
    }
}
