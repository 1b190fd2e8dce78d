package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.vocab.Vocabulary;

/// Word-translation precision@1/@5 on a hand-made run whose answers are known.
class LexiconEvaluatorTest {

    /// Source ids: 1 house, 2 home, 3 dog, 4 cat, 5 water, 6 ##s, 7 tree, 8 sun, 9 moon.
    private static final List<String> SOURCE = List.of("[CLS]", "house", "home", "dog", "cat", "water", "##s",
            "tree", "sun", "moon");
    /// Target ids: 1 집 (house first: hit@1), 2 개 (cat, dog: hit@5 only), 3 물 (sun: miss),
    /// 4 고양이 (statistical: miss), 5 ##다 (continuation: not a word), 6 water (overlap copy: hit).
    private static final List<String> TARGET = List.of("[CLS]", "집", "개", "물", "고양이", "##다", "water");

    @TempDir
    Path dir;

    private LoadedRun run;

    @BeforeEach
    void writeRun() throws Exception {
        VocabularyFile.write(dir.resolve(VocabularyFile.SOURCE_FILE_NAME), Vocabulary.of(SOURCE, Set.of(0)), List.of());
        VocabularyFile.write(dir.resolve(VocabularyFile.TARGET_FILE_NAME), Vocabulary.of(TARGET, Set.of(0)), List.of());
        List<AlignmentRecord> records = List.of(
                AlignmentRecord.copied(0, "[CLS]", TargetTokenKind.SPECIAL, 0, "[CLS]", 0f),
                built(1, "집", new int[] {1, 2}),
                built(2, "개", new int[] {4, 3}),
                built(3, "물", new int[] {8, 9}),
                AlignmentRecord.drawn(4, "고양이", TargetTokenKind.NEW, 0f),
                built(5, "##다", new int[] {6}),
                AlignmentRecord.copied(6, "water", TargetTokenKind.OVERLAP, 5, "water", 0f));
        AlignmentsFile.write(dir.resolve(AlignmentsFile.FILE_NAME), records.size(), records::get);
        Files.writeString(dir.resolve(RunManifest.FILE_NAME), "{\"format\": \"sembridge-run\", \"method\": \"sembridge\","
                + " \"parameters\": {\"alpha\": 4.0, \"bias_mode\": \"index\", \"seed\": 42},"
                + " \"inputs\": {\"bridge\": null}, \"counts\": {}, \"timings_seconds\": {}}");
        run = LoadedRun.open(dir);
    }

    private static AlignmentRecord built(int id, String token, int[] sources) {
        float[] weights = new float[sources.length];
        float[] similarities = new float[sources.length];
        for (int k = 0; k < sources.length; k++) {
            weights[k] = (sources.length - k) / (float) (sources.length * (sources.length + 1) / 2);
            similarities[k] = 0.9f - 0.1f * k;
        }
        TokenAlignment alignment = new TokenAlignment(id, sources, weights, similarities, sources, similarities, false);
        return AlignmentRecord.built(token, TargetTokenKind.NEW, alignment, SOURCE, SOURCE.size(), 0f);
    }

    private Path muse(String... lines) throws Exception {
        Path file = dir.resolve("en-ko.txt");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void precisionCountsGoldSourcesAmongTheHeaviestSources() throws Exception {
        Path lexicon = muse("house 집", "home 집", "dog 개", "water 물", "cat 고양이", "water water");
        LexiconEvaluation result = LexiconEvaluator.evaluate(run, LexiconEvaluator.read(lexicon, Optional.empty(), run));
        assertEquals(5, result.evaluated());
        assertEquals(2, result.hitsAt1());
        assertEquals(3, result.hitsAt5());
        assertEquals(0.4, result.precisionAt1(), 1e-12);
        assertEquals(0.6, result.precisionAt5(), 1e-12);
        assertEquals(1, result.evaluatedOverlap());
    }

    @Test
    void wordsThatAreNotSingleTokensOnBothSidesAreSkippedAndCounted() throws Exception {
        Path lexicon = muse("house 집", "river 강", "daughter 딸", "houses 다", "zebra 개");
        LexiconEvaluation result = LexiconEvaluator.evaluate(run, LexiconEvaluator.read(lexicon, Optional.empty(), run));
        assertEquals(1, result.evaluated());
        // 다 is one target token in its continuation form (##다) since issue 13; its gold word is not a source token
        assertEquals(2, result.skippedNotSingleTargetToken());
        assertEquals(2, result.skippedNoSingleSourceToken());
    }

    @Test
    void aWordThatIsOnlyAContinuationTokenIsEvaluatedAndItsFormListed() throws Exception {
        Path lexicon = muse("house 집", "cats 다", "cat 다");
        LexiconEvaluation result = LexiconEvaluator.evaluate(run, LexiconEvaluator.read(lexicon, Optional.empty(), run));

        assertEquals(2, result.evaluated());
        LexiconEvaluation.WordResult da = result.words().stream().filter(w -> w.word().equals("다")).findFirst()
                .orElseThrow();
        assertEquals(TargetWordForm.Form.CONTINUATION, da.form());
        assertEquals("##다", da.token());
        assertEquals(TargetWordForm.Form.WORD_START, result.words().stream().filter(w -> w.word().equals("집"))
                .findFirst().orElseThrow().form());
    }

    @Test
    void byteLevelSpellingOfAWordIsFoundWhenItsCanonicalFormIsNot() {
        assertEquals("ì§ĳ", TargetWordForm.byteLevelSpelling("집"));
    }

    @Test
    void conceptsLanguageIsInferredFromTheTargetVocabulary() throws Exception {
        Path concepts = dir.resolve("concepts.tsv");
        Files.writeString(concepts, "concept\ttopic\ten\tko\tru\nhouse\thome\thouse|home\t집\tдом\n"
                + "dog\tanimal\tdog\t개\tсобака\n", StandardCharsets.UTF_8);
        LexiconEvaluator.LanguageLexicon lexicon = LexiconEvaluator.read(concepts, Optional.empty(), run);
        assertEquals("ko", lexicon.language());
        LexiconEvaluation result = LexiconEvaluator.evaluate(run, lexicon);
        assertEquals(2, result.evaluated());
        assertEquals(1, result.hitsAt1());
    }

    @Test
    void conceptsWithoutAColumnInTheTargetVocabularyAskForLang() throws Exception {
        Path concepts = dir.resolve("concepts.tsv");
        Files.writeString(concepts, "concept\ttopic\ten\tru\nhouse\thome\thouse\tдом\n", StandardCharsets.UTF_8);
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> LexiconEvaluator.read(concepts, Optional.empty(), run));
        assertTrue(e.getMessage().contains("--lang"), e.getMessage());
    }

    @Test
    void theLanguageTheRunRecordedChoosesTheConceptsColumn() throws Exception {
        Path manifest = dir.resolve(RunManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"counts\"",
                "\"target\": {\"language\": \"ru\", \"language_origin\": \"option\"}, \"counts\""));
        Path concepts = dir.resolve("concepts.tsv");
        Files.writeString(concepts, "concept\ttopic\ten\tko\tru\nhouse\thome\thouse|home\t집\tдом\n"
                + "dog\tanimal\tdog\t개\tсобака\n", StandardCharsets.UTF_8);

        LexiconEvaluator.LanguageLexicon lexicon = LexiconEvaluator.read(concepts, Optional.empty(),
                LoadedRun.open(dir));

        assertEquals("ru", lexicon.language());
    }
}
