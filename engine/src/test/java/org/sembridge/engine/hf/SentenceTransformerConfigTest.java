package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sembridge.engine.ModelFormatException;

class SentenceTransformerConfigTest {

    private static final String MODULES = """
            [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
             {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
             {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}]
            """;

    @TempDir
    Path dir;

    private void writePooling(String key) throws Exception {
        Files.createDirectories(dir.resolve("1_Pooling"));
        Files.writeString(dir.resolve("1_Pooling/config.json"),
                "{\"word_embedding_dimension\": 32, \"" + key + "\": true}");
    }

    @Test
    void plainFolderDefaultsToClsPoolingAndNormalisation() throws Exception {
        SentenceTransformerConfig config = SentenceTransformerConfig.read(dir);

        assertAll(
                () -> assertEquals(PoolingMode.CLS, config.pooling()),
                () -> assertTrue(config.normalize()),
                () -> assertFalse(config.declared()),
                () -> assertEquals(dir, config.transformerDirectory()));
    }

    @ParameterizedTest
    @EnumSource(PoolingMode.class)
    void declaredPoolingModeIsRead(PoolingMode mode) throws Exception {
        Files.writeString(dir.resolve("modules.json"), MODULES);
        writePooling(mode.configKey());
        Files.writeString(dir.resolve("sentence_bert_config.json"), "{\"max_seq_length\": 8192}");

        SentenceTransformerConfig config = SentenceTransformerConfig.read(dir);

        assertAll(
                () -> assertEquals(mode, config.pooling()),
                () -> assertTrue(config.normalize()),
                () -> assertTrue(config.declared()),
                () -> assertEquals(OptionalInt.of(8192), config.maxSeqLength()));
    }

    @Test
    void unsupportedPoolingModeIsNamed() throws Exception {
        Files.writeString(dir.resolve("modules.json"), MODULES);
        writePooling("pooling_mode_weightedmean_tokens");

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SentenceTransformerConfig.read(dir));

        assertAll(
                () -> assertTrue(e.getMessage().contains("pooling_mode_weightedmean_tokens"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(dir.resolve("1_Pooling").resolve("config.json").toString()),
                        e.getMessage()));
    }

    @Test
    void unsupportedModuleIsNamed() throws Exception {
        Files.writeString(dir.resolve("modules.json"), MODULES.replace("Normalize\"}",
                "Normalize\"}, {\"idx\": 3, \"name\": \"3\", \"path\": \"3_Dense\", \"type\": "
                        + "\"sentence_transformers.models.Dense\"}"));
        writePooling("pooling_mode_cls_token");

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SentenceTransformerConfig.read(dir));

        assertTrue(e.getMessage().contains("sentence_transformers.models.Dense")
                && e.getMessage().contains("modules.json"), e.getMessage());
    }
}
