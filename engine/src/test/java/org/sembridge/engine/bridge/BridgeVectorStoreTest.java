package org.sembridge.engine.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.BridgeEncoder;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;

/// The bridge-vector store: cache misses compute and write, hits never call the bridge, bad cache
/// files are recomputed, cancellation writes nothing, keys follow content, estimates probe.
class BridgeVectorStoreTest {

    private static final String STAGE = "embedding target tokens";
    private static final String MODEL_HASH = "a".repeat(64);

    @TempDir
    static Path models;

    @TempDir
    Path cache;

    private static Path wordPiece;

    @BeforeAll
    static void createModel() {
        wordPiece = RandomModelFolder.create(models, "wordpiece", "bert");
    }

    private BridgeVectorStore store() {
        return new BridgeVectorStore(cache, ContentHash.withoutMemo());
    }

    private static TextTokenizer tokenizer() throws Exception {
        return HfModelFolder.open(wordPiece).openTokenizer();
    }

    private List<Path> cacheEntries() throws Exception {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    void cacheMissEmbedsEveryDistinctTextOnceAndWritesTheCacheFile() throws Exception {
        CountingEmbedder bridge = new CountingEmbedder(8, MODEL_HASH);
        try (TextTokenizer tokenizer = tokenizer()) {
            BridgeVectors vectors = store().vectors(bridge, tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());

            List<String> texts = BridgeTexts.forVocabulary(tokenizer);
            assertEquals(texts.stream().distinct().sorted().toList(), bridge.embeddedTexts().stream().sorted().toList());
            assertEquals(texts, vectors.texts());
            assertEquals("computed with counting-test-bridge on test()", vectors.origin());
            assertEquals(List.of(store().cacheFile(store().cacheKey(bridge, tokenizer))), cacheEntries());
        }
    }

    @Test
    void rowsAreTheBridgeVectorsOfEachTokensText() throws Exception {
        CountingEmbedder bridge = new CountingEmbedder(8, MODEL_HASH);
        try (TextTokenizer tokenizer = tokenizer()) {
            BridgeVectors vectors = store().vectors(bridge, tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());

            for (int id = 0; id < vectors.size(); id++) {
                assertArrayEquals(bridge.vectorOf(vectors.texts().get(id)), vectors.vectors().row(id), "id " + id);
            }
        }
    }

    @Test
    void cacheHitDoesNotCallTheBridge() throws Exception {
        try (TextTokenizer tokenizer = tokenizer()) {
            BridgeVectors first = store().vectors(new CountingEmbedder(8, MODEL_HASH), tokenizer, STAGE,
                    ProgressListener.NONE, CancellationToken.create());
            CountingEmbedder again = new CountingEmbedder(8, MODEL_HASH);

            BridgeVectors second = store().vectors(again, tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());

            assertEquals(List.of(), again.calls());
            assertArrayEquals(first.vectors().values(), second.vectors().values());
            assertEquals(first.texts(), second.texts());
            assertEquals("cache hit " + store().cacheKey(again, tokenizer), second.origin());
        }
    }

    @Test
    void sentencePieceTokensSharingATextAreEmbeddedOnce() throws Exception {
        CountingEmbedder bridge = new CountingEmbedder(4, MODEL_HASH);
        try (TextTokenizer tokenizer = TokenizerFixtures.sentencePiece(models.resolve("sp-" + System.nanoTime()),
                List.of("\u2581house", "house", "\u2581casa"))) {
            BridgeVectors vectors = store().vectors(bridge, tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());

            assertEquals(List.of(List.of("<unk>", "<s>", "</s>", "house", "casa")), bridge.calls());
            assertArrayEquals(vectors.vectors().row(3), vectors.vectors().row(4));
        }
    }

    @Test
    void progressCountsDistinctTextsUnderTheCallersStage() throws Exception {
        List<String> reports = new ArrayList<>();
        try (TextTokenizer tokenizer = tokenizer()) {
            int distinct = (int) BridgeTexts.forVocabulary(tokenizer).stream().distinct().count();

            store().vectors(new CountingEmbedder(8, MODEL_HASH), tokenizer, STAGE,
                    (stage, done, total) -> reports.add(stage + " " + done + "/" + total), CancellationToken.create());

            assertEquals(STAGE + " 0/" + distinct, reports.getFirst());
            assertEquals(STAGE + " " + distinct + "/" + distinct, reports.getLast());
            assertTrue(reports.size() > 3, reports.toString());
        }
    }

    @Test
    void corruptCacheFileIsDiscardedAndRecomputed() throws Exception {
        CountingEmbedder bridge = new CountingEmbedder(8, MODEL_HASH);
        try (TextTokenizer tokenizer = tokenizer()) {
            Path file = store().cacheFile(store().cacheKey(bridge, tokenizer));
            Files.createDirectories(cache);
            Files.write(file, new byte[] {1, 2, 3, 4, 5});

            BridgeVectors vectors = store().vectors(bridge, tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());

            assertEquals(1, bridge.calls().size());
            assertTrue(vectors.origin().startsWith("computed with"), vectors.origin());
            try (PrecomputedBridgeVectors rewritten = PrecomputedBridgeVectors.open(file)) {
                assertEquals(8, rewritten.dimension());
            }
        }
    }

    @Test
    void cacheFileWithNonFiniteVectorsIsRecomputed() throws Exception {
        try (TextTokenizer tokenizer = tokenizer()) {
            store().vectors(new CountingEmbedder(8, MODEL_HASH), tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());
            Path file = store().cacheFile(store().cacheKey(new CountingEmbedder(8, MODEL_HASH), tokenizer));
            byte[] bytes = Files.readAllBytes(file);
            for (int i = bytes.length - 4; i < bytes.length; i++) {
                bytes[i] = (byte) 0xff;
            }
            Files.write(file, bytes);
            CountingEmbedder again = new CountingEmbedder(8, MODEL_HASH);

            store().vectors(again, tokenizer, STAGE, ProgressListener.NONE, CancellationToken.create());

            assertEquals(1, again.calls().size());
        }
    }

    @Test
    void cacheFileWithAnotherDimensionIsRecomputed() throws Exception {
        try (TextTokenizer tokenizer = tokenizer()) {
            store().vectors(new CountingEmbedder(8, MODEL_HASH), tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());
            CountingEmbedder wider = new CountingEmbedder(16, MODEL_HASH);

            BridgeVectors vectors = store().vectors(wider, tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());

            assertEquals(1, wider.calls().size());
            assertEquals(16, vectors.dimension());
        }
    }

    @Test
    void cancelledRunLeavesNoCacheFile() throws Exception {
        CancellationToken cancel = CancellationToken.create();
        try (TextTokenizer tokenizer = tokenizer()) {
            assertThrows(OperationCancelledException.class, () -> store().vectors(new CountingEmbedder(8, MODEL_HASH),
                    tokenizer, STAGE, (stage, done, total) -> {
                        if (done >= 2 * CountingEmbedder.BATCH) {
                            cancel.cancel();
                        }
                    }, cancel));

            assertEquals(List.of(), cacheEntries());
        }
    }

    @Test
    void keyChangesWhenTheTokenizerFileChanges() throws Exception {
        Path copy = RandomModelFolder.copy(wordPiece, models.resolve("edited-" + System.nanoTime()));
        Path json = copy.resolve("tokenizer.json");
        Files.writeString(json, Files.readString(json) + "\n");
        CountingEmbedder bridge = new CountingEmbedder(8, MODEL_HASH);
        try (TextTokenizer original = tokenizer(); TextTokenizer edited = HfModelFolder.open(copy).openTokenizer()) {
            assertNotEquals(store().cacheKey(bridge, original), store().cacheKey(bridge, edited));
        }
    }

    @Test
    void keyDoesNotDependOnTheTokenizersFolder() throws Exception {
        Path copy = RandomModelFolder.copy(wordPiece, models.resolve("copy-" + System.nanoTime()));
        CountingEmbedder bridge = new CountingEmbedder(8, MODEL_HASH);
        try (TextTokenizer original = tokenizer(); TextTokenizer copied = HfModelFolder.open(copy).openTokenizer()) {
            assertEquals(store().cacheKey(bridge, original), store().cacheKey(bridge, copied));
        }
    }

    @Test
    void keyChangesWithTheBridgeModel() throws Exception {
        try (TextTokenizer tokenizer = tokenizer()) {
            assertNotEquals(store().cacheKey(new CountingEmbedder(8, MODEL_HASH), tokenizer),
                    store().cacheKey(new CountingEmbedder(8, "b".repeat(64)), tokenizer));
        }
    }

    @Test
    void nonFiniteBridgeOutputIsRefusedNamingTheText() throws Exception {
        CountingEmbedder poisoned = new CountingEmbedder(4, MODEL_HASH) {
            @Override
            float[] vectorOf(String text) {
                float[] vector = super.vectorOf(text);
                if (text.equals("house")) {
                    vector[2] = Float.NaN;
                }
                return vector;
            }
        };
        try (TextTokenizer tokenizer = tokenizer()) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> store().vectors(poisoned, tokenizer,
                    STAGE, ProgressListener.NONE, CancellationToken.create()));

            assertTrue(e.getMessage().contains("text \"house\": expected finite numbers, found NaN at column 2"),
                    e.getMessage());
            assertEquals(List.of(), cacheEntries());
        }
    }

    @Test
    void estimateProbesSpreadTextsAfterAWarmUp() throws Exception {
        CountingEmbedder bridge = new CountingEmbedder(8, MODEL_HASH);
        try (TextTokenizer tokenizer = tokenizer()) {
            EmbeddingEstimate estimate = store().estimate(bridge, tokenizer, CancellationToken.create());

            int distinct = (int) BridgeTexts.forVocabulary(tokenizer).stream().distinct().count();
            assertFalse(estimate.cached());
            assertEquals(distinct, estimate.textsToEmbed());
            assertEquals(List.of(BridgeVectorStore.WARM_UP_TEXTS, BridgeVectorStore.PROBE_TEXTS),
                    bridge.calls().stream().map(List::size).toList());
            assertEquals(BridgeVectorStore.PROBE_TEXTS, estimate.probeTexts());
            assertEquals(estimate.estimateSeconds(distinct), estimate.seconds());
        }
    }

    @Test
    void estimateIsZeroWhenCached() throws Exception {
        try (TextTokenizer tokenizer = tokenizer()) {
            store().vectors(new CountingEmbedder(8, MODEL_HASH), tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());
            CountingEmbedder bridge = new CountingEmbedder(8, MODEL_HASH);

            EmbeddingEstimate estimate = store().estimate(bridge, tokenizer, CancellationToken.create());

            assertTrue(estimate.cached());
            assertEquals(0.0, estimate.seconds());
            assertEquals(List.of(), bridge.calls());
        }
    }

    @Test
    void estimateExtrapolatesLinearly() {
        EmbeddingEstimate estimate = new EmbeddingEstimate("k", false, 30_000, 25_000, 64, 2_000_000_000L);

        assertEquals(32.0, estimate.textsPerSecond(), 1e-12);
        assertEquals(25_000 / 32.0, estimate.seconds(), 1e-9);
        assertEquals(2.0, estimate.estimateSeconds(64), 1e-12);
    }

    @Test
    void encoderBridgeGivesTheEncodersEmbeddings() throws Exception {
        HfModelFolder folder = HfModelFolder.open(RandomModelFolder.create(models, "bridge-" + System.nanoTime(),
                "bert", "--bridge", "--pooling", "cls"));
        try (BridgeEncoderEmbedder bridge = BridgeEncoderEmbedder.load(folder, SelectedDevice.cpu(), 16,
                        ContentHash.withoutMemo());
                BridgeEncoder encoder = BridgeEncoder.load(folder, SelectedDevice.cpu(), 16);
                TextTokenizer tokenizer = tokenizer()) {
            BridgeVectors vectors = store().vectors(bridge, tokenizer, STAGE, ProgressListener.NONE,
                    CancellationToken.create());

            float[][] direct = encoder.embed(vectors.texts());
            for (int id = 0; id < vectors.size(); id++) {
                assertArrayEquals(direct[id], vectors.vectors().row(id), 1e-5f, "id " + id);
            }
            assertEquals(ContentHash.withoutMemo().ofModelFolder(folder.directory()), bridge.modelHash());
            assertTrue(vectors.origin().matches("computed with bridge-\\d+ on cpu\\(\\)"), vectors.origin());
        }
    }

    @Test
    void aVocabularyThatFitsOneChunkIsEmbeddedInOneCallInItsOrder() {
        assertEquals(List.of(List.of(0, 1, 2)), chunkLists(BridgeVectorStore.chunks(List.of("c", "a", "b"), 3)));
    }

    @Test
    void chunksHoldEveryTextOnceInInputOrderAndAtMostTheChunkSize() {
        List<String> texts = IntStream.range(0, 1000).mapToObj(i -> "text" + i).toList();

        List<List<Integer>> chunks = chunkLists(BridgeVectorStore.chunks(texts, 128));

        assertEquals(8, chunks.size());
        assertTrue(chunks.stream().allMatch(chunk -> chunk.size() <= 128), chunks.toString());
        assertEquals(IntStream.range(0, 1000).boxed().toList(), chunks.stream().flatMap(List::stream).sorted().toList());
        assertTrue(chunks.stream().allMatch(chunk -> chunk.equals(chunk.stream().sorted().toList())));
    }

    @Test
    void everyChunkSamplesTheWholeVocabularyNotARunOfIt() {
        // a vocabulary whose first quarter is one kind of entry (reserved, bytes) and the rest another
        List<String> texts = IntStream.range(0, 4096)
                .mapToObj(i -> i < 1024 ? "<unused" + i + ">" : "word" + i).toList();

        for (List<Integer> chunk : chunkLists(BridgeVectorStore.chunks(texts, 512))) {
            long reserved = chunk.stream().filter(i -> i < 1024).count();
            // a quarter of each chunk is reserved; a run would make it 0 or all of it
            assertTrue(reserved > 512 / 8 && reserved < 512 / 2, "reserved entries in a chunk: " + reserved);
        }
    }

    @Test
    void theSameTextsInAnotherOrderGoToTheSameChunks() {
        List<String> texts = IntStream.range(0, 300).mapToObj(i -> "piece" + i).toList();
        List<String> reversed = texts.reversed();

        List<Set<String>> forward = chunkTexts(texts, BridgeVectorStore.chunks(texts, 64));
        List<Set<String>> backward = chunkTexts(reversed, BridgeVectorStore.chunks(reversed, 64));

        assertEquals(forward, backward);
    }

    private static List<List<Integer>> chunkLists(List<int[]> chunks) {
        return chunks.stream().map(chunk -> IntStream.of(chunk).boxed().toList()).toList();
    }

    private static List<Set<String>> chunkTexts(List<String> texts, List<int[]> chunks) {
        return chunks.stream().map(chunk -> IntStream.of(chunk).mapToObj(texts::get).collect(Collectors.toSet()))
                .map(Set::copyOf).toList();
    }
}
