package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.safetensors.SafetensorsWriter;

class HfModelFolderTest {

    /// Elements of the random models of make_random_model.py: V=121, H=32, I=64, 2 layers.
    private static final long V = 121;
    private static final long H = 32;
    private static final long I = 64;
    private static final long LAYER = 4 * (H * H + H) + 2 * 2 * H + (I * H + I) + (H * I + H);

    @TempDir
    static Path models;

    @TempDir
    Path work;

    private static Path bert;

    @BeforeAll
    static void createModels() {
        bert = RandomModelFolder.create(models, "bert", "bert");
    }

    @Test
    void openedFolderFindsConfigWeightsAndTokenizer() throws Exception {
        HfModelFolder folder = HfModelFolder.open(bert);

        assertAll(
                () -> assertEquals(ModelFamily.BERT, folder.config().family()),
                () -> assertEquals(bert.resolve("model.safetensors"), folder.weightSource()),
                () -> assertEquals(bert.resolve("tokenizer.json"), folder.tokenizerFile()),
                () -> assertEquals(40, folder.maxTokens()),
                () -> assertFalse(folder.sentenceTransformer().declared()));
    }

    @Test
    void describeReportsSizesDtypeTyingAndParameterCount() throws Exception {
        ModelSummary summary = HfModelFolder.open(bert).describe();

        long expected = V * H + 40 * H + 2 * H + 2 * H + 2 * LAYER + (H * H + H) + 2 * H + V;
        assertAll(
                () -> assertEquals(ModelFamily.BERT, summary.family()),
                () -> assertEquals(2, summary.layers()),
                () -> assertEquals(32, summary.hiddenSize()),
                () -> assertEquals(4, summary.heads()),
                () -> assertEquals(64, summary.intermediateSize()),
                () -> assertEquals(121, summary.vocabSize()),
                () -> assertTrue(summary.hasMlmHead()),
                () -> assertEquals(DecoderTying.TIED_NOT_STORED, summary.decoderTying()),
                () -> assertEquals(expected, summary.parameterCount()),
                () -> assertEquals(Map.of("F32", expected), summary.elementsByStorageDtype()),
                () -> assertEquals("float32", summary.declaredDtype()));
    }

    @Test
    void describeTellsUntiedFromStoredTiedDecoders() throws Exception {
        Path untied = RandomModelFolder.create(work, "untied", "roberta", "--untied");
        Path stored = RandomModelFolder.create(work, "stored", "roberta", "--store-tied-decoder");

        assertEquals(DecoderTying.UNTIED, HfModelFolder.open(untied).describe().decoderTying());
        assertEquals(DecoderTying.TIED_STORED_EQUAL, HfModelFolder.open(stored).describe().decoderTying());
    }

    @Test
    void bareSentenceTransformerFolderHasNoHeadAndItsOwnTokenLimit() throws Exception {
        Path bridge = RandomModelFolder.create(work, "bridge", "bert", "--bridge", "--pooling", "mean");

        HfModelFolder folder = HfModelFolder.open(bridge);
        ModelSummary summary = folder.describe();

        assertAll(
                () -> assertEquals(DecoderTying.NO_HEAD, summary.decoderTying()),
                () -> assertFalse(summary.hasMlmHead()),
                () -> assertEquals(PoolingMode.MEAN, folder.sentenceTransformer().pooling()),
                () -> assertTrue(folder.sentenceTransformer().normalize()),
                () -> assertEquals(32, folder.maxTokens()));
    }

    @Test
    void transformerInSubfolderIsFoundThroughModulesJson() throws Exception {
        Path bridge = RandomModelFolder.create(work, "st", "bert", "--bridge");
        Path sub = Files.createDirectory(bridge.resolve("0_Transformer"));
        for (String name : new String[] {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                "sentence_bert_config.json"}) {
            Files.move(bridge.resolve(name), sub.resolve(name));
        }
        Files.writeString(bridge.resolve("modules.json"), """
                [{"idx": 0, "name": "0", "path": "0_Transformer", "type": "sentence_transformers.models.Transformer"},
                 {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]
                """);

        HfModelFolder folder = HfModelFolder.open(bridge);

        assertAll(
                () -> assertEquals(sub, folder.modelDirectory()),
                () -> assertFalse(folder.sentenceTransformer().normalize()),
                () -> assertEquals(32, folder.maxTokens()));
    }

    @Test
    void shardedCheckpointIsOpenedThroughItsIndex() throws Exception {
        Path sharded = RandomModelFolder.create(work, "sharded", "bert", "--shards", "3");

        ModelSummary summary = HfModelFolder.open(sharded).describe();

        assertEquals(3, summary.weightFiles().size());
        assertEquals(HfModelFolder.open(bert).describe().parameterCount(), summary.parameterCount());
    }

    @Test
    void missingFolderIsNamed() {
        Path absent = work.resolve("no-such-model");

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(absent));

        assertTrue(e.getMessage().contains(absent.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());
    }

    @Test
    void missingConfigJsonIsNamed() throws Exception {
        Path copy = RandomModelFolder.copy(bert, work.resolve("no-config"));
        Files.delete(copy.resolve("config.json"));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(copy));

        assertTrue(e.getMessage().contains(copy.toString()) && e.getMessage().contains("no config.json"),
                e.getMessage());
    }

    @Test
    void unknownModelTypeIsRefusedNamingConfigJson() throws Exception {
        Path copy = RandomModelFolder.copy(bert, work.resolve("gpt2"));
        ConfigEdits.edit(copy.resolve("config.json"), json -> json.addProperty("model_type", "gpt2"));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(copy));

        assertAll(
                () -> assertTrue(e.getMessage().contains(copy.resolve("config.json").toString()), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("\"gpt2\""), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("bert, roberta, xlm-roberta, distilbert"), e.getMessage()));
    }

    @Test
    void hiddenSizeNotDivisibleByHeadsIsRefusedNamingConfigJson() throws Exception {
        Path copy = RandomModelFolder.copy(bert, work.resolve("heads"));
        ConfigEdits.edit(copy.resolve("config.json"), json -> json.addProperty("num_attention_heads", 5));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(copy));

        assertAll(
                () -> assertTrue(e.getMessage().contains(copy.resolve("config.json").toString()), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("hidden_size 32 is not divisible by num_attention_heads 5"),
                        e.getMessage()));
    }

    @Test
    void pickledCheckpointOnlyIsRefusedWithConversionCommand() throws Exception {
        Path copy = RandomModelFolder.copy(bert, work.resolve("pickled"));
        Files.delete(copy.resolve("model.safetensors"));
        Files.write(copy.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2, 'c'});

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(copy));

        assertAll(
                () -> assertTrue(e.getMessage().contains("pytorch_model.bin"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("never loads pickles"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("AutoModelForMaskedLM"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("save_pretrained('" + copy + "', safe_serialization=True)"),
                        e.getMessage()));
    }

    @Test
    void tokenizerWithMoreIdsThanTheModelVocabularyIsRefused() throws Exception {
        Path copy = RandomModelFolder.copy(bert, work.resolve("small-vocab"));
        ConfigEdits.edit(copy.resolve("config.json"), json -> json.addProperty("vocab_size", 100));

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> HfModelFolder.open(copy).openTokenizer());

        assertTrue(e.getMessage().contains("121 token ids") && e.getMessage().contains("vocab_size=100")
                && e.getMessage().contains("tokenizer.json"), e.getMessage());
    }

    @Test
    void folderWithoutTokenizerIsRefused() throws Exception {
        Path copy = RandomModelFolder.copy(bert, work.resolve("no-tokenizer"));
        Files.delete(copy.resolve("tokenizer.json"));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(copy));

        assertTrue(e.getMessage().contains("no tokenizer.json and no vocab.txt"), e.getMessage());
    }

    @Test
    void sentencePieceOnlyTokenizerGetsConversionHint() throws Exception {
        Path copy = RandomModelFolder.copy(bert, work.resolve("spm"));
        Files.delete(copy.resolve("tokenizer.json"));
        Files.write(copy.resolve("sentencepiece.bpe.model"), new byte[] {1, 2, 3});

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(copy));

        assertTrue(e.getMessage().contains("AutoTokenizer.from_pretrained"), e.getMessage());
    }

    @Test
    void integerBuffersAreNotCountedAsParameters() throws Exception {
        Path dir = RandomModelFolder.copy(bert, work.resolve("position-ids"));
        Path weights = dir.resolve("model.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(weights)) {
            for (String name : checkpoint.names()) {
                writer.addFloats(name, checkpoint.require(name).shape(), checkpoint.readFiniteFloats(name));
            }
        }
        writer.addLongs("bert.embeddings.position_ids", new long[] {1, 40}, new long[40]);
        Files.delete(weights);
        writer.write(weights);

        ModelSummary summary = HfModelFolder.open(dir).describe();

        long floats = V * H + 40 * H + 2 * H + 2 * H + 2 * LAYER + (H * H + H) + 2 * H + V;
        assertEquals(floats, summary.parameterCount());
        assertEquals(Map.of("F32", floats, "I64", 40L), summary.elementsByStorageDtype());
    }

    @Test
    void describeValidatesTheTokenizerLikeEncodingDoes() throws Exception {
        for (String broken : new String[] {"", "{\"model\": {\"vocab\": {\"a\": 0", "[".repeat(5000)}) {
            Path dir = RandomModelFolder.copy(bert, work.resolve("tokenizer-" + broken.length()));
            Files.writeString(dir.resolve("tokenizer.json"), broken);

            ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(dir).describe());

            assertTrue(e.getMessage().startsWith(dir.resolve("tokenizer.json") + ": "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void tokensSharingOneIdInTokenizerJsonAreRefused() throws Exception {
        Path dir = RandomModelFolder.copy(bert, work.resolve("shared-ids"));
        ConfigEdits.edit(dir.resolve("tokenizer.json"), json -> {
            var vocab = json.getAsJsonObject("model").getAsJsonObject("vocab");
            for (int i = 0; i < 60; i++) {
                vocab.addProperty("dup" + i, 5);
            }
        });

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(dir).describe());

        assertTrue(e.getMessage().startsWith(dir.resolve("tokenizer.json") + ": model.vocab gives 60 tokens an id"
                + " another token already has"), e.getMessage());
    }
}
