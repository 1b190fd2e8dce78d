package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.bridge.BridgeTexts;
import org.sembridge.engine.encoder.BridgeEncoder;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.testing.PythonReference;

/// Precomputing bridge vectors on another machine (docs/bridge-vectors.md) is a tested path: the
/// bridge texts of the source and the target vocabulary, embedded once, written by
/// `docs/tools/export_bridge_vectors.py`'s own `write_safetensors` (through
/// `bridge_texts_reference.py write-vectors`; numpy only, as on a GPU machine after
/// `SentenceTransformer.encode`) and passed to `init --bridge FILE`, give the adapted model that
/// embedding with the bridge folder itself gives (to 1e-4: the test embeds in other batches).
class PrecomputedBridgeRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void fileWrittenByTheExportScriptGivesTheSameModelAsTheBridgeFolder() throws Exception {
        Path bridge = TransferFixtures.bridge(dir);
        Path source = TransferFixtures.source(dir, "source", "bert");
        Path target = TransferFixtures.targetTokenizer(dir);

        Set<String> distinct = new LinkedHashSet<>();
        HfModelFolder sourceFolder = HfModelFolder.open(source);
        try (TextTokenizer tokenizer = sourceFolder.openTokenizer()) {
            distinct.addAll(BridgeTexts.forVocabulary(tokenizer));
        }
        try (TextTokenizer tokenizer = TextTokenizer.load(target, 512, 0)) {
            distinct.addAll(BridgeTexts.forVocabulary(tokenizer));
        }
        List<String> texts = new ArrayList<>(distinct);
        float[][] vectors;
        try (BridgeEncoder encoder = BridgeEncoder.load(HfModelFolder.open(bridge), SelectedDevice.cpu(),
                BridgeEncoder.DEFAULT_BATCH_SIZE)) {
            vectors = encoder.embed(texts);
        }
        JsonObject request = new JsonObject();
        Gson gson = new Gson();
        request.add("texts", gson.toJsonTree(texts));
        request.add("vectors", gson.toJsonTree(vectors));
        request.addProperty("model", "random-test-bridge");
        Path requestFile = dir.resolve("vectors.json");
        Files.writeString(requestFile, request.toString(), StandardCharsets.UTF_8);
        Path precomputed = dir.resolve("precomputed.safetensors");
        PythonReference.run("bridge_texts_reference.py", "write-vectors", requestFile.toString(),
                precomputed.toString());

        Path fromFolder = transfer(source, target, bridge, dir.resolve("run-folder"));
        Path fromFile = transfer(source, target, precomputed, dir.resolve("run-file"));

        String embeddings = "bert.embeddings.word_embeddings.weight";
        try (SafetensorsFile a = SafetensorsFile.open(fromFolder.resolve("model/model.safetensors"));
                SafetensorsFile b = SafetensorsFile.open(fromFile.resolve("model/model.safetensors"))) {
            float[] expected = a.readFloats(embeddings);
            float[] actual = b.readFloats(embeddings);
            assertEquals(expected.length, actual.length);
            double largest = 0;
            for (int i = 0; i < expected.length; i++) {
                largest = Math.max(largest, Math.abs(expected[i] - actual[i]));
            }
            // the vectors were embedded in other batches than the run's (other padding, other GEMM
            // shapes), so they differ in the last float bits; the plan and the rows do not
            assertTrue(largest <= 1e-4, "largest |difference| of the adapted embeddings " + largest);
        }
        assertEquals(true, Files.readString(fromFile.resolve("run.json")).contains("random-test-bridge"),
                "run.json names the model recorded in the file");
    }

    private Path transfer(Path source, Path target, Path bridge, Path out) throws Exception {
        TransferFixtures.runner(dir.resolve("cache-" + out.getFileName())).run(
                TransferRequest.builder(source, target, "sembridge", out).optBridge(bridge)
                        .optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE, CancellationToken.create());
        return out;
    }
}
