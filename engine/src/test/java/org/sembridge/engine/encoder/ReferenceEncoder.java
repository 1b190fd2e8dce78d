package org.sembridge.engine.encoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import org.sembridge.engine.hf.TokenBatch;
import org.sembridge.engine.testing.PythonReference;

/// Runs `engine/src/test/python/reference_encoder.py`, the independent float64 numpy forward
/// pass, on a model folder and a token batch.
///
/// @param hidden last hidden states `[batch][length][hidden]`
/// @param logits MLM logits `[batch][length][vocab]`, null without a head
/// @param splade SPLADE vectors `[batch][vocab]`, null without a head
/// @param pooled sentence embeddings `[batch][hidden]`, null without `modules.json`
record ReferenceEncoder(double[][][] hidden, double[][][] logits, double[][] splade, double[][] pooled) {

    private static final Gson GSON = new Gson();

    static ReferenceEncoder run(Path modelDir, TokenBatch batch, SpladePooling pooling) throws IOException {
        JsonObject request = new JsonObject();
        request.addProperty("model_dir", modelDir.toString());
        request.add("input_ids", GSON.toJsonTree(batch.ids()));
        request.add("attention_mask", GSON.toJsonTree(batch.attentionMask()));
        request.addProperty("splade_pooling", pooling.name().toLowerCase(Locale.ROOT));
        Path file = Files.createTempFile(modelDir.getParent(), "reference-request-", ".json");
        try {
            Files.writeString(file, request.toString(), StandardCharsets.UTF_8);
            return GSON.fromJson(PythonReference.run("reference_encoder.py", file.toString()), ReferenceEncoder.class);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
