package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.run.TransferRunner;

/// [RunDiff] on real Korean sample runs: SemBridge against OFA ranks every target token, a run
/// against itself differs nowhere, runs of another target tokenizer are refused, and the
/// figures of a row are those of the two runs' own records.
class RunDiffTest {

    private static OpenedRun run(String method) {
        return OpenedRun.of(SampleRuns.korean(method));
    }

    private static RunDifference diff(OpenedRun a, OpenedRun b) throws Exception {
        return RunDiff.compare(a, b, ProgressListener.NONE, CancellationToken.create());
    }

    @Test
    void everyTargetTokenIsRankedOnceMostDifferentFirst() throws Exception {
        RunDifference difference = diff(run("sembridge"), run("ofa"));
        List<TokenDifference> tokens = difference.tokens();
        assertEquals(SampleRuns.korean("sembridge").targetSize(), tokens.size());
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(i + 1, tokens.get(i).rank());
            ids.add(tokens.get(i).id());
        }
        assertEquals(tokens.size(), ids.size());
        for (int i = 1; i < tokens.size(); i++) {
            TokenDifference before = tokens.get(i - 1);
            TokenDifference after = tokens.get(i);
            if (before.comparable() && after.comparable()) {
                assertTrue(before.divergenceBits() >= after.divergenceBits(), before + " before " + after);
            }
            assertFalse(!before.comparable() && after.comparable(), "not comparable rows come last: " + before);
        }
        assertTrue(tokens.getFirst().divergenceBits() > 0, "SemBridge and OFA weigh some token differently");
        assertTrue(difference.differing() > 0);
    }

    @Test
    void aRowHoldsBothRunsOwnFigures() throws Exception {
        OpenedRun sembridge = run("sembridge");
        OpenedRun ofa = run("ofa");
        TokenDifference first = diff(sembridge, ofa).tokens().getFirst();
        AlignmentRecord a = sembridge.run().token(first.id());
        AlignmentRecord b = ofa.run().token(first.id());
        assertEquals(a.token(), first.token());
        assertEquals(a.support(), first.supportA());
        assertEquals(b.support(), first.supportB());
        assertEquals(b.support() - a.support(), first.supportChange());
        assertEquals(a.sources().getFirst().token(), first.topSourceA());
        assertEquals(b.sources().getFirst().token(), first.topSourceB());
        assertEquals(SourceWeightDivergence.bits(a.sources(), b.sources()), first.divergenceBits(), 0.0);
    }

    @Test
    void aRunAgainstItselfDiffersNowhere() throws Exception {
        OpenedRun sembridge = run("sembridge");
        RunDifference difference = diff(sembridge, sembridge);
        assertEquals(0, difference.differing());
        assertEquals(0, difference.topSourceChanges());
        assertTrue(difference.tokens().stream().filter(TokenDifference::comparable)
                .allMatch(t -> t.divergenceBits() == 0.0));
    }

    @Test
    void aStatisticalBaselineIsNotComparableAndComesLast() throws Exception {
        RunDifference difference = diff(run("sembridge"), run("mean"));
        TokenDifference last = difference.tokens().getLast();
        assertFalse(last.comparable());
        assertTrue(difference.notComparable() > 0);
        assertTrue(Double.isNaN(last.divergenceBits()));
        JsonObject json = RunDifferenceJson.toJson(difference, 0);
        assertTrue(json.getAsJsonArray("tokens").get(difference.targetTokens() - 1).getAsJsonObject()
                .get("divergence").isJsonNull());
    }

    @Test
    void runsOfAnotherTargetTokenizerAreRefusedNamingBoth(@TempDir Path folder) throws Exception {
        Path models = SampleRuns.repoRoot().resolve("sample-models");
        Path russian = folder.resolve("ru-mean");
        new TransferRunner(SampleRuns.store(), ContentHash.withoutMemo()).run(TransferRequest.builder(
                models.resolve("splade-tiny-en"), models.resolve("tokenizers").resolve("ru"), "mean", russian).build(),
                ProgressListener.NONE, CancellationToken.create());
        OpenedRun korean = run("sembridge");
        OpenedRun other = OpenedRun.of(LoadedRun.open(russian, SampleRuns.store()));

        assertFalse(RunDiff.sameTargetTokenizer(korean, other));
        InputFormatException e = assertThrows(InputFormatException.class, () -> diff(korean, other));
        assertTrue(e.getMessage().contains(korean.run().directory().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(russian.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("different target tokenizers"), e.getMessage());
    }

    @Test
    void aCancelledDiffThrows() {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        assertThrows(OperationCancelledException.class,
                () -> RunDiff.compare(run("sembridge"), run("ofa"), ProgressListener.NONE, cancel));
    }

    @Test
    void csvHasOneLinePerRowWithTheDivergenceEmptyWhereNotComparable(@TempDir Path folder) throws Exception {
        RunDifference difference = diff(run("sembridge"), run("mean"));
        Path file = folder.resolve("diff.csv");
        RunDifferenceCsv.write(difference.tokens(), file, ProgressListener.NONE, CancellationToken.create());

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(RunDifferenceCsv.HEADER, lines.getFirst());
        assertEquals(difference.targetTokens() + 1, lines.size());
        TokenDifference last = difference.tokens().getLast();
        String expected = last.rank() + "," + last.id() + "," + RunDifferenceCsv.field(last.token()) + ","
                + last.kindA().jsonName() + "," + last.kindB().jsonName() + ",,";
        assertTrue(lines.getLast().startsWith(expected), lines.getLast());
    }

    @Test
    void csvQuotesTokensWithCommasAndQuotes() {
        TokenDifference row = new TokenDifference(3, 17, "a,\"b\"", org.sembridge.engine.run.TargetTokenKind.NEW,
                org.sembridge.engine.run.TargetTokenKind.NEW, 0.25, "x", "y", 2, 5);
        assertEquals("3,17,\"a,\"\"b\"\"\",new,new,0.250000,x,y,true,2,5,3", RunDifferenceCsv.line(row));
    }

    @Test
    void aCancelledCsvExportWritesNoFile(@TempDir Path folder) throws Exception {
        RunDifference difference = diff(run("sembridge"), run("ofa"));
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        Path file = folder.resolve("diff.csv");
        assertThrows(OperationCancelledException.class,
                () -> RunDifferenceCsv.write(difference.tokens(), file, ProgressListener.NONE, cancel));
        assertFalse(Files.exists(file));
    }
}
