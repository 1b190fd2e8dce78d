package org.sembridge.engine.experiment;

import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// The content of an experiment's `results.json` ([ExperimentReport#JSON_FILE]) as values: what
/// [ExperimentReport] writes and [ExperimentResultsCodec] reads back. The member names live in
/// [ExperimentKeys]; the codec is the only place that spells them.
///
/// @param formatVersion the file's `format_version` (1 for files written before it existed)
/// @param config the experiment configuration file
/// @param out the output folder
/// @param metric the table's measure, `nDCG@10`
/// @param settings the settings every cell shared
/// @param languages the target languages' codes, in column order
/// @param rows one row per method, in table order
/// @param reference the source-language reference, when the configuration names one
/// @param provenance the provenance record as written (see `Provenance#toJson`); kept as a copy
public record ExperimentResults(int formatVersion, String config, String out, String metric, Settings settings,
        List<String> languages, List<Row> rows, Optional<Reference> reference, JsonObject provenance) {

    /// Copies the lists.
    public ExperimentResults {
        languages = List.copyOf(languages);
        rows = List.copyOf(rows);
        provenance = provenance.deepCopy();
    }

    /// The provenance record as written (a copy: changing it changes nothing here).
    @Override
    public JsonObject provenance() {
        return provenance.deepCopy();
    }

    /// The settings every cell shared.
    ///
    /// @param source the source model folder
    /// @param bridge the bridge-vector folder, `null` when none
    /// @param biasMode the decoder-bias mode's command-line name
    /// @param device the device, lower case (`cpu`, `gpu`)
    /// @param seed the random seed
    /// @param depth the run depth (hits kept per query)
    /// @param queryTermLimit the query clause limit
    public record Settings(String source, String bridge, String biasMode, String device, long seed, int depth,
            int queryTermLimit) {
    }

    /// One method's row.
    ///
    /// @param id the method's id, e.g. `sembridge-a4`
    /// @param method the method's name
    /// @param alpha alpha, `null` for a method that reads none
    /// @param label the table label
    /// @param cells the cells by language code, in file order
    /// @param average the row's averages; `null` for a reference row (which has none)
    public record Row(String id, String method, Double alpha, String label, Map<String, Cell> cells,
            Average average) {

        /// Copies the cells.
        public Row {
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }
    }

    /// One cell: a method on one language.
    ///
    /// @param ndcgAt10 nDCG@10
    /// @param recallAt100 Recall@100
    /// @param mrrAt10 MRR@10
    /// @param queries the judged queries
    /// @param emptyQueries queries with no term left after encoding
    /// @param truncatedQueries queries cut to the clause limit
    /// @param run the run folder, `null` for a method without a run (BM25, the source encoder)
    /// @param index the index folder
    /// @param runReused whether the run was reused
    /// @param scoresReused whether the scores were reused from the cell record
    /// @param seconds the cell's time in seconds
    public record Cell(double ndcgAt10, double recallAt100, double mrrAt10, int queries, int emptyQueries,
            int truncatedQueries, String run, String index, boolean runReused, boolean scoresReused,
            double seconds) {
    }

    /// A row's averages over the languages; a `null` measure was not written (no cell had it).
    ///
    /// @param ndcgAt10 the mean nDCG@10
    /// @param recallAt100 the mean Recall@100
    /// @param mrrAt10 the mean MRR@10
    public record Average(Double ndcgAt10, Double recallAt100, Double mrrAt10) {
    }

    /// The source-language reference table.
    ///
    /// @param language the source language's code
    /// @param rows its rows (without averages)
    public record Reference(String language, List<Row> rows) {

        /// Copies the rows.
        public Reference {
            rows = List.copyOf(rows);
        }
    }
}
