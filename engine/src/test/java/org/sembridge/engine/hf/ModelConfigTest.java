package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sembridge.engine.ModelFormatException;

class ModelConfigTest {

    private static final String BERT = """
            {"architectures": ["BertForMaskedLM"], "model_type": "bert", "vocab_size": 30522,
             "hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12,
             "intermediate_size": 3072, "hidden_act": "gelu", "max_position_embeddings": 512,
             "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": 0, "torch_dtype": "float32"}
            """;

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void bertConfigIsReadWithItsOwnKeys() throws Exception {
        ModelConfig config = ModelConfig.read(write(BERT));

        assertAll(
                () -> assertEquals(ModelFamily.BERT, config.family()),
                () -> assertEquals(30522, config.vocabSize()),
                () -> assertEquals(768, config.hiddenSize()),
                () -> assertEquals(12, config.numLayers()),
                () -> assertEquals(12, config.numHeads()),
                () -> assertEquals(64, config.headSize()),
                () -> assertEquals(3072, config.intermediateSize()),
                () -> assertEquals(512, config.maxTokens()),
                () -> assertEquals(2, config.typeVocabSize()),
                () -> assertEquals(HiddenActivation.GELU, config.hiddenAct()),
                () -> assertTrue(config.tieWordEmbeddings()),
                () -> assertEquals(List.of("BertForMaskedLM"), config.architectures()),
                () -> assertEquals("float32", config.torchDtype()));
    }

    @Test
    void distilBertKeysMapOntoTheCommonNames() throws Exception {
        ModelConfig config = ModelConfig.read(write("""
                {"model_type": "distilbert", "vocab_size": 30522, "dim": 768, "n_layers": 6, "n_heads": 12,
                 "hidden_dim": 3072, "activation": "gelu", "max_position_embeddings": 512,
                 "sinusoidal_pos_embds": true, "pad_token_id": 0}
                """));

        assertAll(
                () -> assertEquals(ModelFamily.DISTILBERT, config.family()),
                () -> assertEquals(768, config.hiddenSize()),
                () -> assertEquals(6, config.numLayers()),
                () -> assertEquals(12, config.numHeads()),
                () -> assertEquals(3072, config.intermediateSize()),
                () -> assertEquals(0, config.typeVocabSize()),
                () -> assertEquals(ModelConfig.DISTILBERT_LAYER_NORM_EPS, config.layerNormEps()),
                () -> assertTrue(config.sinusoidalPositions()));
    }

    @Test
    void robertaTokenLimitExcludesThePaddingOffset() throws Exception {
        ModelConfig config = ModelConfig.read(write(BERT.replace("\"bert\"", "\"xlm-roberta\"")
                .replace("\"max_position_embeddings\": 512", "\"max_position_embeddings\": 514")
                .replace("\"pad_token_id\": 0", "\"pad_token_id\": 1")));

        assertEquals(512, config.maxTokens());
    }

    @ParameterizedTest
    @CsvSource({"gelu_new, GELU_TANH", "gelu_pytorch_tanh, GELU_TANH", "gelu_fast, GELU_TANH", "relu, RELU"})
    void hiddenActNamesSelectTheirActivation(String name, HiddenActivation expected) throws Exception {
        ModelConfig config = ModelConfig.read(write(BERT.replace("\"hidden_act\": \"gelu\"",
                "\"hidden_act\": \"" + name + "\"")));

        assertEquals(expected, config.hiddenAct());
    }

    @Test
    void tieWordEmbeddingsFalseIsRead() throws Exception {
        ModelConfig config = ModelConfig.read(write(BERT.replace("{", "{\"tie_word_embeddings\": false,")));

        assertFalse(config.tieWordEmbeddings());
    }

    @Test
    void unknownModelTypeNamesFileValueAndSupportedTypes() throws Exception {
        Path file = write(BERT.replace("\"bert\"", "\"gpt2\""));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelConfig.read(file));

        assertAll(
                () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("\"gpt2\""), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("bert, roberta, xlm-roberta, distilbert"), e.getMessage()));
    }

    @Test
    void hiddenSizeNotDivisibleByHeadsIsRefused() throws Exception {
        Path file = write(BERT.replace("\"num_attention_heads\": 12", "\"num_attention_heads\": 10"));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelConfig.read(file));

        assertAll(
                () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("hidden_size 768"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("num_attention_heads 10"), e.getMessage()));
    }

    @Test
    void missingRequiredKeyIsNamed() throws Exception {
        Path file = write(BERT.replace("\"intermediate_size\": 3072,", ""));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelConfig.read(file));

        assertTrue(e.getMessage().contains("missing key \"intermediate_size\""), e.getMessage());
    }

    @Test
    void unsupportedActivationIsNamedWithTheSupportedOnes() throws Exception {
        Path file = write(BERT.replace("\"hidden_act\": \"gelu\"", "\"hidden_act\": \"swish\""));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelConfig.read(file));

        assertTrue(e.getMessage().contains("hidden_act \"swish\"") && e.getMessage().contains("gelu_new"),
                e.getMessage());
    }

    @Test
    void relativePositionEmbeddingsAreRefused() throws Exception {
        Path file = write(BERT.replace("{", "{\"position_embedding_type\": \"relative_key\","));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelConfig.read(file));

        assertTrue(e.getMessage().contains("relative_key"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheFile() throws Exception {
        Path file = write("{\"model_type\": \"bert\",");

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelConfig.read(file));

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not valid JSON"),
                e.getMessage());
    }
}
