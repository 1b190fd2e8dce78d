package org.sembridge.engine.projection.points;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.bridge.BridgeTexts;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.bridge.PrecomputedBridgeVectors;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.projection.MapSpace;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.RunManifest;
import org.sembridge.engine.transfer.FloatMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Reads the vectors of chosen tokens of a run from each [MapSpace]: rows of the adapted
/// model's `E_t`, of the source model's `E_s`, and the cached bridge vectors of either
/// vocabulary.
///
/// - `E_t` comes from the run's `model/` folder, `E_s` from the source model folder recorded in
///   `run.json` (which must still be there). Each call reads the whole embedding matrix once
///   (`|V| x d` floats, e.g. 94 MB for 30,522 x 768) and copies the requested rows.
/// - Bridge vectors come from the file the run read them from: the precomputed file it was
///   given, or the bridge-vector cache entry under the keys in `run.json` (so the cache must be
///   the one the run used: `--cache` or `SEMBRIDGE_CACHE`). Nothing is embedded. The rows are
///   found by each token's bridge text ([BridgeTexts]), computed from the source model's and the
///   adapted model's tokenizers exactly as the run computed them.
///
/// Every failure names the run, the file and what to do: a run without a bridge (statistical
/// baselines), a cache entry that is gone, a source model that moved.
public final class RunEmbeddings {

    private static final Logger LOG = LoggerFactory.getLogger(RunEmbeddings.class);

    private final LoadedRun run;
    private final BridgeVectorStore store;

    /// Reads from `run`; bridge vectors from `store`'s cache (the store the run was made with).
    public RunEmbeddings(LoadedRun run, BridgeVectorStore store) {
        this.run = run;
        this.store = store;
    }

    /// Rows of the adapted model's input embeddings `E_t`, one per target id.
    ///
    /// @throws ModelFormatException when the run's `model/` folder cannot be read
    public float[][] adaptedRows(int[] targetIds) throws ModelFormatException {
        return embeddingRows(run.modelDirectory(), targetIds, "adapted model");
    }

    /// Rows of the source model's input embeddings `E_s`, one per source id.
    ///
    /// @throws InputFormatException when the source model is no longer where the run found it
    /// @throws ModelFormatException when it cannot be read
    public float[][] sourceRows(int[] sourceIds) throws InputFormatException, ModelFormatException {
        return embeddingRows(sourceModel(), sourceIds, "source model");
    }

    /// The bridge vectors of target tokens, one per id.
    ///
    /// @throws InputFormatException when the run used no bridge or its vectors are gone
    /// @throws ModelFormatException when the adapted model's tokenizer cannot be read
    public float[][] targetBridgeRows(int[] targetIds) throws InputFormatException, ModelFormatException {
        RunManifest manifest = run.manifest();
        return bridgeRows(run.modelDirectory(), manifest.targetBridgeKey().orElse(null), targetIds, "target");
    }

    /// The bridge vectors of source tokens, one per id.
    ///
    /// @throws InputFormatException when the run used no bridge, its vectors are gone, or the
    ///     source model moved
    /// @throws ModelFormatException when the source model's tokenizer cannot be read
    public float[][] sourceBridgeRows(int[] sourceIds) throws InputFormatException, ModelFormatException {
        RunManifest manifest = run.manifest();
        return bridgeRows(sourceModel(), manifest.sourceBridgeKey().orElse(null), sourceIds, "source");
    }

    private Path sourceModel() throws InputFormatException {
        Path source = run.manifest().sourcePath();
        if (!Files.isDirectory(source)) {
            throw new InputFormatException("the source model of run " + run.directory() + " is no longer at " + source
                    + " (inputs.source.path in " + run.manifest().file() + "); maps with source tokens read its "
                    + "embeddings and tokenizer from there");
        }
        return source;
    }

    private static float[][] embeddingRows(Path modelFolder, int[] ids, String role) throws ModelFormatException {
        long start = System.nanoTime();
        HfModelFolder folder = HfModelFolder.open(modelFolder);
        int rows = folder.config().vocabSize();
        int hidden = folder.config().hiddenSize();
        for (int id : ids) {
            if (id < 0 || id >= rows) {
                throw new ModelFormatException(folder.configFile() + ": token id " + id + " is outside the " + rows
                        + " embedding rows (vocab_size) of the " + role);
            }
        }
        float[] matrix;
        try (ModelWeights weights = folder.openWeights()) {
            matrix = weights.readWordEmbeddings();
        }
        float[][] result = new float[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            result[i] = new float[hidden];
            System.arraycopy(matrix, ids[i] * hidden, result[i], 0, hidden);
        }
        LOG.debug("Read {} embedding rows x {} of the {} {} in {} ms", ids.length, hidden, role, modelFolder,
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private float[][] bridgeRows(Path modelFolder, String cacheKey, int[] ids, String role)
            throws InputFormatException, ModelFormatException {
        RunManifest manifest = run.manifest();
        if (manifest.bridgePath().isEmpty()) {
            throw new InputFormatException("run " + run.directory() + " (method " + manifest.method() + ") used no "
                    + "bridge vectors, so it has no bridge space; use --space adapted or source");
        }
        Path file;
        if (manifest.precomputedBridge()) {
            file = manifest.bridgePath().get();
        } else if (cacheKey != null) {
            file = store.cacheFile(cacheKey);
        } else {
            throw new InputFormatException(manifest.file() + ": no " + role + "_cache_key for the bridge vectors of the "
                    + role + " vocabulary");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException("the " + role + " bridge vectors of run " + run.directory() + " are not at "
                    + file + (manifest.precomputedBridge() ? " any more" : " (the bridge-vector cache was cleared or "
                    + "is elsewhere: give the run's cache with --cache or SEMBRIDGE_CACHE, or run init again)"));
        }
        List<String> texts;
        try (TextTokenizer tokenizer = HfModelFolder.open(modelFolder).openTokenizer()) {
            List<String> all = BridgeTexts.forVocabulary(tokenizer);
            texts = new ArrayList<>(ids.length);
            for (int id : ids) {
                if (id < 0 || id >= all.size()) {
                    throw new InputFormatException("token id " + id + " is outside the " + all.size() + " tokens of "
                            + tokenizer.source());
                }
                texts.add(all.get(id));
            }
        }
        FloatMatrix vectors;
        try (PrecomputedBridgeVectors cached = PrecomputedBridgeVectors.open(file)) {
            vectors = cached.lookup(texts, role + " vocabulary of run " + run.directory()).vectors();
        }
        float[][] result = new float[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            result[i] = vectors.row(i);
        }
        return result;
    }
}
