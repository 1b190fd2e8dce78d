package org.sembridge.engine.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.CacheRoot;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.transfer.FloatMatrix;

/// Computes the bridge vectors of every token of a vocabulary and caches them on disk, so that
/// changing alpha, the method or the baseline never embeds the vocabulary again.
///
/// ## Computing
///
/// The vocabulary's [BridgeTexts] are deduplicated (SentencePiece `▁house` and `house` share a
/// text) and embedded in chunks of [#CHUNK_TEXTS] texts by the [TextEmbedder], which batches on
/// its device; a text's chunk is fixed by a hash of it ([#chunks]), so that every chunk, the first
/// one included, has the cost mix of the whole vocabulary. Progress goes to the caller's stage name (e.g. `embedding target tokens`) in
/// distinct texts done of distinct texts total; cancellation is checked per chunk and per batch.
/// Every returned vector is checked to have the bridge's dimension and finite values.
///
/// ## Cache
///
/// One file per (bridge model, tokenizer, text rule): `<cacheDirectory>/<key>.safetensors` with
/// `key = SHA-256(bridge model content hash, tokenizer content hash, BridgeTexts.RULE_VERSION)`
/// ([ContentHash#ofParts]; the model hash covers config, weights, tokenizer and pooling files,
/// the tokenizer hash the tokenizer files of the tokenizer's folder). The file has the
/// [PrecomputedBridgeVectors] format (tensor `vectors` F32 `[distinct texts, D]`, metadata
/// `texts`, `model`, `bridge_hash`, `tokenizer_hash`, `rule_version`), is written atomically, and
/// is also usable as a precomputed file. A cache file that cannot be read, disagrees with its key
/// or lacks a text of the vocabulary is deleted with a WARN and recomputed; a cancelled run
/// writes nothing; a cache folder that cannot be written costs a WARN, not the result.
///
/// ## Estimate
///
/// [#estimate] says how long [#vectors] will take: zero when cached, else it embeds a warm-up
/// batch of [#WARM_UP_TEXTS] texts, then times [#PROBE_TEXTS] texts spread over the vocabulary
/// and extrapolates linearly ([EmbeddingEstimate]).
///
/// Not thread-safe per call argument (embedders and tokenizers are single-threaded); several
/// processes may share a cache folder (writes are atomic renames, the last one wins).
public final class BridgeVectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeVectorStore.class);

    /// Texts timed by [#estimate].
    public static final int PROBE_TEXTS = 64;

    /// Texts embedded, untimed, before the probe (first-call costs: native code, allocator).
    public static final int WARM_UP_TEXTS = 8;

    /// Texts per embedder call: bounds the transient `float[][]` to `CHUNK_TEXTS * D` floats
    /// (64 MiB for D = 1024).
    public static final int CHUNK_TEXTS = 16_384;

    /// `__metadata__` key of the bridge model's content hash in a cache file.
    public static final String BRIDGE_HASH_KEY = "bridge_hash";

    /// `__metadata__` key of the tokenizer's content hash in a cache file.
    public static final String TOKENIZER_HASH_KEY = "tokenizer_hash";

    /// `__metadata__` key of [BridgeTexts#RULE_VERSION] in a cache file.
    public static final String RULE_VERSION_KEY = "rule_version";

    private static final String KEY_DOMAIN = "sembridge-bridge-vectors";

    private final Path cacheDirectory;
    private final ContentHash hashes;

    /// A store caching in `cacheDirectory` (created on the first write) and hashing tokenizer
    /// files with `hashes`.
    public BridgeVectorStore(Path cacheDirectory, ContentHash hashes) {
        this.cacheDirectory = cacheDirectory.toAbsolutePath();
        this.hashes = hashes;
    }

    /// A store in `<cache root>/bridge-vectors` with the hash memo of [ContentHash#atDefaultLocation()]
    /// (cache root: `$SEMBRIDGE_CACHE`, else `~/.cache/sembridge`; see [CacheRoot]).
    public static BridgeVectorStore atDefaultLocation() {
        return new BridgeVectorStore(CacheRoot.resolve().resolve(CacheRoot.BRIDGE_VECTORS),
                ContentHash.atDefaultLocation());
    }

    /// The cache folder.
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /// The cache key of `tokenizer`'s vectors embedded by `bridge` (64 hex characters).
    ///
    /// @throws ModelFormatException when the tokenizer files cannot be read
    public String cacheKey(TextEmbedder bridge, TextTokenizer tokenizer) throws ModelFormatException {
        return key(bridge, tokenizerHash(tokenizer));
    }

    /// The cache key from the bridge's and the tokenizer's content hashes (see the class guide).
    private static String key(TextEmbedder bridge, String tokenizerHash) {
        return ContentHash.ofParts(KEY_DOMAIN, bridge.modelHash(), tokenizerHash,
                Integer.toString(BridgeTexts.RULE_VERSION));
    }

    /// The cache file of a key: `<cacheDirectory>/<key>.safetensors`.
    public Path cacheFile(String key) {
        return cacheDirectory.resolve(key + ".safetensors");
    }

    /// Whether a cache file exists for this bridge and tokenizer (it is validated only when read).
    ///
    /// @throws ModelFormatException when the tokenizer files cannot be read
    public boolean isCached(TextEmbedder bridge, TextTokenizer tokenizer) throws ModelFormatException {
        return Files.isRegularFile(cacheFile(cacheKey(bridge, tokenizer)));
    }

    /// How long [#vectors] will take for this vocabulary: zero when cached, else a timed probe.
    ///
    /// @throws ModelFormatException when the tokenizer files cannot be read
    /// @throws InputFormatException when the bridge refuses a probe text
    /// @throws OperationCancelledException when `cancel` is set during the probe
    public EmbeddingEstimate estimate(TextEmbedder bridge, TextTokenizer tokenizer, CancellationToken cancel)
            throws ModelFormatException, InputFormatException, OperationCancelledException {
        String key = cacheKey(bridge, tokenizer);
        int tokenCount = tokenizer.vocabSize();
        if (Files.isRegularFile(cacheFile(key))) {
            return new EmbeddingEstimate(key, true, tokenCount, 0, 0, 0);
        }
        List<String> distinct = distinct(BridgeTexts.forVocabulary(tokenizer)).texts();
        bridge.embed(spread(distinct, Math.min(WARM_UP_TEXTS, distinct.size())), ProgressListener.NONE, cancel);
        List<String> probe = spread(distinct, Math.min(PROBE_TEXTS, distinct.size()));
        long start = System.nanoTime();
        bridge.embed(probe, ProgressListener.NONE, cancel);
        EmbeddingEstimate estimate = new EmbeddingEstimate(key, false, tokenCount, distinct.size(), probe.size(),
                System.nanoTime() - start);
        LOG.info("Estimate for embedding {} distinct texts of {} with {} on {}: {} s ({} texts/s on a probe of {})",
                distinct.size(), tokenizer.source(), bridge.name(), bridge.deviceName(),
                String.format(Locale.ROOT, "%.0f", estimate.seconds()),
                String.format(Locale.ROOT, "%.1f", estimate.textsPerSecond()), probe.size());
        return estimate;
    }

    /// The bridge vectors of every token of `tokenizer`, from the cache or computed (and then
    /// cached).
    ///
    /// @param stage the progress stage name, e.g. `embedding target tokens`
    /// @throws ModelFormatException when the tokenizer files cannot be read, or the bridge returns
    ///     a vector of the wrong length or with a non-finite value (naming the text)
    /// @throws InputFormatException when the bridge refuses a text
    /// @throws OperationCancelledException when `cancel` is set; no cache file is written
    public BridgeVectors vectors(TextEmbedder bridge, TextTokenizer tokenizer, String stage, ProgressListener progress,
            CancellationToken cancel) throws ModelFormatException, InputFormatException, OperationCancelledException {
        long start = System.nanoTime();
        List<String> texts = BridgeTexts.forVocabulary(tokenizer);
        String tokenizerHash = tokenizerHash(tokenizer);
        String key = key(bridge, tokenizerHash);
        Path file = cacheFile(key);
        String vocabulary = tokenizer.source().toString();
        if (Files.isRegularFile(file)) {
            BridgeVectors cached = readCache(file, key, bridge, tokenizerHash, texts, vocabulary);
            if (cached != null) {
                progress.onProgress(stage, texts.size(), texts.size());
                LOG.info("Bridge vectors of {}: {} tokens x {} dims from the cache ({}) in {} s", vocabulary,
                        texts.size(), cached.dimension(), file, seconds(start));
                return cached;
            }
        }
        DistinctTexts distinct = distinct(texts);
        FloatMatrix distinctVectors = embed(bridge, distinct.texts(), stage, progress, cancel);
        FloatMatrix tokenVectors = FloatMatrix.zeros(texts.size(), distinctVectors.columns());
        int dimension = distinctVectors.columns();
        for (int id = 0; id < texts.size(); id++) {
            System.arraycopy(distinctVectors.values(), distinct.rowOfToken()[id] * dimension, tokenVectors.values(),
                    id * dimension, dimension);
        }
        writeCache(file, bridge, tokenizerHash, distinct.texts(), distinctVectors);
        LOG.info("Bridge vectors of {}: {} tokens ({} distinct texts) x {} dims computed with {} on {} in {} s",
                vocabulary, texts.size(), distinct.texts().size(), dimension, bridge.name(), bridge.deviceName(),
                seconds(start));
        return new BridgeVectors(texts, tokenVectors, "computed with " + bridge.name() + " on " + bridge.deviceName());
    }

    private String tokenizerHash(TextTokenizer tokenizer) throws ModelFormatException {
        Path folder = tokenizer.source().toAbsolutePath().getParent();
        try {
            return hashes.ofTokenizerFolder(folder);
        } catch (IOException e) {
            throw new ModelFormatException(folder + ": cannot hash the tokenizer files: " + e.getMessage(), e);
        }
    }

    /// Reads a cache file; `null` (after deleting it) when it is unusable.
    private static BridgeVectors readCache(Path file, String key, TextEmbedder bridge, String tokenizerHash,
            List<String> texts, String vocabulary) {
        try (PrecomputedBridgeVectors cache = PrecomputedBridgeVectors.open(file)) {
            Map<String, String> metadata = cache.metadata();
            if (!bridge.modelHash().equals(metadata.get(BRIDGE_HASH_KEY))
                    || !tokenizerHash.equals(metadata.get(TOKENIZER_HASH_KEY))
                    || !Integer.toString(BridgeTexts.RULE_VERSION).equals(metadata.get(RULE_VERSION_KEY))) {
                throw new InputFormatException(file + ": metadata does not match the key (bridge " + bridge.modelHash()
                        + ", tokenizer " + tokenizerHash + ", rule " + BridgeTexts.RULE_VERSION + "), found bridge "
                        + metadata.get(BRIDGE_HASH_KEY) + ", tokenizer " + metadata.get(TOKENIZER_HASH_KEY) + ", rule "
                        + metadata.get(RULE_VERSION_KEY));
            }
            if (cache.dimension() != bridge.dimension()) {
                throw new InputFormatException(file + ": vectors have " + cache.dimension() + " dimensions, the bridge "
                        + bridge.name() + " has " + bridge.dimension());
            }
            return cache.lookup(texts, vocabulary).withOrigin("cache hit " + key);
        } catch (InputFormatException e) {
            LOG.warn("Discarding unusable bridge-vector cache file (it will be recomputed): {}", e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException deleteFailure) {
                LOG.warn("Cannot delete {}: {}", file, deleteFailure.toString());
            }
            return null;
        }
    }

    private static void writeCache(Path file, TextEmbedder bridge, String tokenizerHash, List<String> texts,
            FloatMatrix vectors) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(PrecomputedBridgeVectors.MODEL_KEY, bridge.name());
        metadata.put(BRIDGE_HASH_KEY, bridge.modelHash());
        metadata.put(TOKENIZER_HASH_KEY, tokenizerHash);
        metadata.put(RULE_VERSION_KEY, Integer.toString(BridgeTexts.RULE_VERSION));
        try {
            PrecomputedBridgeVectors.write(file, texts, vectors, metadata);
        } catch (IOException e) {
            LOG.warn("Cannot write the bridge-vector cache file {} (the vectors will be computed again next time): {}",
                    file, e.toString());
        }
    }

    /// Embeds `texts` chunk by chunk ([#chunks]) into one `texts.size() x D` matrix, checking every
    /// vector.
    private static FloatMatrix embed(TextEmbedder bridge, List<String> texts, String stage, ProgressListener progress,
            CancellationToken cancel) throws ModelFormatException, InputFormatException, OperationCancelledException {
        int dimension = bridge.dimension();
        FloatMatrix matrix = FloatMatrix.zeros(texts.size(), dimension);
        progress.onProgress(stage, 0, texts.size());
        int embedded = 0;
        for (int[] rows : chunks(texts, CHUNK_TEXTS)) {
            cancel.throwIfCancelled(stage);
            List<String> chunk = new ArrayList<>(rows.length);
            for (int row : rows) {
                chunk.add(texts.get(row));
            }
            int done = embedded;
            float[][] vectors = bridge.embed(chunk, (s, chunkDone, chunkTotal) ->
                    progress.onProgress(stage, done + Math.min(chunkDone, chunk.size()), texts.size()), cancel);
            if (vectors.length != chunk.size()) {
                throw new ModelFormatException("bridge " + bridge.name() + " returned " + vectors.length
                        + " vectors for " + chunk.size() + " texts");
            }
            for (int i = 0; i < vectors.length; i++) {
                checkVector(bridge, chunk.get(i), vectors[i], dimension);
                System.arraycopy(vectors[i], 0, matrix.values(), rows[i] * dimension, dimension);
            }
            embedded += rows.length;
            LOG.debug("{}: {} of {} distinct texts embedded", stage, embedded, texts.size());
        }
        progress.onProgress(stage, texts.size(), texts.size());
        return matrix;
    }

    /// The positions of `texts` in embedder calls of at most `chunkTexts` each: every position
    /// once, in input order within a call. Which call a text goes to is fixed by a hash of the
    /// text (ranked by the mixed `String.hashCode`, ties by the text), so every call holds a
    /// sample of the whole vocabulary rather than a run of it: vocabularies are ordered by merge
    /// rank or score, with the short common pieces first and runs of reserved, byte or one-script
    /// entries, so the first 5% of the stage (where its time is first estimated) has the mix of
    /// the rest. The same set of texts in any order makes the same calls, hence the same batches
    /// and the same vectors bit for bit; `texts.size() <= chunkTexts` is one call in input order.
    static List<int[]> chunks(List<String> texts, int chunkTexts) {
        int count = texts.size();
        if (count <= chunkTexts) {
            return count == 0 ? List.of() : List.of(IntStream.range(0, count).toArray());
        }
        Integer[] byHash = new Integer[count];
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            byHash[i] = i;
            keys[i] = mix(texts.get(i).hashCode());
        }
        Arrays.sort(byHash, Comparator.comparingLong((Integer i) -> keys[i])
                .thenComparing(i -> texts.get(i)));
        int[] chunkOf = new int[count];
        for (int rank = 0; rank < count; rank++) {
            chunkOf[byHash[rank]] = rank / chunkTexts;
        }
        int chunkCount = (count + chunkTexts - 1) / chunkTexts;
        int[][] chunks = new int[chunkCount][];
        int[] filled = new int[chunkCount];
        for (int c = 0; c < chunkCount; c++) {
            chunks[c] = new int[Math.min(chunkTexts, count - c * chunkTexts)];
        }
        for (int i = 0; i < count; i++) {
            chunks[chunkOf[i]][filled[chunkOf[i]]++] = i;
        }
        return List.of(chunks);
    }

    /// A 64-bit finaliser (SplitMix64) of a string hash: spreads `String.hashCode`, whose low
    /// bits follow the last characters, over the whole range.
    private static long mix(int hash) {
        long z = hash * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void checkVector(TextEmbedder bridge, String text, float[] vector, int dimension)
            throws ModelFormatException {
        if (vector.length != dimension) {
            throw new ModelFormatException("bridge " + bridge.name() + " returned a vector of length " + vector.length
                    + " for text " + PrecomputedBridgeVectors.quote(text) + "; expected its dimension " + dimension);
        }
        for (int c = 0; c < dimension; c++) {
            if (!Float.isFinite(vector[c])) {
                throw new ModelFormatException("bridge " + bridge.name() + " returned a non-finite value for text "
                        + PrecomputedBridgeVectors.quote(text) + ": expected finite numbers, found " + vector[c]
                        + " at column " + c);
            }
        }
    }

    /// The distinct texts in first-occurrence order and, per token, the row of its text.
    private record DistinctTexts(List<String> texts, int[] rowOfToken) {
    }

    private static DistinctTexts distinct(List<String> texts) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        int[] rowOfToken = new int[texts.size()];
        for (int id = 0; id < texts.size(); id++) {
            rowOfToken[id] = rows.computeIfAbsent(texts.get(id), t -> rows.size());
        }
        return new DistinctTexts(new ArrayList<>(rows.keySet()), rowOfToken);
    }

    /// `count` texts spread evenly over `texts` (all of them when `count == texts.size()`).
    private static List<String> spread(List<String> texts, int count) {
        List<String> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(texts.get((int) ((long) i * texts.size() / count)));
        }
        return picked;
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9);
    }
}
