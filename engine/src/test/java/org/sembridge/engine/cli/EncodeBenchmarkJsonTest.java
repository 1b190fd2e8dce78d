package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.bench.BenchmarkEnvironment;
import org.sembridge.engine.bench.EncodeBenchmarkResult;
import org.sembridge.engine.bench.EncodeBenchmarkSettings;
import org.sembridge.engine.bench.EncoderShape;
import org.sembridge.engine.bench.MatMulMeasurement;
import org.sembridge.engine.bench.TimingSummary;

/// [EncodeBenchmarkJson]: a run survives the trip through its document, and the document
/// printed before the codec existed reads and writes back identical.
class EncodeBenchmarkJsonTest {

    @Test
    void aRunWrittenAndReadBackIsEqual() {
        EncodeBenchmarkSettings settings = new EncodeBenchmarkSettings(16, 4, 1, 2);
        MatMulMeasurement matMul = new MatMulMeasurement(64, 64, 128, 7, new TimingSummary(0.002, 0.001, 0.003, 2));
        EncodeBenchmarkResult withBlas = new EncodeBenchmarkResult("splade-tiny-en",
                new EncoderShape(2, 64, 4, 128, 3457), settings, 12_345_678, new TimingSummary(0.05, 0.04, 0.06, 2),
                matMul, "cpu()", new MatMulMeasurement(64, 64, 128, 7, new TimingSummary(0.001, 0.001, 0.002, 2)));
        EncodeBenchmarkResult withoutBlas = new EncodeBenchmarkResult("random 2x64", new EncoderShape(2, 64, 4, 128,
                300), settings, 9_876_543, new TimingSummary(0.03, 0.03, 0.04, 2), matMul, "gpu(0)", null);
        EncodeBenchmarkRun run = new EncodeBenchmarkRun(settings,
                new BenchmarkEnvironment("cpu()", "requested", "2.7.1", 2, 1, 2, 5.5), 6.25,
                List.of(withBlas, withoutBlas));

        assertEquals(run, EncodeBenchmarkJson.read(EncodeBenchmarkJson.write(run)));
    }

    @Test
    void theVersionOneReportReadsAndWritesBackIdentical() {
        JsonObject fixture = BenchJsonFixtures.v1("encode");

        assertEquals(fixture, EncodeBenchmarkJson.write(EncodeBenchmarkJson.read(fixture)));
    }

    @Test
    void theDocumentStartsWithItsFormatVersion() {
        JsonObject document = EncodeBenchmarkJson.write(EncodeBenchmarkJson.read(BenchJsonFixtures.v1("encode")));

        assertEquals("format_version", document.keySet().iterator().next());
    }
}
