/// The paper's zero-shot experiment in one call: every initialisation method on every target
/// language, evaluated by retrieval, summarised in a table shaped like the paper's.
///
/// ## Data flow
///
/// ```
/// experiment.json --ExperimentConfig.read--> ExperimentConfig (methods x languages [+ reference])
/// per language: queries + qrels read, corpus/queries/qrels hashed
/// per (language, method):
///     transfer   ModelTransfer.transfer -> runs/<lang>/<id>/  (skipped: base, bm25; reused when RunReuse matches)
///     index      IndexBuilding.build -> indexes/<lang>/<id>/  (bm25: BM25 field only, LexicalOnlyEncoder)
///     search +   OpenedIndex.withEncoder(...).evaluate(SPARSE | BM25), the same service as `sembridge
///     evaluate   eval` and the workbench; queries cut to the clause limit (TopWeightsEncoder)
///                -> RetrievalScores -> ExperimentCell -> cells/<lang>/<id>.json
///                (the whole step is skipped when CellRecords has the cell under the same key)
/// ExperimentResult --ExperimentReport--> table.md, table.csv, results.json
/// ```
///
/// ## Key classes
///
/// - [ExperimentConfig] and its JSON format; [ExperimentConfigReader] reports every problem as an
///   `InputFormatException` naming the file and the key (`languages.ko.corpus`).
/// - [ExperimentMethod]: a row (`base`, an initializer, `sembridge` at one alpha, `bm25`), with the
///   paper's label.
/// - [ExperimentRunner]: the entry point; progress per cell, cancellation between and inside cells.
/// - [ExperimentReport]: Markdown, CSV and JSON.
/// - [ExperimentResults] and [ExperimentResultsCodec]: `results.json` as values, written and read
///   back (a file without `format_version` is version 1; a newer one is refused).
/// - `ExperimentKeys`: the member names of the cell records and `results.json`, shared by their
///   writers and readers.
///
/// ## Invariants
///
/// - **Same conditions per row.** Every encoder row indexes the same corpus with all its positive
///   weights, encodes the same queries, keeps the top [ExperimentRunner#DEPTH] documents and is
///   scored with trec_eval's semantics; `base` is the source encoder with its own tokenizer on the
///   target text (what the paper calls no transfer).
/// - **Reuse is exact.** A transfer run is reused only when method, parameters and the content
///   hashes of source, target tokenizer and bridge match ([RunReuse]); scores are reused only when
///   the model fingerprint and the bytes of corpus, queries and qrels match ([CellRecords]).
///   The device is not part of either key.
/// - **Nothing half-written.** Runs and indexes are published complete or not at all; records and
///   tables are written atomically; a cancelled experiment keeps the cells it finished.
package org.sembridge.engine.experiment;
