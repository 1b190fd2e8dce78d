package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SparseEncoder;
import org.sembridge.engine.encoder.SparseVector;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.hf.TokenBatch;
import org.sembridge.engine.testing.PythonReference;

/// Checks an exported model folder against `engine/src/test/python/reference_encoder.py`, the
/// independent float64 numpy forward pass that reads the folder's `config.json` and
/// `model.safetensors` by their Hugging Face names: the SPLADE vector of every text must agree
/// with this engine's per vocabulary entry within `1e-4 * max(1, |numpy|)`.
final class NumpySplade {

    private static final Gson GSON = new Gson();

    private NumpySplade() {
    }

    /// Encodes `texts` with [SparseEncoder] on `modelDir` and with numpy on the same token ids.
    ///
    /// @return the engine's vectors, for further checks
    static List<SparseVector> assertEngineMatchesNumpy(Path modelDir, List<String> texts) throws Exception {
        HfModelFolder folder = HfModelFolder.open(modelDir);
        List<SparseVector> engine;
        TokenBatch batch;
        try (SparseEncoder encoder = SparseEncoder.load(folder, SelectedDevice.cpu(), SpladeSettings.DEFAULTS)) {
            engine = encoder.encode(texts);
            batch = encoder.tokenizer().encodeBatch(texts);
        }
        double[][] numpy = numpySplade(modelDir, batch);
        int vocabulary = folder.config().vocabSize();
        int nonZero = 0;
        for (int t = 0; t < texts.size(); t++) {
            assertEquals(vocabulary, numpy[t].length, "numpy vocabulary of text " + t);
            float[] dense = new float[vocabulary];
            SparseVector vector = engine.get(t);
            for (int k = 0; k < vector.size(); k++) {
                dense[vector.tokenIds()[k]] = vector.weights()[k];
            }
            for (int v = 0; v < vocabulary; v++) {
                double expected = numpy[t][v];
                assertEquals(expected, dense[v], 1e-4 * Math.max(1.0, Math.abs(expected)),
                        "SPLADE weight of token " + v + " for text '" + texts.get(t) + "'");
                if (expected > 0) {
                    nonZero++;
                }
            }
        }
        assertTrue(nonZero > 0, "numpy found no positive SPLADE weight at all");
        return engine;
    }

    private static double[][] numpySplade(Path modelDir, TokenBatch batch) throws Exception {
        JsonObject request = new JsonObject();
        request.addProperty("model_dir", modelDir.toString());
        request.add("input_ids", GSON.toJsonTree(batch.ids()));
        request.add("attention_mask", GSON.toJsonTree(batch.attentionMask()));
        request.addProperty("splade_pooling", "max");
        Path file = Files.createTempFile(modelDir.getParent(), "reference-request-", ".json");
        try {
            Files.writeString(file, request.toString(), StandardCharsets.UTF_8);
            JsonObject result = GSON.fromJson(PythonReference.run("reference_encoder.py", file.toString()),
                    JsonObject.class);
            return GSON.fromJson(result.get("splade"), double[][].class);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /// The target tokenizer of an exported folder (for token strings of vectors).
    static List<String> vocabulary(Path modelDir) throws Exception {
        try (TextTokenizer tokenizer = HfModelFolder.open(modelDir).openTokenizer()) {
            return tokenizer.tokens();
        }
    }
}
