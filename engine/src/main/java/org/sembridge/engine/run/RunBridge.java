package org.sembridge.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;

import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.bridge.BridgeEncoderEmbedder;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.bridge.BridgeVectors;
import org.sembridge.engine.bridge.PrecomputedBridgeVectors;
import org.sembridge.engine.encoder.BridgeEncoder;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;

/// The bridge of a run: a sentence-encoder model folder (embedded through the
/// [BridgeVectorStore] cache) or a precomputed bridge-vector file. Records what it did for
/// `run.json`. Close it to free the encoder or unmap the file.
///
/// No warm-up probe is timed before embedding: the stage reports its progress per batch and
/// [StageTimings] turns that into a rolling estimate (stage names carry no numbers).
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

    /// The bridge vectors of `tokenizer`'s vocabulary (`role` is `source` or `target`), in a
    /// stage named without numbers: `embedding target tokens with bge-m3`, `reading cached
    /// target bridge vectors` or `looking up target bridge vectors in FILE`.
    BridgeVectors vectors(String role, TextTokenizer tokenizer, BridgeVectorStore store, StageTimings stages,
            ProgressListener progress, CancellationToken cancel) throws SemBridgeException {
        BridgeVectors vectors;
        if (file != null) {
            stages.start("looking up " + role + " bridge vectors in " + path.getFileName());
            vectors = file.forVocabulary(tokenizer);
        } else {
            String key = store.cacheKey(embedder, tokenizer);
            boolean cached = Files.isRegularFile(store.cacheFile(key));
            record.addProperty(role + "_cache_key", key);
            record.addProperty(role + "_cache_hit", cached);
            String stage = cached ? "reading cached " + role + " bridge vectors"
                    : "embedding " + role + " tokens with " + embedder.name();
            stages.start(stage);
            vectors = store.vectors(embedder, tokenizer, stage, progress, cancel);
        }
        record.addProperty(role + "_origin", vectors.origin());
        record.addProperty("dimension", vectors.dimension());
        return vectors;
    }

    /// The bridge vector of the bridge's unknown token, or `null` when it cannot be known: a
    /// model bridge embeds its tokenizer's `[UNK]`/`<unk>`; a precomputed file answers when it
    /// holds the text `[UNK]` or `<unk>` (a file made for a BERT- or XLM-R-family source does).
    float[] unknownVector(CancellationToken cancel) throws SemBridgeException {
        if (embedder != null) {
            java.util.Optional<String> text = embedder.unknownTokenText();
            if (text.isEmpty()) {
                return null;
            }
            record.addProperty("unknown_token_text", text.get());
            return embedder.embed(java.util.List.of(text.get()), ProgressListener.NONE, cancel)[0];
        }
        for (String text : java.util.List.of("[UNK]", "<unk>")) {
            if (file.contains(text)) {
                record.addProperty("unknown_token_text", text);
                return file.lookup(java.util.List.of(text), path.toString()).vectors().values();
            }
        }
        return null;
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
