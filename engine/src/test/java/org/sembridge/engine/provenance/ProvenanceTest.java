package org.sembridge.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Run provenance: captured environment, clock-driven ISO-8601 timestamps, the JSON layout, and
/// the cache root resolution.
class ProvenanceTest {

    private static final Instant START = Instant.parse("2026-05-04T10:15:30.123Z");
    private static final Instant END = Instant.parse("2026-05-04T10:16:00Z");

    /// A clock that answers START, then END.
    private static InstantSource startThenEnd() {
        AtomicInteger calls = new AtomicInteger();
        return () -> calls.getAndIncrement() == 0 ? START : END;
    }

    @Test
    void recorderCapturesTheEnvironmentAndDevice() {
        Provenance provenance = ProvenanceRecorder.start("cpu()", "requested").finish();

        assertEquals(Runtime.version().toString(), provenance.javaVersion());
        assertEquals(System.getProperty("os.name"), provenance.osName());
        assertEquals(System.getProperty("os.arch"), provenance.osArch());
        assertEquals(Runtime.getRuntime().availableProcessors(), provenance.availableProcessors());
        assertEquals(Runtime.getRuntime().maxMemory(), provenance.maxHeapBytes());
        assertEquals("cpu()", provenance.deviceName());
        assertEquals("requested", provenance.deviceReason());
        assertTrue(provenance.elapsedNanos() >= 0);
    }

    @Test
    void engineVersionIsDevelopmentWhenRunFromClasses() {
        assertEquals("development", ProvenanceRecorder.start("cpu()", "requested").finish().engineVersion());
    }

    @Test
    void timestampsComeFromTheClock() {
        Provenance provenance = ProvenanceRecorder.start("gpu(0)", "1 CUDA GPU", startThenEnd()).finish();

        assertEquals(START, provenance.started());
        assertEquals(END, provenance.finished());
    }

    @Test
    void jsonGroupsFieldsWithIsoUtcTimestamps() {
        Provenance provenance = new Provenance("1.2.3", "25+36", "Eclipse Adoptium", "Linux", "amd64", 16,
                4L << 30, "cpu()", "requested", START, END, 1_500_000_000L);

        JsonObject json = JsonParser.parseString(provenance.toJsonText()).getAsJsonObject();

        assertEquals("1.2.3", json.getAsJsonObject("engine").get("version").getAsString());
        assertEquals("Eclipse Adoptium", json.getAsJsonObject("java").get("vendor").getAsString());
        assertEquals("amd64", json.getAsJsonObject("os").get("arch").getAsString());
        assertEquals(16, json.getAsJsonObject("hardware").get("availableProcessors").getAsInt());
        assertEquals(4L << 30, json.getAsJsonObject("hardware").get("maxHeapBytes").getAsLong());
        assertEquals("requested", json.getAsJsonObject("device").get("reason").getAsString());
        assertEquals("2026-05-04T10:15:30.123Z", json.getAsJsonObject("time").get("started").getAsString());
        assertEquals("2026-05-04T10:16:00Z", json.getAsJsonObject("time").get("finished").getAsString());
        assertEquals(1.5, json.getAsJsonObject("time").get("elapsedSeconds").getAsDouble());
        assertEquals(List.of("engine", "java", "os", "hardware", "device", "time"), List.copyOf(json.keySet()));
    }

    @Test
    void finishBeforeStartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Provenance("1", "25", "v", "Linux", "amd64", 1, 1,
                "cpu()", "r", END, START, 0));
    }

    static Stream<Arguments> cacheRoots() {
        return Stream.of(
                Arguments.of(Map.of("SEMBRIDGE_CACHE", "/data/cache", "XDG_CACHE_HOME", "/xdg"), "/data/cache"),
                Arguments.of(Map.of("XDG_CACHE_HOME", "/xdg"), "/xdg/sembridge"),
                Arguments.of(Map.of("SEMBRIDGE_CACHE", " "), "/home/ada/.cache/sembridge"),
                Arguments.of(Map.of(), "/home/ada/.cache/sembridge"));
    }

    @ParameterizedTest
    @MethodSource("cacheRoots")
    void cacheRootPrefersSembridgeCacheThenXdgThenHome(Map<String, String> environment, String expected) {
        assertEquals(Path.of(expected).toAbsolutePath(), CacheRoot.resolve(environment, "/home/ada"));
    }
}
