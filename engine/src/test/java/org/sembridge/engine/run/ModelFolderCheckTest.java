package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.safetensors.SafetensorsWriter;
import org.sembridge.engine.safetensors.TensorInfo;

/// [ModelFolderCheck] on deliberately broken folders: each disagreement between config.json,
/// tensors and tokenizer is named with the file, the key or tensor, and both values.
class ModelFolderCheckTest {

    @TempDir
    Path dir;

    @Test
    void consistentRobertaFolderListsEveryStoredVocabularyTensor() throws Exception {
        Path model = RandomModelFolder.create(dir, "m", "roberta", "--store-bias-alias", "--store-tied-decoder");
        ModelFolderCheck.Report report = ModelFolderCheck.requireConsistent(model);
        assertEquals(List.of("roberta.embeddings.word_embeddings.weight", "lm_head.decoder.weight", "lm_head.bias",
                "lm_head.decoder.bias"), report.vocabularyTensors());
        assertEquals(1, report.padTokenId());
        assertEquals(40, report.usablePositions());
    }

    @Test
    void biasAliasOfTheOldSizeIsNamed() throws Exception {
        Path model = RandomModelFolder.create(dir, "m", "roberta", "--store-bias-alias");
        replaceTensor(model.resolve("model.safetensors"), "lm_head.decoder.bias", new long[] {99}, new float[99]);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFolderCheck.requireConsistent(model));
        assertTrue(e.getMessage().startsWith(model.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("tensor lm_head.decoder.bias has shape [99] but config.json vocab_size "
                + "is 121"), e.getMessage());
    }

    @Test
    void modelMaxLengthBeyondTheUsablePositionsIsNamed() throws Exception {
        Path model = RandomModelFolder.create(dir, "m", "roberta");
        Path tokenizerConfig = model.resolve("tokenizer_config.json");
        Files.writeString(tokenizerConfig, Files.readString(tokenizerConfig)
                .replace("\"model_max_length\": 40", "\"model_max_length\": 512"));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFolderCheck.requireConsistent(model));
        assertTrue(e.getMessage().contains("tokenizer_config.json model_max_length 512 exceeds the 40 usable positions "
                + "(max_position_embeddings 42 - pad_token_id 1 - 1)"), e.getMessage());
    }

    @Test
    void specialIdOutsideTheVocabularyIsNamed() throws Exception {
        Path model = RandomModelFolder.create(dir, "m", "roberta");
        Path config = model.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"eos_token_id\": 2", "\"eos_token_id\": 500"));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFolderCheck.requireConsistent(model));
        assertTrue(e.getMessage().contains("config.json eos_token_id 500 is outside the vocabulary [0, 121)"),
                e.getMessage());
    }

    /// Rewrites `file` with tensor `name` replaced by F32 `values` of `shape`.
    static void replaceTensor(Path file, String name, long[] shape, float[] values) throws Exception {
        SafetensorsWriter writer = new SafetensorsWriter();
        try (SafetensorsFile in = SafetensorsFile.open(file)) {
            for (TensorInfo tensor : in.tensors()) {
                if (tensor.name().equals(name)) {
                    writer.addFloats(name, shape, values);
                } else {
                    writer.add(tensor.name(), tensor.dtype(), tensor.shape(), in.readRawBytes(tensor.name()));
                }
            }
        }
        Path rewritten = file.resolveSibling("rewritten.safetensors");
        writer.write(rewritten);
        Files.move(rewritten, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
