package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;

/// Behaviour of the SPLADE encoder around the forward pass (numerics: [EncoderReferenceTest]).
class SparseEncoderTest {

    private static final List<String> TEXTS = List.of("the cat sat on the mat", "blue car", "dogs and cats");

    @TempDir
    static Path models;

    private static HfModelFolder bert;
    private static SparseEncoder encoder;

    @BeforeAll
    static void load() throws Exception {
        bert = HfModelFolder.open(RandomModelFolder.create(models, "bert", "bert"));
        encoder = SparseEncoder.load(bert, SelectedDevice.cpu(), SpladeSettings.DEFAULTS);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void sumPoolingMatchesNumpyReference() throws Exception {
        try (SparseEncoder sum = SparseEncoder.load(bert, SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS.withPooling(SpladePooling.SUM));
                TextTokenizer tokenizer = bert.openTokenizer()) {
            List<SparseVector> vectors = sum.encode(TEXTS);
            ReferenceEncoder reference = ReferenceEncoder.run(bert.directory(), tokenizer.encodeBatch(TEXTS),
                    SpladePooling.SUM);

            for (int i = 0; i < TEXTS.size(); i++) {
                RelativeError.assertClose("sum splade[" + i + "]",
                        EncoderReferenceTest.dense(vectors.get(i), 121), reference.splade()[i]);
            }
        }
    }

    @Test
    void fusedDecoderPoolingGivesTheWeightsOfLibtorchLogitBlocks() throws Exception {
        assumeTrue(encoder.fusedPooling(), "OpenBLAS not loadable here: no fused path to compare");
        HfModelFolder sample = HfModelFolder.open(Path.of(System.getProperty("sembridge.repo.root", "."),
                "sample-models", "splade-tiny-en"));
        List<String> texts = List.of("a", "the cat sat on the mat and the dog sat too", "blue", "red car",
                "the quick brown fox jumps over the lazy dog ".repeat(30));
        for (HfModelFolder folder : List.of(bert, sample)) {
            try (SparseEncoder both = SparseEncoder.load(folder, SelectedDevice.cpu(), SpladeSettings.DEFAULTS)) {
                int vocab = both.model().config().vocabSize();
                List<SparseVector> fused = both.encode(texts);
                List<SparseVector> unfused = both.encodeUnfused(texts);

                for (int i = 0; i < texts.size(); i++) {
                    RelativeError.assertClose(folder.directory().getFileName() + " text " + i,
                            EncoderReferenceTest.dense(fused.get(i), vocab),
                            widened(EncoderReferenceTest.dense(unfused.get(i), vocab)));
                }
            }
        }
    }

    @Test
    void termsArePositiveAndSortedByWeightDescending() throws Exception {
        SparseVector vector = encoder.encode(List.of("the big red house")).getFirst();

        assertTrue(vector.size() > 0);
        for (int i = 0; i < vector.size(); i++) {
            assertTrue(vector.weights()[i] > 0);
            if (i > 0) {
                assertTrue(vector.weights()[i - 1] >= vector.weights()[i]);
            }
        }
    }

    @Test
    void maxTermsKeepsTheLargestWeights() throws Exception {
        SparseVector full = encoder.encode(List.of("the big red house")).getFirst();
        try (SparseEncoder pruned = SparseEncoder.load(bert, SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS.withMaxTerms(5))) {
            SparseVector top = pruned.encode(List.of("the big red house")).getFirst();

            assertEquals(5, top.size());
            for (int i = 0; i < 5; i++) {
                assertEquals(full.tokenIds()[i], top.tokenIds()[i]);
                assertEquals(full.weights()[i], top.weights()[i], 1e-6f);
            }
        }
    }

    @Test
    void vectorsDoNotDependOnBatchSizeOrOrder() throws Exception {
        List<String> texts = List.of("a", "the cat sat on the mat and the dog sat too", "blue", "red car");
        List<SparseVector> batched = encoder.encode(texts);
        try (SparseEncoder single = SparseEncoder.load(bert, SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS.withBatchSize(1))) {
            List<SparseVector> one = single.encode(texts);

            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(one.get(i).tokenIds(), batched.get(i).tokenIds(), "text " + i);
                assertArrayEquals(one.get(i).weights(), batched.get(i).weights(), 1e-5f, "text " + i);
            }
        }
    }

    @Test
    void tokenStringsComeFromTheVocabulary() throws Exception {
        SparseVector vector = encoder.encode(List.of("cat")).getFirst();

        List<String> strings = vector.tokenStrings(encoder.vocabulary());

        assertEquals(encoder.vocabulary().get(vector.tokenIds()[0]), strings.getFirst());
    }

    @Test
    void emptyTextIsRefusedNamingItsPosition() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> encoder.encode(List.of("the cat", "   ", "dog")));

        assertTrue(e.getMessage().contains("text 2 of 3") && e.getMessage().contains("empty or blank"),
                e.getMessage());
    }

    @Test
    void textLongerThanThePositionLimitIsTruncatedFlaggedAndWarned() throws Exception {
        String longText = "the cat sat on the mat ".repeat(20);
        List<SparseVector> vectors;
        String log;
        try (CapturedStderr stderr = new CapturedStderr()) {
            vectors = encoder.encode(List.of("short text", longText));
            log = stderr.text();
        }

        assertAll(
                () -> assertFalse(vectors.get(0).truncated()),
                () -> assertTrue(vectors.get(1).truncated()),
                () -> assertTrue(log.contains("WARN") && log.contains("1 of 2 texts exceed the 40-token limit")
                        && log.contains("text 2"), log));
    }

    @Test
    void cancelledTokenStopsBeforeTheFirstBatch() {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();

        assertThrows(OperationCancelledException.class,
                () -> encoder.encode(TEXTS, (stage, done, total) -> { }, cancel));
    }

    @Test
    void progressReachesTheTextCount() throws Exception {
        List<Long> reported = new ArrayList<>();

        encoder.encode(List.of("a", "b", "c"), (stage, done, total) -> reported.add(done), CancellationToken.create());

        assertEquals(3L, reported.getLast());
    }

    @Test
    void bareEncoderWithoutMlmHeadIsRefusedForSplade() throws Exception {
        HfModelFolder bare = HfModelFolder.open(RandomModelFolder.create(models, "bare", "bert", "--bridge"));

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> SparseEncoder.load(bare, SelectedDevice.cpu(), SpladeSettings.DEFAULTS));

        assertTrue(e.getMessage().contains("no masked-language-model head")
                && e.getMessage().contains("'cls.predictions.transform.dense.weight'"), e.getMessage());
    }

    @Test
    void nonFiniteWeightIsRefusedAtLoadNamingTheTensor() throws Exception {
        String tensor = "bert.encoder.layer.1.intermediate.dense.bias";
        HfModelFolder poisoned = HfModelFolder.open(
                RandomModelFolder.create(models, "poisoned", "bert", "--poison", tensor));

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> SparseEncoder.load(poisoned, SelectedDevice.cpu(), SpladeSettings.DEFAULTS));

        assertTrue(e.getMessage().contains("'" + tensor + "'") && e.getMessage().contains("NaN")
                && e.getMessage().contains("model.safetensors"), e.getMessage());
    }

    private static double[] widened(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }
}
