package org.sembridge.engine.experiment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/// One cell of the experiment table: one method evaluated on one language.
///
/// @param language         the language code
/// @param method           the method (row)
/// @param scores           nDCG@10, Recall@100 and MRR@10 over the judged queries
/// @param emptyQueries     queries with nothing to search for (no positive weight after encoding, or
///     no term after BM25 analysis); they score 0
/// @param truncatedQueries queries scored on their 1,024 largest weights only (Lucene's clause
///     limit; only degenerate encoders produce more)
/// @param runFolder        the transfer run folder; empty for `base` and `bm25`
/// @param indexFolder      the index the scores were measured on
/// @param runReused        whether an earlier transfer run with the same parameters and inputs was
///     reused instead of running the transfer again
/// @param scoresReused     whether the scores come from an earlier evaluation of the same model on
///     the same files (the cell's record under `cells/`), without indexing again
/// @param seconds          wall time of the cell when it was computed (transfer, indexing,
///     searching), seconds
public record ExperimentCell(String language, ExperimentMethod method, RetrievalScores scores, int emptyQueries,
        int truncatedQueries, Optional<Path> runFolder, Path indexFolder, boolean runReused, boolean scoresReused,
        double seconds) {

    /// Checks for missing values.
    public ExperimentCell {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(runFolder, "runFolder");
        Objects.requireNonNull(indexFolder, "indexFolder");
    }

    /// This cell with `runReused` set to `value`.
    ExperimentCell withRunReused(boolean value) {
        return new ExperimentCell(language, method, scores, emptyQueries, truncatedQueries, runFolder, indexFolder,
                value, scoresReused, seconds);
    }
}
