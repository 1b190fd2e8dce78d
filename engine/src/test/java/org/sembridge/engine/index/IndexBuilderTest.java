package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class IndexBuilderTest {

    private static final String CORPUS = """
            {"_id":"d1","title":"Fruit","text":"apple banana"}
            {"_id":"d2","text":"apple apple cherry"}
            {"_id":"empty","title":"","text":""}
            {"_id":"d3","text":"durian"}
            """;

    @TempDir
    Path dir;

    private IndexBuildReport build(String corpus, SparseTextEncoder encoder, Path index, int batchSize,
            CancellationToken cancel) throws Exception {
        Path file = TestFiles.write(dir, "corpus.jsonl", corpus);
        return IndexBuilder.build(new IndexBuildRequest(file, index, "models/test", Optional.of(Bm25Language.EN),
                batchSize), encoder, ProgressListener.NONE, cancel);
    }

    @Test
    void buildRecordsMetadataInTheCommit() throws Exception {
        Path index = dir.resolve("index");
        build(CORPUS, new WordWeightEncoder("enc-1"), index, 2, CancellationToken.create());
        try (SparseIndex opened = SparseIndex.open(index)) {
            IndexMetadata metadata = opened.metadata();
            assertEquals("enc-1", metadata.encoderFingerprint());
            assertEquals("models/test", metadata.modelPath());
            assertEquals(dir.resolve("corpus.jsonl").toString(), metadata.corpus());
            assertEquals(3, metadata.documentCount());
            assertEquals(1, metadata.skippedEmptyDocuments());
            assertEquals(2 + 2 + 1 + 1, metadata.postingCount()); // fruit apple banana | apple cherry | durian
            assertEquals(Optional.of(Bm25Language.EN), metadata.bm25Language());
            assertEquals(3, opened.documentCount());
        }
    }

    @Test
    void storedDocumentAndExactVectorRoundTrip() throws Exception {
        Path index = dir.resolve("index");
        build(CORPUS, new WordWeightEncoder("enc-1"), index, 1, CancellationToken.create());
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals(Optional.of(new CorpusDocument("d1", "Fruit", "apple banana")), opened.document("d1"));
            TermWeights vector = opened.vector("d2").orElseThrow();
            assertArrayEquals(new String[] {"apple", "cherry"}, vector.terms());
            assertArrayEquals(new float[] {2 * WordWeightEncoder.base("apple"), WordWeightEncoder.base("cherry")},
                    vector.weights());
            assertFalse(opened.containsDocument("empty"));
        }
    }

    @Test
    void zeroNegativeAndSubnormalWeightsAreDroppedAndCounted() throws Exception {
        ScriptedEncoder encoder = new ScriptedEncoder("s").vector("x",
                new String[] {"a", "zero", "negative", "tiny"}, new float[] {1.5f, 0f, -2f, 1e-40f});
        Path index = dir.resolve("index");
        build("{\"_id\":\"d\",\"text\":\"x\"}\n", encoder, index, 8, CancellationToken.create());
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals(1, opened.metadata().postingCount());
            assertEquals(3, opened.metadata().droppedWeightCount());
            assertArrayEquals(new String[] {"a"}, opened.vector("d").orElseThrow().terms());
        }
    }

    @Test
    void documentWithoutPositiveWeightsIsCountedAndKept() throws Exception {
        ScriptedEncoder encoder = new ScriptedEncoder("s").vector("x", new String[] {"a"}, new float[] {0f});
        Path index = dir.resolve("index");
        build("{\"_id\":\"d\",\"text\":\"x\"}\n", encoder, index, 8, CancellationToken.create());
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals(1, opened.metadata().documentsWithoutTokens());
            assertTrue(opened.containsDocument("d"));
        }
    }

    @Test
    void nonFiniteWeightFailsNamingDocumentAndTokenAndPublishesNothing() {
        ScriptedEncoder encoder = new ScriptedEncoder("s").vector("x", new String[] {"a", "bad"},
                new float[] {1f, Float.NaN});
        Path index = dir.resolve("index");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> build("{\"_id\":\"d7\",\"text\":\"x\"}\n", encoder, index, 8, CancellationToken.create()));
        assertEquals("the encoder produced the weight NaN for token 'bad' of document 'd7'; expected finite weights"
                + " (the model's weights may be corrupt)", e.getMessage());
        assertEquals(List.of("corpus.jsonl"), TestFiles.list(dir));
    }

    @Test
    void aCorpusWithoutDocumentsIsRefusedAndPublishesNothing() {
        Path index = dir.resolve("index");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> build("\n\n", new WordWeightEncoder("e"), index, 8, CancellationToken.create()));
        assertTrue(e.getMessage().contains("corpus.jsonl") && e.getMessage().contains("no documents"), e.getMessage());
        assertFalse(Files.exists(index));
    }

    @Test
    void cancelledBuildPublishesNothingAndKeepsThePreviousIndex() throws Exception {
        Path index = dir.resolve("index");
        build(CORPUS, new WordWeightEncoder("old"), index, 1, CancellationToken.create());
        CancellationToken cancel = CancellationToken.create();
        ScriptedEncoder encoder = new ScriptedEncoder("new").beforeEncode(call -> {
            if (call == 1) {
                cancel.cancel();
            }
        });
        assertThrows(OperationCancelledException.class, () -> build(CORPUS, encoder, index, 1, cancel));
        assertEquals(List.of("corpus.jsonl", "index"), TestFiles.list(dir));
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals("old", opened.metadata().encoderFingerprint());
        }
    }

    @Test
    void corpusErrorMidwayPublishesNothing() {
        Path index = dir.resolve("index");
        String corpus = "{\"_id\":\"a\",\"text\":\"x\"}\n{\"_id\":\"b\",\"text\":\"y\"}\n{\"_id\":\"a\",\"text\":\"z\"}\n";
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> build(corpus, new WordWeightEncoder("e"), index, 1, CancellationToken.create()));
        assertTrue(e.getMessage().endsWith("line 3: duplicate document id 'a' (first seen at line 1)"), e.getMessage());
        assertEquals(List.of("corpus.jsonl"), TestFiles.list(dir));
    }

    @Test
    void refusesToReplaceAFolderThatIsNotAnIndex() throws Exception {
        Path notes = Files.createDirectory(dir.resolve("notes"));
        TestFiles.write(notes, "diary.txt", "private");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> build(CORPUS, new WordWeightEncoder("e"), notes, 1, CancellationToken.create()));
        assertEquals("refusing to replace " + notes + ": it is not empty and not a SemBridge index; choose a new or"
                + " empty folder", e.getMessage());
        assertEquals(List.of("diary.txt"), TestFiles.list(notes));
    }

    @Test
    void indexWithAFileAddedByTheUserIsNotReplaced() throws Exception {
        Path index = dir.resolve("index");
        build(CORPUS, new WordWeightEncoder("first"), index, 4, CancellationToken.create());
        TestFiles.write(index, "notes.txt", "mine");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> build(CORPUS, new WordWeightEncoder("second"), index, 4, CancellationToken.create()));
        assertTrue(e.getMessage().startsWith("refusing to replace " + index + ": it is not a complete SemBridge index"
                + " written by this tool (it holds notes.txt, which this tool did not write there)"), e.getMessage());
        assertEquals("mine", Files.readString(index.resolve("notes.txt")));
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals("first", opened.metadata().encoderFingerprint());
        }
    }

    @Test
    void stagingFolderOfAKilledBuildIsRemovedAtTheNextBuild() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path orphan = Files.createDirectories(dir.resolve(".index.staging-" + finished.pid() + "-x"));
        TestFiles.write(orphan, "_0.cfs", "half a segment");
        build(CORPUS, new WordWeightEncoder("e"), dir.resolve("index"), 4, CancellationToken.create());
        assertEquals(List.of("corpus.jsonl", "index"), TestFiles.list(dir));
    }

    @Test
    void rebuildReplacesAnExistingIndex() throws Exception {
        Path index = dir.resolve("index");
        build(CORPUS, new WordWeightEncoder("first"), index, 4, CancellationToken.create());
        build(CORPUS, new WordWeightEncoder("second"), index, 4, CancellationToken.create());
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals("second", opened.metadata().encoderFingerprint());
        }
        assertEquals(List.of("corpus.jsonl", "index"), TestFiles.list(dir));
    }

    @Test
    void progressCountsDocumentsNotReadAheadBytes() throws Exception {
        // 100 small documents fit in the reader's 64 KiB read-ahead: a bar in bytes was full after
        // the first batch. One blank line is not a document; the empty document counts as read.
        StringBuilder corpus = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            corpus.append("{\"_id\":\"d").append(i).append("\",\"text\":\"apple banana\"}\n");
        }
        corpus.append("\n{\"_id\":\"empty\",\"text\":\"\"}\n");
        Path file = TestFiles.write(dir, "corpus.jsonl", corpus.toString());
        List<String> reports = new java.util.ArrayList<>();
        IndexBuilder.build(new IndexBuildRequest(file, dir.resolve("index"), "", Optional.empty(), 25),
                new WordWeightEncoder("e"), (stage, done, total) -> reports.add(done + "/" + total),
                CancellationToken.create());
        assertEquals(List.of("25/100", "50/100", "75/100", "100/100"), reports);
    }
}
