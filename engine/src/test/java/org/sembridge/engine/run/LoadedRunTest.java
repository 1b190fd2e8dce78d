package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.AlignmentResult;
import org.sembridge.engine.transfer.TokenAlignment;

/// Inspecting a finished run: token lookup, and re-alignment for another alpha from the cached
/// bridge vectors, which must reproduce what a run with that alpha writes.
class LoadedRunTest {

    @TempDir
    static Path shared;

    private static Path source;
    private static Path bridge;
    private static Path target;
    private static Path alpha4;
    private static Path alpha2;
    private static Path mean;

    @BeforeAll
    static void runs() throws Exception {
        source = TransferFixtures.source(shared, "source", "bert");
        bridge = TransferFixtures.bridge(shared);
        target = TransferFixtures.targetTokenizer(shared);
        alpha4 = run("alpha4", "sembridge", 4.0);
        alpha2 = run("alpha2", "sembridge", 2.0);
        mean = run("mean", "mean", 4.0);
    }

    private static Path run(String name, String method, double alpha) throws Exception {
        Path out = shared.resolve(name);
        TransferFixtures.runner(shared).run(TransferRequest.builder(source, target, method, out).optBridge(bridge)
                .optAlpha(alpha).optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE, CancellationToken.create());
        return out;
    }

    private static LoadedRun open(Path run) throws Exception {
        return LoadedRun.open(run, TransferFixtures.store(shared));
    }

    @ParameterizedTest
    @ValueSource(strings = {"katze", "##en", "garten"})
    void realignToAnotherAlphaReproducesTheRunWithThatAlpha(String token) throws Exception {
        LoadedRun run = open(alpha4);
        int id = run.idOf(token).orElseThrow();
        AlignmentRecord realigned = run.realign(id, 2.0);
        AlignmentRecord expected = open(alpha2).token(id);
        assertEquals(expected.sources().stream().map(SourceWeight::id).toList(),
                realigned.sources().stream().map(SourceWeight::id).toList(), token);
        for (int k = 0; k < expected.sources().size(); k++) {
            assertEquals(expected.sources().get(k).weight(), realigned.sources().get(k).weight(), 1e-4, token);
            assertEquals(expected.sources().get(k).similarity(), realigned.sources().get(k).similarity(), 1e-5,
                    token);
        }
        assertEquals(expected.nearest().stream().map(NearestSource::id).toList(),
                realigned.nearest().stream().map(NearestSource::id).toList(), token);
        assertEquals(expected.entropyNats(), realigned.entropyNats(), 1e-3, token);
    }

    @Test
    void realignAllReproducesEveryBuiltTokenOfTheRunWithThatAlpha() throws Exception {
        LoadedRun run = open(alpha4);
        AlignmentResult result = run.realignAll(2.0, SelectedDevice.cpu(), ProgressListener.NONE,
                CancellationToken.create());
        LoadedRun expected = open(alpha2);
        int[] built = run.builtIds();
        assertEquals(built.length, result.alignments().size());
        for (int k = 0; k < built.length; k++) {
            TokenAlignment alignment = result.alignments().get(k);
            AlignmentRecord record = expected.token(built[k]);
            assertEquals(built[k], alignment.targetId());
            assertArrayEquals(record.sources().stream().mapToInt(SourceWeight::id).toArray(), alignment.sourceIds());
        }
    }

    @Test
    void realignOfARunWithoutBridgeIsRefused() throws Exception {
        LoadedRun run = open(mean);
        InputFormatException e = assertThrows(InputFormatException.class, () -> run.realign(10, 2.0));
        assertTrue(e.getMessage().contains("used no bridge"), e.getMessage());
    }

    @Test
    void realignWithAlphaOutOfRangeIsRefused() throws Exception {
        LoadedRun run = open(alpha4);
        InputFormatException e = assertThrows(InputFormatException.class, () -> run.realign(10, 9.0));
        assertTrue(e.getMessage().contains("[1, 8]"), e.getMessage());
    }

    @Test
    void realignAfterTheCacheWasClearedSaysHowToGetTheVectorsBack() throws Exception {
        LoadedRun run = LoadedRun.open(alpha4, TransferFixtures.store(shared.resolve("elsewhere")));
        InputFormatException e = assertThrows(InputFormatException.class, () -> run.realign(10, 2.0));
        assertTrue(e.getMessage().contains("run init again"), e.getMessage());
    }

    @Test
    void tokenIsFoundAsStoredAsAWordOrCaseInsensitively() throws Exception {
        LoadedRun run = open(alpha4);
        int katze = run.idOf("katze").orElseThrow();
        assertEquals("katze", run.token(katze).token());
        assertEquals(katze, run.idOf("KATZE").orElseThrow());
        assertEquals(run.idOf("##en").orElseThrow(), run.idOf("en").orElseThrow());
        assertTrue(run.idOf("zebra").isEmpty());
    }

    @Test
    void compareShowsTheSameTokenInEveryRun() throws Exception {
        List<Optional<AlignmentRecord>> records = LoadedRun.compare(List.of(open(alpha4), open(alpha2), open(mean)),
                "katze");
        assertEquals(3, records.size());
        assertTrue(records.get(0).orElseThrow().support() <= records.get(1).orElseThrow().support());
        assertEquals(0, records.get(2).orElseThrow().support());
    }

    @Test
    void openingAFolderThatIsNoRunSaysSo() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> LoadedRun.open(source));
        assertTrue(e.getMessage().contains("run.json"), e.getMessage());
    }
}
