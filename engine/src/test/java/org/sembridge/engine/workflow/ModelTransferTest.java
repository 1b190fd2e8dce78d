package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.RunMemoryEstimate;
import org.sembridge.engine.run.SampleModels;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.run.TransferSummary;

class ModelTransferTest {

    @TempDir
    Path temp;

    private TransferRequest request(String method, Path out) throws InputFormatException {
        return TransferRequest.builder(SampleModels.splade(), SampleModels.tokenizer("ko"), method, out)
                .optBridge(SampleModels.bridge())
                .build();
    }

    @Test
    void transferAndOpenPublishesTheRunFolderAndOpensIt() throws Exception {
        Path out = temp.resolve("runs").resolve("ko-mean");

        TransferredRun done = ModelTransfer.withCache(temp.resolve("cache"))
                .transferAndOpen(request("mean", out), ProgressListener.NONE, CancellationToken.create());

        assertEquals(out, done.summary().runDirectory());
        assertEquals(out, done.run().directory());
        assertEquals("mean", done.run().manifest().method());
        assertEquals(done.run().targetSize(), done.summary().targetTokens());
        assertEquals(done.summary().targetTokens(), done.summary().overlapTokens() + done.summary().newTokens()
                + done.summary().specialTokens());
    }

    @Test
    void bridgeVectorsAreCachedUnderTheGivenCacheRoot() throws Exception {
        Path cache = temp.resolve("cache");

        TransferSummary summary = ModelTransfer.withCache(cache).transfer(request("sembridge", temp.resolve("run")),
                ProgressListener.NONE, CancellationToken.create());

        assertEquals("sembridge", summary.method());
        try (Stream<Path> cached = Files.list(cache.resolve("bridge-vectors"))) {
            assertFalse(cached.toList().isEmpty(), "bridge vectors cached in " + cache.resolve("bridge-vectors"));
        }
        try (Stream<Path> hashes = Files.list(cache.resolve("file-hashes"))) {
            assertFalse(hashes.toList().isEmpty(), "file hashes memoised in " + cache.resolve("file-hashes"));
        }
    }

    @Test
    void aRunThatDoesNotFitTheMemoryLeftIsRefusedBeforeItIsReadNamingItsEstimate() throws Exception {
        Path out = temp.resolve("runs").resolve("ko-sembridge");
        ModelTransfer transfer = ModelTransfer.withCache(temp.resolve("cache"));
        TransferSummary summary = transfer.transfer(request("sembridge", out), ProgressListener.NONE,
                CancellationToken.create());
        RunMemoryEstimate estimate = RunMemoryEstimate.of(out);
        // A heap whose usable part is one byte short of the run, with nothing in use.
        long max = (long) Math.ceil((estimate.heapBytes() - 1) / MemoryBudget.USABLE_FRACTION);
        Files.delete(out.resolve("alignments.jsonl"));

        RunTooLargeException e = assertThrows(RunTooLargeException.class,
                () -> transfer.withBudget(new MemoryBudget(max, () -> 0, () -> { })).open(out));

        assertEquals(summary.targetTokens(), estimate.targetTokens());
        assertTrue(estimate.bridgeDimension() > 0, "a SemBridge run re-aligns from its bridge vectors");
        assertTrue(e.getMessage().startsWith("run " + out + " is too large for the memory left: it needs "
                + estimate.describe()), e.getMessage());
        assertTrue(e.getMessage().contains("SEMBRIDGE_JAVA_OPTS=-Xmx"), e.getMessage());
    }

    @Test
    void aRunThatFitsOpensWithTheBudgetChecked() throws Exception {
        Path out = temp.resolve("runs").resolve("ko-mean");
        ModelTransfer transfer = ModelTransfer.withCache(temp.resolve("cache"));
        transfer.transfer(request("mean", out), ProgressListener.NONE, CancellationToken.create());
        long exact = RunMemoryEstimate.of(out).heapBytes();

        LoadedRun run = transfer.withBudget(new MemoryBudget((long) Math.ceil(exact / MemoryBudget.USABLE_FRACTION) + 1,
                () -> 0, () -> { })).open(out);

        assertEquals(out, run.directory());
    }

    @Test
    void aCancelledTransferPublishesNothing() throws Exception {
        Path out = temp.resolve("cancelled");
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();

        assertThrows(OperationCancelledException.class, () -> ModelTransfer.withCache(temp.resolve("cache"))
                .transfer(request("mean", out), ProgressListener.NONE, cancel));

        assertFalse(Files.exists(out), out + " must not exist after a cancelled transfer");
    }

    @Test
    void openAllOpensTheRunsAndNamesEachFolderThatIsNotOne() throws Exception {
        ModelTransfer transfer = ModelTransfer.withCache(temp.resolve("cache"));
        Path runs = temp.resolve("runs");
        transfer.transfer(request("mean", runs.resolve("b-mean")), ProgressListener.NONE, CancellationToken.create());
        Path notARun = Files.createDirectories(runs.resolve("a-notes"));
        Files.writeString(notARun.resolve("notes.txt"), "not a run");
        Files.createDirectories(runs.resolve(".staging-123"));

        RunFolderScan scan = transfer.openAll(runs, ProgressListener.NONE, CancellationToken.create());

        assertEquals(List.of(runs.resolve("b-mean")), scan.opened().stream().map(LoadedRun::directory).toList());
        assertEquals(1, scan.problems().size(), scan.problems().toString());
        assertTrue(scan.problems().getFirst().contains("a-notes"), scan.problems().getFirst());
    }

    @Test
    void isRunFolderAnswersByTheRunManifest() throws Exception {
        Path run = temp.resolve("run");
        ModelTransfer.withCache(temp.resolve("cache")).transfer(request("mean", run), ProgressListener.NONE,
                CancellationToken.create());

        assertTrue(ModelTransfer.isRunFolder(run));
        assertFalse(ModelTransfer.isRunFolder(Files.createDirectories(temp.resolve("empty"))));
    }

    @Test
    void openAllOfAMissingFolderFailsNamingIt() {
        Path missing = temp.resolve("missing");

        IOException error = assertThrows(IOException.class, () -> ModelTransfer.withCache(temp.resolve("cache"))
                .openAll(missing, ProgressListener.NONE, CancellationToken.create()));

        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }
}
