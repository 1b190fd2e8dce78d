package org.sembridge.engine.experiment;

import java.io.IOException;
import java.nio.file.Path;

import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.eval.Evaluator;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.run.TransferRunner;
import org.sembridge.engine.workflow.ModelTransfer;

/// Runs the paper's zero-shot experiment for an [ExperimentConfig]: for every target language and
/// every method, transfer the source encoder (or not, for `base`; no encoder for `bm25`), index the
/// language's corpus with it, search its queries and evaluate against its qrels; then write the
/// table (rows = methods, columns = languages + average, cells = nDCG@10).
///
/// ```java
/// ExperimentConfig config = ExperimentConfig.read(Path.of("assets/experiments/demo.json"));
/// ExperimentResult result = ExperimentRunner.atDefaultLocation()
///         .run(config, Path.of("experiment-demo"), ReusePolicy.REUSE_MATCHING, progress, cancel);
/// ```
///
/// ## The output folder
///
/// ```
/// OUT/runs/<lang>/<method id>/        transfer run folders (sembridge init's layout: model/, run.json, ...)
/// OUT/indexes/<lang>/<method id>/     the Lucene index each cell was measured on (for `sembridge search`)
/// OUT/cells/<lang>/<method id>.json   the scores of each cell and the key they were measured under
/// OUT/table.md, OUT/table.csv         the nDCG@10 table
/// OUT/results.json                    every cell with nDCG@10, Recall@100, MRR@10, reuse flags, provenance
/// ```
///
/// Method ids are the method names, `sembridge-a<alpha>` for SemBridge. Every file and folder is
/// written atomically (runs and indexes are published complete or not at all), so a cancelled
/// experiment leaves the cells finished so far usable by the next invocation.
///
/// ## Reuse
///
/// With [ReusePolicy#REUSE_MATCHING], a transfer whose run folder records the same method,
/// parameters and input content hashes is not run again ([RunReuse]), and a cell whose record
/// under `cells/` was measured with the same model fingerprint and the same corpus, queries and
/// qrels bytes is not indexed or searched again ([CellRecords]). Changing the configuration's
/// alphas, seed, bias mode, a model or a data file therefore recomputes exactly the cells it
/// affects.
///
/// ## Evaluation
///
/// Documents are encoded with the cell's encoder (all positive weights indexed); queries with the
/// same encoder, each cut to its 1,024 largest weights (Lucene's clause limit; only degenerate
/// initialisations produce more, and the number of cut queries is reported); the top 100 documents
/// per query are evaluated with trec_eval's semantics (`org.sembridge.engine.eval`).
///
/// One runner may run many experiments, one at a time per thread.
public final class ExperimentRunner {

    /// Sub-folder of the transfer runs.
    public static final String RUNS_FOLDER = "runs";
    /// Sub-folder of the indexes.
    public static final String INDEXES_FOLDER = "indexes";
    /// Sub-folder of the cell records.
    public static final String CELLS_FOLDER = "cells";
    /// Documents retrieved and evaluated per query (Recall@100 needs 100).
    public static final int DEPTH = Evaluator.RUN_DEPTH;

    private final ModelTransfer transfers;
    private final ContentHash hashes;

    /// A runner that caches bridge vectors in `store` and hashes inputs with `hashes`.
    public ExperimentRunner(BridgeVectorStore store, ContentHash hashes) {
        this.transfers = ModelTransfer.using(new TransferRunner(store, hashes));
        this.hashes = hashes;
    }

    /// A runner with the default bridge-vector cache and hash memo (under `$SEMBRIDGE_CACHE`,
    /// else `~/.cache/sembridge`).
    public static ExperimentRunner atDefaultLocation() {
        return new ExperimentRunner(BridgeVectorStore.atDefaultLocation(), ContentHash.atDefaultLocation());
    }

    /// Runs `config` into `outFolder`, writes the tables and returns every cell.
    ///
    /// @param outFolder the experiment folder: created when missing; an existing folder must be
    ///     empty or an earlier experiment folder
    /// @param reuse     whether earlier runs and scores in `outFolder` may be used
    /// @param progress  told `experiment` (cells done of all) at the start of each cell, and every
    ///     stage of the cell's transfer, indexing and searching with the cell named in front
    /// @param cancel    checked between cells and inside every long stage
    /// @return the cells, in the configuration's order, and the reference cells
    /// @throws org.sembridge.engine.ModelFormatException when a model, tokenizer or bridge cannot be read
    /// @throws org.sembridge.engine.InputFormatException when a corpus, queries or qrels file is
    ///     malformed, or `outFolder` is an unrelated non-empty folder
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` was set; the cells
    ///     finished so far stay recorded
    /// @throws IOException when a file cannot be read or written
    public ExperimentResult run(ExperimentConfig config, Path outFolder, ReusePolicy reuse, ProgressListener progress,
            CancellationToken cancel) throws SemBridgeException, IOException {
        return new ExperimentExecution(config, outFolder, reuse, transfers, hashes, progress, cancel).execute();
    }
}
