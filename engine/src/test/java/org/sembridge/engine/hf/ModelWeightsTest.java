package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.ModelFormatException;

/// Validation of checkpoints against `config.json`: every refusal names the file and the tensor.
class ModelWeightsTest {

    @TempDir
    static Path models;

    @TempDir
    Path work;

    private static Path bert;

    @BeforeAll
    static void createModels() {
        bert = RandomModelFolder.create(models, "bert", "bert");
    }

    private static ModelFormatException openFails(Path dir) {
        return assertThrows(ModelFormatException.class, () -> {
            try (ModelWeights ignored = HfModelFolder.open(dir).openWeights()) {
                // opening alone must fail
            }
        });
    }

    @Test
    void missingTensorNamesFileAndTensor() {
        String tensor = "bert.encoder.layer.1.attention.self.key.weight";
        Path dir = RandomModelFolder.create(work, "missing", "bert", "--drop", tensor);

        ModelFormatException e = openFails(dir);

        assertAll(
                () -> assertTrue(e.getMessage().contains("'" + tensor + "'"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(dir.resolve("model.safetensors").toString()), e.getMessage()));
    }

    @Test
    void weightStoredAsIntegersIsRefusedNamingFileTensorAndDtype() throws Exception {
        Path dir = RandomModelFolder.copy(bert, work.resolve("integer"));
        Path file = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = latin1.indexOf("\"F32\"");
        assertTrue(at > 0, "the sample checkpoint stores F32 tensors");
        bytes[at + 1] = 'I';
        Files.write(file, bytes);

        ModelFormatException e = openFails(dir);

        assertAll(
                () -> assertTrue(e.getMessage().contains("must be floating point"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("found I32"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()));
    }

    @Test
    void vocabSizeDifferentFromEmbeddingRowsIsReportedAsSuch() throws Exception {
        Path dir = RandomModelFolder.copy(bert, work.resolve("vocab"));
        ConfigEdits.edit(dir.resolve("config.json"), json -> json.addProperty("vocab_size", 130));

        ModelFormatException e = openFails(dir);

        assertAll(
                () -> assertTrue(e.getMessage().contains("vocab_size=130"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("'bert.embeddings.word_embeddings.weight'"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("121 rows"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(dir.resolve("model.safetensors").toString()), e.getMessage()));
    }

    @Test
    void shapeMismatchNamesTensorExpectedShapeFromConfigAndFoundShape() throws Exception {
        Path dir = RandomModelFolder.copy(bert, work.resolve("shape"));
        ConfigEdits.edit(dir.resolve("config.json"), json -> json.addProperty("intermediate_size", 48));

        ModelFormatException e = openFails(dir);

        assertAll(
                () -> assertTrue(e.getMessage().contains("'bert.encoder.layer.0.intermediate.dense.weight'"),
                        e.getMessage()),
                () -> assertTrue(e.getMessage().contains("has shape [64, 32]"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("implies [48, 32]"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("intermediate_size=48"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(dir.resolve("config.json").toString()), e.getMessage()));
    }

    @Test
    void untiedConfigWithoutDecoderWeightIsRefused() throws Exception {
        Path dir = RandomModelFolder.copy(bert, work.resolve("untied-missing"));
        ConfigEdits.edit(dir.resolve("config.json"), json -> json.addProperty("tie_word_embeddings", false));

        ModelFormatException e = openFails(dir);

        assertTrue(e.getMessage().contains("tie_word_embeddings=false")
                && e.getMessage().contains("'cls.predictions.decoder.weight'"), e.getMessage());
    }

    @Test
    void checkpointOfAnotherFamilyIsRefusedNamingTheExpectedEmbeddings() throws Exception {
        Path dir = RandomModelFolder.create(work, "roberta-as-distil", "roberta");
        ConfigEdits.edit(dir.resolve("config.json"), json -> json.addProperty("model_type", "distilbert"));
        ConfigEdits.edit(dir.resolve("config.json"), json -> {
            json.addProperty("dim", 32);
            json.addProperty("n_layers", 2);
            json.addProperty("n_heads", 4);
            json.addProperty("hidden_dim", 64);
        });

        ModelFormatException e = openFails(dir);

        assertTrue(e.getMessage().contains("'distilbert.embeddings.word_embeddings.weight'"), e.getMessage());
    }

    @Test
    void nonFiniteWeightIsRefusedOnReadNamingTensorAndIndex() throws Exception {
        String tensor = "bert.encoder.layer.0.output.dense.weight";
        Path dir = RandomModelFolder.create(work, "nan", "bert", "--poison", tensor);

        try (ModelWeights weights = HfModelFolder.open(dir).openWeights()) {
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> weights.read(EncoderPart.OUTPUT, 0, false));

            assertAll(
                    () -> assertTrue(e.getMessage().contains("'" + tensor + "'"), e.getMessage()),
                    () -> assertTrue(e.getMessage().contains("NaN"), e.getMessage()),
                    () -> assertTrue(e.getMessage().contains("flat index 3"), e.getMessage()),
                    () -> assertTrue(e.getMessage().contains(dir.resolve("model.safetensors").toString()),
                            e.getMessage()));
        }
    }

    @Test
    void legacyGammaBetaNormNamesAreAccepted() throws Exception {
        Path dir = RandomModelFolder.create(work, "legacy", "bert", "--legacy-norm-names");

        try (ModelWeights weights = HfModelFolder.open(dir).openWeights()) {
            assertArrayEquals(weights.checkpoint().readFiniteFloats("bert.embeddings.LayerNorm.gamma"),
                    weights.read(EncoderPart.EMBEDDING_NORM, 0, false));
        }
    }

    @Test
    void bareEncoderIsDetectedWithoutPrefixAndWithoutHead() throws Exception {
        Path dir = RandomModelFolder.create(work, "bare", "distilbert", "--bridge");

        try (ModelWeights weights = HfModelFolder.open(dir).openWeights()) {
            assertEquals("", weights.layout().encoderPrefix());
            assertFalse(weights.layout().hasMlmHead());
            assertEquals(DecoderTying.NO_HEAD, weights.decoderTying());
        }
    }

    @Test
    void sinusoidalTableFollowsTheTransformerFormula() {
        float[] table = ModelWeights.sinusoidalTable(3, 4);

        assertAll(
                () -> assertEquals(0f, table[0]),
                () -> assertEquals(1f, table[1]),
                () -> assertEquals((float) Math.sin(2.0), table[2 * 4]),
                () -> assertEquals((float) Math.cos(2.0 / 100), table[2 * 4 + 3]));
    }

    @Test
    void checkpointLayersBeyondTheConfigAreRefusedNamingTheUnusedTensors() throws Exception {
        Path dir = RandomModelFolder.copy(bert, work.resolve("fewer-layers"));
        ConfigEdits.edit(dir.resolve("config.json"), json -> json.addProperty("num_hidden_layers", 1));

        ModelFormatException e = openFails(dir);

        assertAll(
                () -> assertTrue(e.getMessage().startsWith(dir.resolve("model.safetensors") + " has 16 tensors of layers"
                        + " 1 to 1 ('bert.encoder.layer.1."), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("num_hidden_layers=1"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("set num_hidden_layers to 2"), e.getMessage()));
    }
}
