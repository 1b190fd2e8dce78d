package org.sembridge.engine.experiment;

import org.sembridge.engine.io.FormatVersion;

/// The member names of the experiment's JSON files, in one place: the cell records
/// (`cells/<language>/<method id>.json`, written and read by [CellRecords]) and `results.json`
/// (written and read by [ExperimentResultsCodec] as [ExperimentResults]), whose cells use the same
/// score names.
final class ExperimentKeys {

    // Shared envelope.
    static final String FORMAT = "format";
    static final String FORMAT_VERSION = "format_version";

    // A cell: in a cell record and in results.json's rows.
    static final String KEY = "key";
    static final String LANGUAGE = "language";
    static final String METHOD = "method";
    static final String ALPHA = "alpha";
    static final String NDCG_AT_10 = "ndcg@10";
    static final String RECALL_AT_100 = "recall@100";
    static final String MRR_AT_10 = "mrr@10";
    static final String QUERIES = "queries";
    static final String EMPTY_QUERIES = "empty_queries";
    static final String TRUNCATED_QUERIES = "truncated_queries";
    static final String RUN = "run";
    static final String INDEX = "index";
    static final String SECONDS = "seconds";
    static final String RUN_REUSED = "run_reused";
    static final String SCORES_REUSED = "scores_reused";

    // results.json.
    static final String CONFIG = "config";
    static final String OUT = "out";
    static final String METRIC = "metric";
    static final String SETTINGS = "settings";
    static final String SOURCE = "source";
    static final String BRIDGE = "bridge";
    static final String BIAS_MODE = "bias_mode";
    static final String DEVICE = "device";
    static final String SEED = "seed";
    static final String DEPTH = "depth";
    static final String QUERY_TERM_LIMIT = "query_term_limit";
    static final String LANGUAGES = "languages";
    static final String ROWS = "rows";
    static final String ID = "id";
    static final String LABEL = "label";
    static final String CELLS = "cells";
    static final String AVERAGE = "average";
    static final String REFERENCE = "reference";
    static final String PROVENANCE = "provenance";

    /// The version rule of a cell record (a newer record is a cache miss, see [CellRecords]).
    static final FormatVersion CELL_VERSION =
            new FormatVersion("experiment cell record", FORMAT_VERSION, CellRecords.FORMAT_VERSION);
    /// The version `results.json` is written with.
    static final FormatVersion RESULTS_VERSION =
            new FormatVersion("experiment results", FORMAT_VERSION, ExperimentReport.FORMAT_VERSION);

    private ExperimentKeys() {
    }
}
