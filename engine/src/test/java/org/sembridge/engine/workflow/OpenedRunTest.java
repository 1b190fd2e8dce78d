package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.SourceWeight;

/// Opening real Korean sample runs through [OpenedRun], the service behind `sembridge inspect`,
/// `sembridge compare` and the workbench's token detail: token lookup by `#id` and by text, the
/// run's own record, re-alignment at another alpha, runs without a bridge, and comparison.
class OpenedRunTest {

    private static OpenedRun sembridge() {
        return OpenedRun.of(SampleRuns.korean("sembridge"));
    }

    private static OpenedRun mean() {
        return OpenedRun.of(SampleRuns.korean("mean"));
    }

    @Test
    void openReadsTheRunFolderWithTheGivenCache() throws Exception {
        LoadedRun made = SampleRuns.korean("sembridge");
        OpenedRun opened = OpenedRun.open(made.directory(), SampleRuns.store());
        assertEquals(made.targetSize(), opened.run().targetSize());
        assertEquals("sembridge", opened.run().manifest().method());
        assertTrue(opened.canRealign());
    }

    @Test
    void folderThatIsNotARunIsRefusedWithItsName(@TempDir Path empty) {
        Path missing = empty.resolve("no-run");
        InputFormatException e = assertThrows(InputFormatException.class, () -> OpenedRun.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void resolveTakesAHashIdAndAStoredToken() throws Exception {
        OpenedRun run = sembridge();
        String stored = run.run().targetTokens().get(200);
        assertEquals(5, run.resolve("#5"));
        assertEquals(200, run.resolve(stored));
        assertEquals(200, run.idOf(stored));
    }

    @Test
    void hashIdOutsideTheVocabularyNamesTheRange() {
        OpenedRun run = sembridge();
        int size = run.run().targetSize();
        InputFormatException e = assertThrows(InputFormatException.class, () -> run.resolve("#" + size));
        assertEquals("token id " + size + " is outside the target vocabulary of " + run.run().directory() + " (0.."
                + (size - 1) + ")", e.getMessage());
    }

    @Test
    void unknownTokenNamesTheRunAndItsSizeAndHowToWriteATokenWhenTyped() {
        OpenedRun run = sembridge();
        String prefix = "token 'zzqx' is not in the target vocabulary of run " + run.run().directory() + " ("
                + run.run().targetSize() + " tokens)";
        InputFormatException typed = assertThrows(InputFormatException.class, () -> run.resolve("zzqx"));
        assertEquals(prefix + "; give it as stored, e.g. ##ing, or as #id", typed.getMessage());
        InputFormatException listed = assertThrows(InputFormatException.class, () -> run.idOf("zzqx"));
        assertEquals(prefix, listed.getMessage());
    }

    @Test
    void idOfReadsAHashLikeStringAsATokenNotAnId() throws Exception {
        OpenedRun run = sembridge();
        assumeTrue(run.run().idOf("#5").isEmpty(), "the Korean sample vocabulary has no token #5");
        assertThrows(InputFormatException.class, () -> run.idOf("#5"));
    }

    @Test
    void inspectWithoutAlphaShowsTheRunsOwnRecordAtTheRunsAlpha() throws Exception {
        OpenedRun run = sembridge();
        int id = run.resolve("집");
        InspectedToken shown = run.inspect(id, OptionalDouble.empty());
        assertEquals(run.run().token(id), shown.record());
        assertEquals(4.0, shown.alpha());
        assertFalse(shown.realigned());
        assertTrue(shown.elapsedNanos() >= 0);
    }

    @Test
    void realignAtTheRunsAlphaGivesTheRunsWeights() throws Exception {
        OpenedRun run = sembridge();
        int id = run.resolve("집");
        AlignmentRecord stored = run.run().token(id);
        InspectedToken shown = run.inspect(id, OptionalDouble.of(4.0));
        assertTrue(shown.realigned());
        assertEquals(4.0, shown.alpha());
        assertEquals(stored.sources().stream().map(SourceWeight::id).toList(),
                shown.record().sources().stream().map(SourceWeight::id).toList());
        for (int i = 0; i < stored.sources().size(); i++) {
            assertEquals(stored.sources().get(i).weight(), shown.record().sources().get(i).weight(), 1e-4,
                    "weight of source " + i);
        }
    }

    @Test
    void smallerAlphaSpreadsTheWeightOverAtLeastAsManySources() throws Exception {
        OpenedRun run = sembridge();
        int id = run.resolve("집");
        int wide = run.inspect(id, OptionalDouble.of(1.5)).record().support();
        int sparse = run.inspect(id, OptionalDouble.of(8.0)).record().support();
        assertTrue(wide >= sparse, "support at alpha 1.5: " + wide + ", at alpha 8: " + sparse);
    }

    @Test
    void alphaOutsideTheRangeIsRefused() {
        OpenedRun run = sembridge();
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> run.inspect(run.resolve("집"), OptionalDouble.of(9.0)));
        assertEquals("alpha 9.0 is outside the valid range [1, 8]: expected a value from 1 (softmax) to 8 (the paper "
                + "uses 4), found 9.0", e.getMessage());
    }

    @Test
    void runWithoutABridgeShowsItsRecordButCannotRealign() throws Exception {
        OpenedRun run = mean();
        assertFalse(run.canRealign());
        int id = run.resolve("집");
        assertEquals(run.run().token(id), run.inspect(id, OptionalDouble.empty()).record());
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> run.inspect(id, OptionalDouble.of(4.0)));
        assertTrue(e.getMessage().contains("used no bridge vectors"), e.getMessage());
    }

    @Test
    void compareFindsTheTokenInEachRunInOrderOrNothing() throws Exception {
        List<Optional<AlignmentRecord>> found = OpenedRun.compare(List.of(sembridge(), mean()), "집");
        assertEquals(2, found.size());
        assertTrue(found.get(0).isPresent() && found.get(1).isPresent());
        assertEquals(found.get(0).get().token(), found.get(1).get().token(), "the same token in both runs");
        assertFalse(found.get(0).get().sources().isEmpty(), "first the SemBridge run, which chose sources");
        assertTrue(found.get(1).get().sources().isEmpty(), "then the mean run, which chooses none");

        assertEquals(List.of(Optional.empty(), Optional.empty()),
                OpenedRun.compare(List.of(sembridge(), mean()), "zzqx"));
    }
}
