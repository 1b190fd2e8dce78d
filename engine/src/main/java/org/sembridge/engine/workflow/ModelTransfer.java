package org.sembridge.engine.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.CacheRoot;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.RunMemoryEstimate;
import org.sembridge.engine.run.RunManifest;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.run.TransferRunner;
import org.sembridge.engine.run.TransferSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The "transfer a model" job: runs a [TransferRequest] into a run folder and opens run folders
/// with the same bridge-vector cache, for `sembridge init`, the workbench's runs page and the
/// experiment runner.
///
/// ```java
/// ModelTransfer transfer = ModelTransfer.atDefaultLocation();
/// TransferredRun done = transfer.transferAndOpen(request, progress, cancel);
/// ```
///
/// One cache root holds the bridge vectors and the memoised file hashes
/// (`<root>/bridge-vectors`, `<root>/file-hashes`); the run folder is published atomically by
/// [TransferRunner] (complete or not at all). Runs opened here read the same bridge vectors when
/// they re-align a token, so a re-alignment never embeds what the transfer already embedded.
/// One instance may serve many jobs, one at a time per thread.
public final class ModelTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTransfer.class);

    private final TransferRunner runner;
    private final MemoryBudget budget;

    private ModelTransfer(TransferRunner runner, MemoryBudget budget) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /// The job with the default cache root (`$SEMBRIDGE_CACHE`, else `$XDG_CACHE_HOME/sembridge`,
    /// else `~/.cache/sembridge`).
    public static ModelTransfer atDefaultLocation() {
        return withCache(CacheRoot.resolve());
    }

    /// The job with its bridge vectors and file hashes under `cacheRoot` (`init --cache DIR`).
    public static ModelTransfer withCache(Path cacheRoot) {
        Path root = cacheRoot.toAbsolutePath();
        ContentHash hashes = ContentHash.withMemo(root.resolve(CacheRoot.FILE_HASHES));
        return using(new TransferRunner(new BridgeVectorStore(root.resolve(CacheRoot.BRIDGE_VECTORS), hashes),
                hashes));
    }

    /// The job running transfers with `runner` (and opening runs with its bridge-vector store).
    public static ModelTransfer using(TransferRunner runner) {
        return new ModelTransfer(runner, MemoryBudget.ofRuntime());
    }

    /// This job with runs opened only when they fit `memory` (tests pass a small budget).
    public ModelTransfer withBudget(MemoryBudget memory) {
        return new ModelTransfer(runner, memory);
    }

    /// Runs `request` and publishes its run folder (see [TransferRunner#run] for what is
    /// refused and thrown). A request without a lexicon gets the bundled concepts lexicon
    /// ([RunMapping#bundledLexicon()], when it is there), so that every run records the languages
    /// its vocabulary covers (`target.languages`).
    ///
    /// @param progress told at the start of every stage and per block of the long stages
    /// @param cancel checked between stages and per block; a cancelled run publishes nothing
    public TransferSummary transfer(TransferRequest request, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException, IOException {
        Path bundled = RunMapping.bundledLexicon();
        TransferRequest withLexicon = request.lexicon() == null && Files.isRegularFile(bundled)
                ? request.withLexicon(bundled) : request;
        return runner.run(withLexicon, progress, cancel);
    }

    /// Runs `request` as [#transfer] does and opens the published run folder.
    public TransferredRun transferAndOpen(TransferRequest request, ProgressListener progress,
            CancellationToken cancel) throws SemBridgeException, IOException {
        TransferSummary summary = transfer(request, progress, cancel);
        return new TransferredRun(summary, open(summary.runDirectory()));
    }

    /// Opens the run folder `folder` with this job's bridge-vector cache, after checking from its
    /// manifest that it fits the memory left ([RunMemoryEstimate], [MemoryBudget]).
    ///
    /// @throws RunTooLargeException when the run's estimated heap does not fit (nothing is read
    ///     beyond `run.json`)
    /// @throws InputFormatException naming the folder and the file when it is not a run folder
    /// @throws IOException when a file of the run cannot be read
    public LoadedRun open(Path folder) throws IOException, InputFormatException {
        if (!Files.isDirectory(folder)) {
            return LoadedRun.open(folder, runner.store());
        }
        budget.requireRoom(RunMemoryEstimate.of(folder));
        return LoadedRun.open(folder, runner.store());
    }

    /// Whether `folder` holds a run manifest (a run folder, complete or not checked).
    public static boolean isRunFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(RunManifest.FILE_NAME));
    }

    /// Opens every run folder directly in `folder`, in name order; hidden folders (the staging
    /// folders of runs in progress or killed) are skipped. A folder that is not a run does not
    /// stop the scan: its message is collected in [RunFolderScan#problems()].
    ///
    /// @param progress told `opening run folders` (folders done of all) before each folder
    /// @param cancel checked before each folder
    /// @throws IOException when `folder` cannot be listed
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` was set
    public RunFolderScan openAll(Path folder, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        long startNanos = System.nanoTime();
        List<Path> folders;
        try (Stream<Path> entries = Files.list(folder)) {
            folders = entries.filter(Files::isDirectory)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        List<LoadedRun> opened = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path candidate : folders) {
            cancel.throwIfCancelled("opening the runs in " + folder);
            progress.onProgress("opening run folders", opened.size() + problems.size(), folders.size());
            try {
                opened.add(open(candidate));
            } catch (InputFormatException | IOException e) {
                LOG.warn("Folder {} is not a run: {}", candidate, e.getMessage());
                problems.add(e.getMessage());
            }
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        LOG.info("Opened {} runs of {} in {} ms ({} folders not runs)", opened.size(), folder, millis,
                problems.size());
        return new RunFolderScan(opened, problems, millis);
    }
}
