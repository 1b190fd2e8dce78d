package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// End to end with the real SPLADE encoder on a random BERT model (2 layers, hidden 32, a
/// 121-token WordPiece vocabulary): index, encoded and inference-free search, explanations,
/// fingerprint checks. Rankings of a random model mean nothing; the plumbing is what is tested.
class SpladeTextEncoderTest {

    private static final String CORPUS = """
            {"_id":"d1","title":"the cat","text":"the cat sat on the mat"}
            {"_id":"d2","text":"a dog runs on the road to the city"}
            {"_id":"d3","text":"the blue car was in the house"}
            {"_id":"d4","text":"she reads a book under the green tree"}
            """;

    @TempDir
    static Path dir;

    private static Path model;
    private static SpladeTextEncoder encoder;

    @BeforeAll
    static void loadModel() throws Exception {
        model = RandomModelFolder.create(dir, "bert", "bert");
        encoder = SpladeTextEncoder.load(model, SelectedDevice.cpu(), SpladeSettings.DEFAULTS);
    }

    @AfterAll
    static void closeModel() {
        encoder.close();
    }

    @Test
    void fingerprintIsAContentHashThatSurvivesCopying() throws Exception {
        assertTrue(encoder.fingerprint().matches("sha256:[0-9a-f]{64}"), encoder.fingerprint());
        Path copy = RandomModelFolder.copy(model, dir.resolve("copy-of-bert"));
        assertEquals(encoder.fingerprint(), ModelFingerprint.of(HfModelFolder.open(copy)));
        Path other = RandomModelFolder.create(dir, "bert-seed-7", "bert", "--seed", "7");
        assertNotEquals(encoder.fingerprint(), ModelFingerprint.of(HfModelFolder.open(other)));
    }

    @Test
    void tokenizeGivesVocabularyStringsWithoutSpecialTokens() throws Exception {
        assertEquals(List.of("the", "cat", "##s", "walk", "##ing"), encoder.tokenize("The cats walking"));
    }

    @Test
    void encodedVectorsUseVocabularyStringsWithPositiveWeights() throws Exception {
        TermWeights vector = encoder.encode(List.of("the cat sat"), ProgressListener.NONE, CancellationToken.create())
                .getFirst();
        assertTrue(vector.size() > 0);
        for (int i = 0; i < vector.size(); i++) {
            assertTrue(vector.weights()[i] > 0, vector.terms()[i]);
            assertFalse(vector.terms()[i].startsWith("[id:"), vector.terms()[i]);
        }
    }

    @Test
    void indexSearchAndExplainWithTheRealEncoder() throws Exception {
        Path corpus = Files.writeString(dir.resolve("corpus.jsonl"), CORPUS);
        Path index = dir.resolve("index");
        IndexBuildReport report = IndexBuilder.build(new IndexBuildRequest(corpus, index, model.toString(),
                Optional.of(Bm25Language.EN), 3), encoder, ProgressListener.NONE, CancellationToken.create());
        assertEquals(4, report.metadata().documentCount());
        assertEquals(encoder.fingerprint(), report.metadata().encoderFingerprint());
        try (SparseIndex opened = SparseIndex.open(index)) {
            for (QueryWeighting weighting : QueryWeighting.values()) {
                SparseQuery query = new SparseQueryEncoder(encoder, weighting)
                        .encode(List.of("cat on a mat"), ProgressListener.NONE, CancellationToken.create()).getFirst();
                List<SearchHit> hits = opened.sparseSearcher().search(query, 10);
                assertFalse(hits.isEmpty(), weighting.name());
                for (HitExplanation explanation : opened.sparseSearcher().explain(query, hits)) {
                    assertEquals(explanation.hit().score(), explanation.luceneScore(),
                            1e-6 * explanation.luceneScore());
                }
            }
            assertEquals("d1", opened.bm25Searcher().search("cat mat", 1).getFirst().docId());
        }
    }

    @Test
    void indexOfAnotherModelRefusesQueriesOfThisOne() throws Exception {
        Path other = RandomModelFolder.create(dir, "bert-seed-9", "bert", "--seed", "9");
        Path corpus = Files.writeString(dir.resolve("corpus-other.jsonl"), CORPUS);
        Path index = dir.resolve("index-other");
        try (SpladeTextEncoder otherEncoder = SpladeTextEncoder.load(other, SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS)) {
            IndexBuilder.build(new IndexBuildRequest(corpus, index, other.toString(), Optional.empty(), 8),
                    otherEncoder, ProgressListener.NONE, CancellationToken.create());
        }
        SparseQuery query = new SparseQueryEncoder(encoder, QueryWeighting.ENCODER)
                .encode(List.of("cat"), ProgressListener.NONE, CancellationToken.create()).getFirst();
        try (SparseIndex opened = SparseIndex.open(index)) {
            InputFormatException e = assertThrows(InputFormatException.class,
                    () -> opened.sparseSearcher().search(query, 10));
            assertTrue(e.getMessage().contains(encoder.fingerprint()) && e.getMessage().contains(
                    opened.metadata().encoderFingerprint()), e.getMessage());
        }
    }
}
