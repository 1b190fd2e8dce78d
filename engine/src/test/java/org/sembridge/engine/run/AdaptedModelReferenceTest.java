package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SparseEncoder;
import org.sembridge.engine.encoder.SparseVector;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The adapted model of a run loads like a Hugging Face checkpoint: the independent numpy
/// forward pass (`reference_encoder.py`, which reads `config.json` and the tensors by their
/// transformers names) gives the same SPLADE vectors as this engine's [org.sembridge.engine.encoder.SparseEncoder]
/// on target-language text, for every family and decoder layout.
class AdaptedModelReferenceTest {

    private static final List<String> TEXTS = List.of("die katze und der hund", "wasser im garten",
            "the strasse buchen", "haus");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path bridge;
    private static Path target;

    @BeforeAll
    static void inputs() throws Exception {
        bridge = TransferFixtures.bridge(shared);
        target = TransferFixtures.targetTokenizer(shared);
    }

    @ParameterizedTest
    @CsvSource({"bert,", "bert,--untied", "bert,--store-tied-decoder", "roberta,", "xlm-roberta,--untied",
        "distilbert,"})
    void exportedModelGivesTheNumpyReferenceSpladeVectors(String family, String option) throws Exception {
        String[] options = option == null ? new String[0] : new String[] {option};
        Path source = TransferFixtures.source(dir, "source", family, options);
        Path out = dir.resolve("run");
        TransferFixtures.runner(shared).run(TransferRequest.builder(source, target, "sembridge", out)
                .optBridge(bridge).optDevice(DeviceChoice.CPU).optBiasMode(BiasMode.MAPPED).build(),
                ProgressListener.NONE, CancellationToken.create());
        NumpySplade.assertEngineMatchesNumpy(out.resolve("model"), TEXTS);
    }

    @Test
    void robertaTakesTheTargetPaddingIdAndMovesItsPositionTable() throws Exception {
        Path source = TransferFixtures.source(dir, "source", "roberta", "--store-position-ids");
        Path out = dir.resolve("run");
        TransferFixtures.runner(shared).run(TransferRequest.builder(source, target, "sembridge", out)
                .optBridge(bridge).optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE,
                CancellationToken.create());
        JsonObject config = JsonParser.parseString(Files.readString(out.resolve("model/config.json")))
                .getAsJsonObject();
        assertEquals(0, config.get("pad_token_id").getAsInt(), "the target's [PAD] id");
        assertEquals(42 - 1 + 0, config.get("max_position_embeddings").getAsInt(), "source rows - source pad + target pad");
        assertEquals(true, LoadedRun.open(out).manifest().json().contains("position table moved"));
        try (SafetensorsFile exported = SafetensorsFile.open(out.resolve("model/model.safetensors"));
                SafetensorsFile original = SafetensorsFile.open(source.resolve("model.safetensors"))) {
            float[] before = original.readFloats("roberta.embeddings.position_embeddings.weight");
            float[] after = exported.readFloats("roberta.embeddings.position_embeddings.weight");
            int hidden = 32;
            assertEquals(41 * hidden, after.length);
            // new row (0 + 1 + i) is old row (1 + 1 + i) for every position i; new pad row 0 is old pad row 1
            for (int row = 0; row < 41; row++) {
                assertArrayEquals(Arrays.copyOfRange(before, (row + 1) * hidden, (row + 2) * hidden),
                        Arrays.copyOfRange(after, row * hidden, (row + 1) * hidden), "position row " + row);
            }
            assertArrayEquals(new long[] {1, 41}, exported.require("roberta.embeddings.position_ids").shape());
            assertEquals(40L, exported.readLongs("roberta.embeddings.position_ids")[40]);
        }
    }

    @Test
    void targetUnknownAtTheSourcePaddingIdGivesTheVectorsOfTheSameTextWithoutTheCollision() throws Exception {
        // target A has [UNK] at id 1, the RoBERTa source's padding id; target B is A with ids 1 and the
        // last swapped, so that its [UNK] collides with nothing. Same tokens, same rows, same vectors.
        List<String> tokensA = Files.readAllLines(target.resolve("vocab.txt")).stream()
                .filter(line -> !line.isEmpty()).toList();
        assertEquals("[UNK]", tokensA.get(1));
        List<String> tokensB = new java.util.ArrayList<>(tokensA);
        java.util.Collections.swap(tokensB, 1, tokensB.size() - 1);
        assertEquals(false, String.join(" ", TEXTS_WITH_UNKNOWN).contains(tokensB.get(1).replace("##", "")));
        Path targetB = TransferFixtures.vocabularyFolder(dir.resolve("target-b"), tokensB);

        Path source = TransferFixtures.source(dir, "source", "roberta");
        Map<String, Float>[] vectorsA = encodeAfterTransfer(source, target, dir.resolve("run-a"), 1);
        Map<String, Float>[] vectorsB = encodeAfterTransfer(source, targetB, dir.resolve("run-b"), tokensB.size() - 1);
        for (int t = 0; t < TEXTS_WITH_UNKNOWN.size(); t++) {
            assertEquals(vectorsB[t].keySet(), vectorsA[t].keySet(), "non-zero tokens of text " + t);
            for (Map.Entry<String, Float> entry : vectorsB[t].entrySet()) {
                assertEquals(entry.getValue(), vectorsA[t].get(entry.getKey()), 1e-5f * Math.max(1, entry.getValue()),
                        "weight of " + entry.getKey() + " in '" + TEXTS_WITH_UNKNOWN.get(t) + "'");
            }
        }
        NumpySplade.assertEngineMatchesNumpy(dir.resolve("run-a/model"), TEXTS_WITH_UNKNOWN);
    }

    private static final List<String> TEXTS_WITH_UNKNOWN = List.of("die katze 9 und der hund 7 im garten",
            "wasser 5 baum", "haus");

    @SuppressWarnings("unchecked")
    private Map<String, Float>[] encodeAfterTransfer(Path source, Path targetFolder, Path out, long unknownId)
            throws Exception {
        TransferFixtures.runner(shared).run(TransferRequest.builder(source, targetFolder, "sembridge", out)
                .optBridge(bridge).optDevice(DeviceChoice.CPU).optBiasMode(BiasMode.MAPPED).build(),
                ProgressListener.NONE, CancellationToken.create());
        try (SparseEncoder encoder = SparseEncoder.load(HfModelFolder.open(out.resolve("model")),
                SelectedDevice.cpu(), SpladeSettings.DEFAULTS)) {
            assertEquals(true, Arrays.stream(encoder.tokenizer().encode(TEXTS_WITH_UNKNOWN.getFirst()).ids())
                    .anyMatch(id -> id == unknownId), "the first text holds [UNK] (id " + unknownId + ")");
            List<SparseVector> vectors = encoder.encode(TEXTS_WITH_UNKNOWN);
            Map<String, Float>[] byToken = new Map[vectors.size()];
            for (int t = 0; t < vectors.size(); t++) {
                byToken[t] = new java.util.TreeMap<>();
                List<String> tokens = vectors.get(t).tokenStrings(encoder.vocabulary());
                for (int k = 0; k < tokens.size(); k++) {
                    byToken[t].put(tokens.get(k), vectors.get(t).weights()[k]);
                }
            }
            return byToken;
        }
    }

    @Test
    void exportedModelMaxLengthIsCappedAtTheSourcesUsablePositions() throws Exception {
        Path source = TransferFixtures.source(dir, "source", "roberta");
        Path bigTarget = TransferFixtures.vocabularyFolder(dir.resolve("target-512"),
                Files.readAllLines(target.resolve("vocab.txt")));
        Files.writeString(bigTarget.resolve("tokenizer_config.json"),
                "{\"do_lower_case\": true, \"model_max_length\": 512}\n");
        Path out = dir.resolve("run");
        TransferFixtures.runner(shared).run(TransferRequest.builder(source, bigTarget, "sembridge", out)
                .optBridge(bridge).optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE,
                CancellationToken.create());
        JsonObject tokenizerConfig = JsonParser.parseString(Files.readString(out.resolve("model/tokenizer_config.json")))
                .getAsJsonObject();
        assertEquals(40, tokenizerConfig.get("model_max_length").getAsInt(), "42 positions - pad 1 - 1");
        assertEquals(true, tokenizerConfig.get("do_lower_case").getAsBoolean(), "the rest of the file is kept");
    }
}
