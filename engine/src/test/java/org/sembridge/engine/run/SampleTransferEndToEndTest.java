package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SparseEncoder;
import org.sembridge.engine.encoder.SparseVector;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// End to end on the generated sample models: `splade-tiny-en` transferred to the Korean,
/// Russian, Arabic, Hindi and Chinese sample tokenizers with `bridge-tiny-multi` at alpha 4.
/// Word-translation precision@1 on the concept lexicon must reach 0.8 per language, and the
/// adapted model must encode target-language queries onto target tokens of their concepts.
/// The five runs share one bridge-vector cache (the English vocabulary is embedded once); the
/// class takes about 20 s on an idle 2-core machine (bridge embedding of 21,000 token texts).
class SampleTransferEndToEndTest {

    private static final double MIN_PRECISION_AT_1 = 0.8;
    private static final int TOP_TERMS = 10;

    @TempDir
    static Path shared;

    private static final Map<String, Path> RUNS = new LinkedHashMap<>();
    private static final Map<String, Double> SECONDS = new LinkedHashMap<>();
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    @BeforeAll
    static void transferToEveryLanguage() throws Exception {
        TransferRunner runner = TransferFixtures.runner(shared);
        for (String language : SampleModels.LANGUAGES) {
            Path out = shared.resolve("run-" + language);
            TransferSummary summary = runner.run(TransferRequest.builder(SampleModels.splade(),
                    SampleModels.tokenizer(language), "sembridge", out).optBridge(SampleModels.bridge())
                    .optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE, CancellationToken.create());
            RUNS.put(language, out);
            SECONDS.put(language, summary.totalSeconds());
        }
    }

    @AfterAll
    static void printFigures() {
        SECONDS.forEach((language, seconds) -> System.out.printf(Locale.ROOT, "e2e %s: run %.1f s, %s%n", language,
                seconds, FIGURES.getOrDefault(language, "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ru", "ar", "hi", "zh"})
    void lexiconPrecisionAtOneReachesPointEight(String language) throws Exception {
        LoadedRun run = LoadedRun.open(RUNS.get(language));
        LexiconEvaluation result = LexiconEvaluator.evaluate(run,
                LexiconEvaluator.read(SampleModels.concepts(), Optional.of(language), run));
        FIGURES.merge(language, String.format(Locale.ROOT, "P@1 %.3f P@5 %.3f over %d words (%d skipped)",
                result.precisionAt1(), result.precisionAt5(), result.evaluated(),
                result.skippedNotSingleTargetToken() + result.skippedNoSingleSourceToken()), (a, b) -> a + ", " + b);
        assertTrue(result.evaluated() >= 100, language + ": only " + result.evaluated() + " words evaluated");
        assertTrue(result.precisionAt1() >= MIN_PRECISION_AT_1, language + ": " + result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ru", "ar", "hi", "zh"})
    void adaptedModelEncodesQueriesOntoTokensOfTheirConcepts(String language) throws Exception {
        Map<String, String> queries = tsv(SampleModels.repoRoot().resolve("assets/demo").resolve(language)
                .resolve("queries.tsv"), 0, 1);
        Map<String, String> queryConcepts = tsv(SampleModels.repoRoot().resolve("assets/demo/query_concepts.tsv"), 0, 2);
        Map<String, List<String>> conceptWords = conceptWords(language);
        HfModelFolder model = HfModelFolder.open(RUNS.get(language).resolve("model"));
        int withConceptTopTerm = 0;
        int withConceptInTop = 0;
        List<String> ids = new ArrayList<>(queries.keySet());
        try (SparseEncoder encoder = SparseEncoder.load(model, SelectedDevice.cpu(), SpladeSettings.DEFAULTS)) {
            List<SparseVector> vectors = encoder.encode(ids.stream().map(queries::get).toList());
            for (int q = 0; q < ids.size(); q++) {
                Set<String> expected = new HashSet<>();
                for (String concept : queryConcepts.get(ids.get(q)).split("\\|")) {
                    for (String word : conceptWords.get(concept)) {
                        encoder.tokenizer().tokenStrings(word).forEach(t -> expected.add(piece(t)));
                    }
                }
                List<String> top = vectors.get(q).tokenStrings(encoder.vocabulary()).stream().limit(TOP_TERMS)
                        .map(SampleTransferEndToEndTest::piece).toList();
                if (!top.isEmpty() && expected.contains(top.getFirst())) {
                    withConceptTopTerm++;
                }
                if (top.stream().anyMatch(expected::contains)) {
                    withConceptInTop++;
                }
            }
        }
        FIGURES.merge(language, String.format(Locale.ROOT, "queries with a concept token as top term %d/%d, in top %d "
                + "%d/%d", withConceptTopTerm, ids.size(), TOP_TERMS, withConceptInTop, ids.size()),
                (a, b) -> a + ", " + b);
        assertTrue(withConceptInTop >= 0.9 * ids.size(), language + ": only " + withConceptInTop + " of " + ids.size()
                + " queries have a token of their concepts among their top " + TOP_TERMS + " terms");
    }

    @Test
    void koreanModelGivesTheNumpyReferenceSpladeVectors() throws Exception {
        Map<String, String> queries = tsv(SampleModels.repoRoot().resolve("assets/demo/ko/queries.tsv"), 0, 1);
        NumpySplade.assertEngineMatchesNumpy(RUNS.get("ko").resolve("model"),
                queries.values().stream().limit(8).toList());
    }

    /// A WordPiece token without its continuation marker: `##头` and `头` are the same piece of
    /// text (the Chinese tokenizer splits every character into its own word, the model scores
    /// both spellings).
    private static String piece(String token) {
        return token.startsWith("##") ? token.substring(2) : token;
    }

    /// `key -> value` from two columns of a tab-separated file (first line is a header when its
    /// first cell is not a key of the data, e.g. `qid`).
    private static Map<String, String> tsv(Path file, int keyColumn, int valueColumn) throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            if (!line.isBlank() && !cells[keyColumn].equals("qid")) {
                map.put(cells[keyColumn], cells[valueColumn]);
            }
        }
        return map;
    }

    /// Concept name -> its words in `language` (concepts.tsv).
    private static Map<String, List<String>> conceptWords(String language) throws Exception {
        List<String> lines = Files.readAllLines(SampleModels.concepts(), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.getFirst().split("\t"));
        int column = header.indexOf(language);
        Map<String, List<String>> words = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            words.put(cells[0], cells[column].isBlank() ? List.of() : List.of(cells[column].split("\\|")));
        }
        return words;
    }
}
