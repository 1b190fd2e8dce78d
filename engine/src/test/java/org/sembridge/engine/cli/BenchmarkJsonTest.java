package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.bench.BenchmarkEnvironment;

/// The benchmark reports' shared parts: the environment object reads back equal with today's
/// keys, and the envelope carries a format version that a newer reader can check.
class BenchmarkJsonTest {

    private static final BenchmarkEnvironment ENVIRONMENT =
            new BenchmarkEnvironment("cpu()", "requested", "2.7.1", 2, 1, 2, 1.5);

    @Test
    void theEnvironmentReadsBackEqual() {
        BenchmarkEnvironmentJson.Read read = BenchmarkEnvironmentJson.read(BenchmarkEnvironmentJson.of(ENVIRONMENT,
                2.25));

        assertEquals(new BenchmarkEnvironmentJson.Read(ENVIRONMENT, 2.25), read);
    }

    @Test
    void theEnvironmentKeepsTodaysKeys() {
        assertEquals(List.of("device", "device_reason", "torch_version", "torch_threads", "torch_interop_threads",
                "jvm_processors", "load_average_start", "load_average_end"),
                List.copyOf(BenchmarkEnvironmentJson.of(ENVIRONMENT, 2.25).keySet()));
    }

    @Test
    void anEnvironmentOfAReportWrittenBeforeTheVersionReadsBack() {
        JsonObject old = JsonParser.parseString("{\"device\": \"cpu()\", \"device_reason\": \"requested\","
                + " \"torch_version\": \"2.7.1\", \"torch_threads\": 2, \"torch_interop_threads\": 1,"
                + " \"jvm_processors\": 2, \"load_average_start\": 1.5, \"load_average_end\": 2.25}")
                .getAsJsonObject();

        assertEquals(new BenchmarkEnvironmentJson.Read(ENVIRONMENT, 2.25), BenchmarkEnvironmentJson.read(old));
    }

    @Test
    void aReportIsStampedAndAReportWithoutAVersionIsVersionOne() {
        assertEquals(BenchmarkJson.FORMAT_VERSION, BenchmarkJson.VERSION.read(BenchmarkJson.document(), "report",
                IllegalStateException::new));
        assertEquals(1, BenchmarkJson.VERSION.read(new JsonObject(), "report", IllegalStateException::new));
    }

    @Test
    void aReportOfANewerVersionIsRefused() {
        JsonObject newer = JsonParser.parseString("{\"format_version\": 2}").getAsJsonObject();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BenchmarkJson.VERSION.read(newer, "bench.json", IllegalStateException::new));

        assertEquals("bench.json: benchmark report format version 2 is newer than this SemBridge reads (version 1);"
                + " it was written by a newer SemBridge, update to read it", e.getMessage());
    }
}
