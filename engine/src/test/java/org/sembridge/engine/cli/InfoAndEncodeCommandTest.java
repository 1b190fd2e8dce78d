package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.hf.RandomModelFolder;

/// `sembridge info` and `sembridge encode` on a random BERT masked-LM folder: text and JSON
/// output, exit codes and one-line errors for bad input.
class InfoAndEncodeCommandTest {

    @TempDir
    static Path temp;

    static Path model;

    @BeforeAll
    static void writeModel() {
        model = RandomModelFolder.create(temp, "bert", "bert");
    }

    @Test
    void infoJsonDescribesFamilyLayersVocabularyAndDecoder() {
        CliRun run = CliRun.of("info", "--model", model.toString(), "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject info = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("bert", info.get("family").getAsString());
        assertEquals(2, info.get("layers").getAsInt());
        assertEquals(32, info.get("hidden_size").getAsInt());
        assertEquals(121, info.get("vocab_size").getAsInt());
        assertTrue(info.get("tied_decoder").getAsBoolean());
        assertTrue(info.get("parameters").getAsLong() > 0);
    }

    @Test
    void infoTextNamesTheFamilyAndParameterCount() {
        CliRun run = CliRun.of("info", "--model", model.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("bert"), run.out());
        assertTrue(run.out().contains("parameters"), run.out());
    }

    @Test
    void infoTextSaysParametersAreCountedOverFloatTensors() {
        CliRun run = CliRun.of("info", "--model", model.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("parameters") && line.contains("(float tensors)")),
                run.out());
    }

    @Test
    void encodeJsonIsOneDocumentWithAtMostTopTerms() {
        CliRun run = CliRun.of("encode", "--model", model.toString(), "--text", "hello world", "--top", "3",
                "--device", "cpu", "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        var weights = doc.getAsJsonArray("weights");
        assertTrue(weights.size() > 0 && weights.size() <= 3, run.out());
        float previous = Float.MAX_VALUE;
        for (var term : weights) {
            float weight = term.getAsJsonObject().get("weight").getAsFloat();
            assertTrue(weight > 0 && weight <= previous, "weights must be positive and descending: " + run.out());
            previous = weight;
        }
    }

    @Test
    void blankTextExitsWithInputErrorAndOneLine() {
        CliRun run = CliRun.of("encode", "--model", model.toString(), "--text", "   ", "--device", "cpu");
        assertEquals(ExitCodes.INPUT_FORMAT, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
    }

    @Test
    void missingModelFolderExitsWithModelErrorNamingTheFolder() {
        CliRun run = CliRun.of("info", "--model", temp.resolve("nowhere").toString());
        assertEquals(ExitCodes.MODEL_FORMAT, run.exitCode());
        assertTrue(run.err().contains("nowhere"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void unknownDeviceIsAnInputError() {
        CliRun run = CliRun.of("encode", "--model", model.toString(), "--text", "x", "--device", "tpu");
        assertEquals(ExitCodes.INPUT_FORMAT, run.exitCode());
        assertTrue(run.err().contains("tpu"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("info", "--modle", "x");
        assertEquals(ExitCodes.USAGE, run.exitCode());
    }
}
