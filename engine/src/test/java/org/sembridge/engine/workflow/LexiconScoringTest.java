package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.TextLineReader;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LexiconEvaluation;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.SampleModels;
import org.sembridge.engine.run.TransferRequest;

class LexiconScoringTest {

    @TempDir
    static Path temp;

    static Path runFolder;
    static LoadedRun run;

    @BeforeAll
    static void transferToKorean() throws Exception {
        runFolder = temp.resolve("ko-mean");
        run = ModelTransfer.withCache(temp.resolve("cache")).transferAndOpen(
                TransferRequest.builder(SampleModels.splade(), SampleModels.tokenizer("ko"), "mean", runFolder).build(),
                ProgressListener.NONE, CancellationToken.create()).run();
    }

    private static Path muse(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text);
    }

    @Test
    void copiedWordsAreHitsAndWordsWithoutSingleTokensAreCountedAsSkipped() throws Exception {
        // "internet", "video" and "news" are word tokens of both vocabularies, so the transfer
        // copies them: their heaviest source is the English word itself. "zzqxw" is no source
        // token; the last target word is no single Korean token.
        Path lexicon = muse("copies.txt", "internet internet\nvideo video\nnews news\nzzqxw 집\nhouse 없는말이에요요요\n");

        LexiconReport report = LexiconScoring.evaluate(runFolder, lexicon, Optional.empty(),
                TextLineReader.DEFAULT_MAX_LINE_BYTES);

        LexiconEvaluation e = report.evaluation();
        assertEquals("mean", report.method());
        assertEquals("muse", e.language());
        assertEquals(5, e.targetWords());
        assertEquals(3, e.evaluated());
        assertEquals(3, e.evaluatedOverlap());
        assertEquals(1, e.skippedNoSingleSourceToken());
        assertEquals(1, e.skippedNotSingleTargetToken());
        assertEquals(1.0, e.precisionAt1());
        assertEquals(1.0, e.precisionAt5());
    }

    @Test
    void theConceptsTableIsReadInTheRunsLanguage() throws Exception {
        Path concepts = SampleModels.concepts();

        LexiconReport report = LexiconScoring.evaluate(runFolder, concepts, Optional.empty(),
                TextLineReader.DEFAULT_MAX_LINE_BYTES);

        LexiconEvaluation e = report.evaluation();
        assertEquals("ko", e.language());
        assertEquals(e.targetWords(), e.evaluated() + e.skippedNotSingleTargetToken() + e.skippedNoSingleSourceToken());
        assertEquals(e.evaluated(), e.words().size());
    }

    @Test
    void goldSourcesCoverExactlyTheEvaluatedTargetTokens() throws Exception {
        Path concepts = SampleModels.concepts();

        LexiconGoldSources gold = LexiconScoring.goldSources(run, concepts).orElseThrow();
        LexiconEvaluation e = LexiconScoring.evaluate(runFolder, concepts, Optional.empty(),
                TextLineReader.DEFAULT_MAX_LINE_BYTES).evaluation();

        assertEquals("ko", gold.language());
        Set<Integer> evaluatedIds = e.words().stream().map(LexiconEvaluation.WordResult::targetId)
                .collect(Collectors.toSet());
        assertEquals(evaluatedIds, gold.goldSources().keySet());
    }

    @Test
    void noGoldSourcesWithoutALexiconFile() throws Exception {
        assertEquals(Optional.empty(), LexiconScoring.goldSources(run, temp.resolve("missing.tsv")));
    }

    @Test
    void noGoldSourcesWhenTheTableHasNoColumnInTheRunsLanguage() throws Exception {
        Path german = Files.writeString(temp.resolve("german.tsv"), "concept\ten\tde\nhouse\thouse\tHaus\n");

        assertEquals(Optional.empty(), LexiconScoring.goldSources(run, german));
    }

    @Test
    void aMalformedLexiconLineIsRefusedNamingFileAndLine() throws Exception {
        Path broken = muse("broken.txt", "internet internet\nonlyoneword\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> LexiconScoring.evaluate(runFolder,
                broken, Optional.empty(), TextLineReader.DEFAULT_MAX_LINE_BYTES));

        assertTrue(error.getMessage().contains(broken + ":2"), error.getMessage());
    }
}
