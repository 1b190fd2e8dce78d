package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sembridge.engine.run.BiasMode;
import org.sembridge.engine.run.RunManifest;
import org.sembridge.engine.run.TransferRequest;

/// Reuse decisions on a hand-written `run.json` with the fields `TransferRun` records.
class RunReuseTest {

    private static final RunReuse.InputHashes INPUTS = new RunReuse.InputHashes("s1", "t1", Optional.of("b1"));

    @TempDir
    Path temp;

    private static JsonObject manifest() {
        return JsonParser.parseString("""
                {"format": "sembridge-run", "format_version": 1, "method": "sembridge",
                 "parameters": {"alpha": 4.0, "bias_mode": "index", "seed": 42,
                                "overlap": {"exact": true, "fuzzy": false, "symbols": false}},
                 "inputs": {"source": {"path": "s", "sha256": "s1"}, "target_tokenizer": {"path": "t", "sha256": "t1"},
                            "bridge": {"path": "b", "sha256": "b1"}}}
                """).getAsJsonObject();
    }

    private TransferRequest request(String method, double alpha) throws Exception {
        return TransferRequest.builder(Path.of("s"), Path.of("t"), method, temp.resolve("run")).optBridge(Path.of("b"))
                .optAlpha(alpha).optBiasMode(BiasMode.INDEX).build();
    }

    private void write(JsonObject manifest) throws Exception {
        ExperimentFixtures.write(temp.resolve("run"), RunManifest.FILE_NAME, manifest);
    }

    @Test
    void runWithTheSameParametersAndHashesIsReused() throws Exception {
        write(manifest());
        assertEquals(Optional.empty(), RunReuse.mismatch(request("sembridge", 4), INPUTS));
    }

    @Test
    void runWithoutBridgeIsReusedWhateverTheBridgeIsNow() throws Exception {
        JsonObject manifest = manifest();
        manifest.addProperty("method", "random");
        manifest.getAsJsonObject("inputs").add("bridge", JsonNull.INSTANCE);
        write(manifest);
        assertEquals(Optional.empty(), RunReuse.mismatch(request("random", 4),
                new RunReuse.InputHashes("s1", "t1", Optional.of("another bridge"))));
    }

    @Test
    void missingRunIsNotReused() throws Exception {
        assertEquals(Optional.of("no earlier run"), RunReuse.mismatch(request("sembridge", 4), INPUTS));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("another method", (Consumer<JsonObject>) m -> m.addProperty("method", "focus"), "method"),
                Arguments.of("another alpha", (Consumer<JsonObject>) m -> parameters(m).addProperty("alpha", 2.0),
                        "alpha 2.0 instead of 4.0"),
                Arguments.of("another bias mode",
                        (Consumer<JsonObject>) m -> parameters(m).addProperty("bias_mode", "mapped"), "bias mode"),
                Arguments.of("an unknown bias mode",
                        (Consumer<JsonObject>) m -> parameters(m).addProperty("bias_mode", "sideways"), "cannot be read"),
                Arguments.of("another seed", (Consumer<JsonObject>) m -> parameters(m).addProperty("seed", 7), "seed"),
                Arguments.of("fuzzy overlap", (Consumer<JsonObject>) m -> parameters(m).getAsJsonObject("overlap")
                        .addProperty("fuzzy", true), "overlap"),
                Arguments.of("another source", (Consumer<JsonObject>) m -> input(m, "source").addProperty("sha256", "x"),
                        "source model changed"),
                Arguments.of("another tokenizer",
                        (Consumer<JsonObject>) m -> input(m, "target_tokenizer").addProperty("sha256", "x"),
                        "target tokenizer changed"),
                Arguments.of("another bridge", (Consumer<JsonObject>) m -> input(m, "bridge").addProperty("sha256", "x"),
                        "bridge changed"),
                Arguments.of("another run format", (Consumer<JsonObject>) m -> m.addProperty("format_version", 2),
                        "run format"),
                Arguments.of("a field missing", (Consumer<JsonObject>) m -> m.remove("parameters"), "lacks a field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void runThatDiffersIsNotReusedAndTheReasonSaysWhy(String what, Consumer<JsonObject> change, String reason)
            throws Exception {
        JsonObject manifest = manifest();
        change.accept(manifest);
        write(manifest);
        Optional<String> mismatch = RunReuse.mismatch(request("sembridge", 4), INPUTS);
        assertTrue(mismatch.isPresent() && mismatch.get().contains(reason), mismatch.toString());
    }

    private static JsonObject parameters(JsonObject manifest) {
        return manifest.getAsJsonObject("parameters");
    }

    private static JsonObject input(JsonObject manifest, String name) {
        return manifest.getAsJsonObject("inputs").getAsJsonObject(name);
    }
}
