package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// [RunMemoryEstimate] from a run folder's `run.json`: the width of the bridge comes from the
/// manifest first (the bridge folder of a real run is often gone: the width must not fall back to
/// 1,024 then), and a run that can re-align is charged its stored target texts as well as its
/// bridge matrices.
class RunMemoryEstimateTest {

    private static final long T = 262_145;
    private static final long S = 3_457;

    @TempDir
    Path run;

    private void manifest(String bridge) throws Exception {
        Files.writeString(run.resolve(RunManifest.FILE_NAME), "{\"format\": \"sembridge-run\", \"method\": \"sembridge\","
                + " \"parameters\": {\"alpha\": 4.0, \"bias_mode\": \"index\", \"seed\": 42},"
                + " \"inputs\": {\"bridge\": " + bridge + "},"
                + " \"counts\": {\"target_tokens\": " + T + ", \"source_tokens\": " + S + "}, \"timings_seconds\": {}}");
    }

    @Test
    void aRunWhoseBridgeFolderIsGoneIsEstimatedWithTheWidthItsManifestRecords() throws Exception {
        manifest("{\"path\": \"" + run.resolve("gone-bridge") + "\", \"sha256\": \"00\", \"kind\": \"model\","
                + " \"dimension\": 128}");

        RunMemoryEstimate estimate = RunMemoryEstimate.of(run);

        assertEquals(128, estimate.bridgeDimension());
        // 4 MiB + 560 B per target token (run and figures) + 136 B per target token (stored target
        // token and bridge text) + both bridge matrices as floats and one norm per row
        assertEquals((4L << 20) + 560 * T + 136 * T + (T + S) * (4 * 128 + 4), estimate.heapBytes());
        assertEquals("262,145 target tokens, bridge width 128: about 308 MiB", estimate.describe());
    }

    @Test
    void theBridgeModelsConfigGivesTheWidthWhenTheManifestRecordsNone() throws Exception {
        Path bridge = Files.createDirectories(run.resolve("bridge"));
        Files.writeString(bridge.resolve("config.json"), "{\"hidden_size\": 384}");
        manifest("{\"path\": \"" + bridge + "\", \"sha256\": \"00\", \"kind\": \"model\"}");

        assertEquals(384, RunMemoryEstimate.of(run).bridgeDimension());
    }

    @Test
    void anImpossibleRecordedWidthIsIgnoredAndTheAssumedWidthUsed() throws Exception {
        manifest("{\"path\": \"" + run.resolve("gone-bridge") + "\", \"sha256\": \"00\", \"kind\": \"model\","
                + " \"dimension\": 1e12}");

        assertEquals(RunMemoryEstimate.ASSUMED_BRIDGE_DIMENSION, RunMemoryEstimate.of(run).bridgeDimension());
    }

    @Test
    void aRunWithoutABridgeIsChargedNeitherTextsNorVectors() throws Exception {
        manifest("null");

        RunMemoryEstimate estimate = RunMemoryEstimate.of(run);

        assertEquals(0, estimate.bridgeDimension());
        assertEquals((4L << 20) + 560 * T, estimate.heapBytes());
    }
}
