package org.sembridge.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.google.gson.JsonObject;

import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.bridge.BridgeEncoderEmbedder;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.bridge.BridgeVectors;
import org.sembridge.engine.bridge.EmbeddingEstimate;
import org.sembridge.engine.bridge.PrecomputedBridgeVectors;
import org.sembridge.engine.encoder.BridgeEncoder;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;

/// The bridge of a run: a sentence-encoder model folder (embedded through the
/// [BridgeVectorStore] cache, with a time estimate first) or a precomputed bridge-vector file.
/// Records what it did for `run.json`. Close it to free the encoder or unmap the file.
final class RunBridge implements AutoCloseable {

    /// The most texts per bridge forward pass: [BridgeEncoder#DEFAULT_BATCH_SIZE]. Token texts are
    /// short (one to a few bridge tokens), so a batch of 256 pads to a handful of positions; the
    /// encoder's [org.sembridge.engine.encoder.BatchMemoryRule] lowers it for long texts.
    static final int TOKEN_BATCH_SIZE = BridgeEncoder.DEFAULT_BATCH_SIZE;

    private final Path path;
    private final BridgeEncoderEmbedder embedder;
    private final PrecomputedBridgeVectors file;
    private final JsonObject record = new JsonObject();

    private RunBridge(Path path, BridgeEncoderEmbedder embedder, PrecomputedBridgeVectors file) {
        this.path = path;
        this.embedder = embedder;
        this.file = file;
        record.addProperty("path", path.toAbsolutePath().toString());
        record.addProperty("kind", file == null ? "model" : "precomputed");
        if (file != null) {
            file.model().ifPresent(model -> record.addProperty("model", model));
        }
    }

    /// Opens `path`: a regular file is a precomputed bridge-vector file, a folder a bridge model
    /// loaded on `device`.
    static RunBridge open(Path path, SelectedDevice device, ContentHash hashes) throws SemBridgeException {
        if (Files.isRegularFile(path)) {
            return new RunBridge(path, null, PrecomputedBridgeVectors.open(path));
        }
        return new RunBridge(path, BridgeEncoderEmbedder.load(HfModelFolder.open(path), device,
                TOKEN_BATCH_SIZE, hashes), null);
    }

    /// The bridge vectors of `tokenizer`'s vocabulary (`role` is `source` or `target`). A model
    /// bridge first estimates the embedding time and, when the vectors are not cached, starts a
    /// stage that names the estimate.
    BridgeVectors vectors(String role, TextTokenizer tokenizer, BridgeVectorStore store, StageTimings stages,
            ProgressListener progress, CancellationToken cancel) throws SemBridgeException {
        BridgeVectors vectors;
        if (file != null) {
            stages.start("looking up " + role + " bridge vectors in " + path.getFileName());
            vectors = file.forVocabulary(tokenizer);
        } else {
            stages.start("estimating the " + role + " embedding time");
            EmbeddingEstimate estimate = store.estimate(embedder, tokenizer, cancel);
            record.addProperty(role + "_cache_key", estimate.cacheKey());
            record.addProperty(role + "_cache_hit", estimate.cached());
            String stage = estimate.cached()
                    ? "reading cached " + role + " bridge vectors"
                    : String.format(Locale.ROOT, "embedding %d %s tokens with %s (estimated %.0f s)",
                            estimate.textsToEmbed(), role, embedder.name(), estimate.seconds());
            if (!estimate.cached()) {
                record.addProperty(role + "_estimated_seconds", estimate.seconds());
            }
            stages.start(stage);
            vectors = store.vectors(embedder, tokenizer, stage, progress, cancel);
        }
        record.addProperty(role + "_origin", vectors.origin());
        record.addProperty("dimension", vectors.dimension());
        return vectors;
    }

    /// Adds the content hash of the bridge (model folder or file) to the record.
    void recordHash(ContentHash hashes) throws java.io.IOException {
        record.addProperty("sha256", file != null ? hashes.ofFile(path) : embedder.modelHash());
    }

    /// What `run.json` says about the bridge: path, kind, hash, cache keys, origins, dimension.
    JsonObject record() {
        return record;
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder.close();
        }
        if (file != null) {
            file.close();
        }
    }
}
