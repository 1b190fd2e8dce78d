package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Path;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.OutputMarker;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;

/// Runs one language transfer end to end and writes its run folder (see the package guide for
/// the stages and the folder layout).
///
/// ```java
/// TransferRequest request = TransferRequest.builder(source, targetTokenizer, "sembridge", out)
///         .optBridge(bridge).optAlpha(4).build();
/// TransferSummary summary = TransferRunner.atDefaultLocation().run(request, progress, cancel);
/// ```
///
/// The run folder appears complete or not at all: it is built in a staging folder next to `out`
/// and renamed into place at the end; cancellation, a bad input found late, or an I/O failure
/// (a full disk) delete the staging folder and leave `out` as it was. An existing `out` is
/// replaced only when it is empty or a complete run folder of this tool ([OutputMarker] of kind
/// [#OUTPUT_KIND]); staging folders of killed runs are removed at the next run to the same `out`.
///
/// One runner may serve many runs, one at a time per thread; each run opens and closes its own
/// models.
public final class TransferRunner {

    /// The [OutputMarker] kind of a run folder.
    public static final String OUTPUT_KIND = "run";

    private final BridgeVectorStore store;
    private final ContentHash hashes;
    private final FileWriteGate gate;

    /// A runner that caches bridge vectors in `store` and hashes inputs with `hashes`.
    public TransferRunner(BridgeVectorStore store, ContentHash hashes) {
        this(store, hashes, FileWriteGate.NONE);
    }

    TransferRunner(BridgeVectorStore store, ContentHash hashes, FileWriteGate gate) {
        this.store = store;
        this.hashes = hashes;
        this.gate = gate;
    }

    /// A runner with the default bridge-vector cache and hash memo (under `$SEMBRIDGE_CACHE`,
    /// else `~/.cache/sembridge`).
    public static TransferRunner atDefaultLocation() {
        return new TransferRunner(BridgeVectorStore.atDefaultLocation(), ContentHash.atDefaultLocation());
    }

    /// The bridge-vector cache this runner uses (the interactive alignment of [LoadedRun] reads
    /// the same cache).
    public BridgeVectorStore store() {
        return store;
    }

    /// Runs `request` and publishes its run folder.
    ///
    /// @param progress told at the start of every stage (`done = 0`, `total = -1`) and by the
    ///     long stages (bridge embedding, alignment) per block
    /// @param cancel checked between stages and per block; a cancelled run publishes nothing
    /// @return counts, timings and whether the run was a no-op (no new target token)
    /// @throws org.sembridge.engine.ModelFormatException when the source model, the target
    ///     tokenizer or the bridge cannot be read
    /// @throws InputFormatException when the request cannot be carried out: unknown method,
    ///     alpha out of range, no bridge for a bridge method, bridge vectors of different
    ///     dimensions or with a zero, NaN or infinite vector, `out` an unrelated folder
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` was set
    /// @throws IOException when the run folder cannot be written (nothing is left behind)
    public TransferSummary run(TransferRequest request, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException, IOException {
        requireReplaceable(request.out());
        AtomicFiles.removeOrphans(request.out());
        return new TransferRun(request, store, hashes, gate, progress, cancel).execute();
    }

    /// Refuses to replace a folder that is neither empty nor a complete run folder, so that a
    /// mistyped `--out` never deletes unrelated files.
    private static void requireReplaceable(Path out) throws IOException, InputFormatException {
        OutputMarker.requireReplaceable(out, OUTPUT_KIND, "run folder", "is not a run folder");
    }
}
