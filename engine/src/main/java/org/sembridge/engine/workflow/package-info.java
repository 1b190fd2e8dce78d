/// Whole user-level jobs, one service per job, used alike by the command line, the workbench's
/// view models and the experiment runner: a command parses options, calls a service and prints;
/// a view model holds UI state and calls a service. Neither assembles a workflow from the
/// low-level packages itself.
///
/// **Transfer, model inspection, export, lexicon** (the `init`, `info`, `export` and
/// `lexicon-eval` commands, the runs and models pages, the inspector's lexicon column and the
/// experiment runner's transfers): [ModelTransfer] runs a `run.TransferRequest` into a run folder
/// and opens run folders (one, or all of a folder as a [RunFolderScan]) with the same
/// bridge-vector cache ([TransferredRun] pairs the summary with the opened run);
/// [ModelInspection] describes a model folder ([ModelDescription]) or a tokenizer
/// ([TokenizerDescription]), gives their content hashes as `run.json` records them, checks an
/// adapted model folder and resolves a device request ([DeviceDescription]), so that no front-end
/// needs `hf`, `provenance` or `encoder`; [IndexExport] writes an index for Anserini
/// ([AnseriniExport]) or OpenSearch ([OpenSearchExport]) all or nothing, taking the query encoder
/// as a [IndexExport.QueryEncoding] (the adapted model needs no export: a run's `model/` already
/// has the source's layout); [LexiconScoring] scores a run on a MUSE dictionary or the concepts
/// table ([LexiconReport]) and resolves the gold sources the inspector judges tokens by
/// ([LexiconGoldSources]).
///
/// Invariants:
///
/// - A service takes plain values (folders, texts, settings records) and returns value types of
///   the engine's result packages (`run`, `index`, `eval`, `projection`); no `ai.djl` type and no
///   picocli or JavaFX type crosses its API.
/// - Long jobs take a `ProgressListener` and a `CancellationToken`, like every engine operation.
/// - A service prints nothing and decides no exit code.
///
/// **Open a run, map a run.** [OpenedRun] is the job of `inspect`, `compare` and the inspector's
/// token detail: it looks a target token up (`#id` as typed, or as stored or as a word), returns the
/// run's own record or re-aligns it at another alpha from the run's cached bridge vectors as an
/// [InspectedToken], and finds one token across runs. [RunMapping] is the job of `project --run`
/// and the map page: a [RunMapRequest] (point-set spec and map space from `projection`, projection
/// parameters, language, lexicon; [RunMapping#bundledLexicon()] is the one default) gives
/// [SelectedPoints] (counts and target language, checked against the parameters before any vector
/// is read) and then a [RunMap] (the projected map, labelled points for an image). Front-ends never
/// touch `projection.points`, `bridge` or `vocab` for these jobs.
///
/// **Diff two runs.** [RunDiff] is the job of `sembridge diff` and the workbench's diff page: two
/// runs of one target tokenizer (refused otherwise, naming both) give a [RunDifference], every
/// target token as a [TokenDifference] ranked by the Jensen-Shannon divergence of its source
/// weights (bits), top-source change and support change; [RunDifferenceJson] and
/// [RunDifferenceCsv] write it.
///
/// **Documents the front-ends print and copy.** The `--json` documents that the workbench also
/// copies to the clipboard ("Copy as JSON") are written by one codec each, so a pasted document is
/// the command line's: [InspectedTokenJson] (`inspect`), [SearchHitJson] (a hit of `search
/// --explain`, with its [Snippet]), [EvaluationJson] (`eval`, and one row of it), all printed by
/// [PrintedJson].
///
/// Indexes. [IndexBuilding] builds an index of a corpus with a model ([IndexBuildJob]: corpus,
/// folder, model, BM25 language, device), refusing an empty corpus file before any model loads and
/// recording the model folder in the index; [OpenedIndex] opens an index with that recorded model
/// (or one named in [IndexOpening], whose advice ends the error when the recorded folder is gone)
/// and keeps both open: sparse search with per-token explanations ([SparseRanking]), BM25 beside
/// it, a document's token weights ([DocumentWeights], [WeightedPiece], [TokenWeight]), and the
/// evaluation of sparse vs BM25 with TREC qrels ([IndexEvaluation]), or of one [Ranking] alone
/// ([RankingEvaluation]). [OpenedIndex#withEncoder] opens an index with a query encoder the caller
/// holds: the experiment runner, which has just built the index with that model, cuts its queries
/// to Lucene's clause limit, and ranks a BM25-only index without a model. Used by `index`, `search`,
/// `eval` (and `export`'s model lookup), the search page's view models, and the experiment runner's
/// index builds and evaluations. [IndexBrowser] browses an index as Luke does, without a model: its tokens by
/// document frequency with exact weight statistics, a token's postings (exact and indexed
/// weights), a document's whole vector (`index-info`, and the search page's index browser through
/// [OpenedIndex#browser()], which shares the open index).
///
/// Runs of different tokenizers meet on decoded text: [OpenedRun#sameToken] and `compare` match a
/// token by the bridge's text (`Ġhouse`, `▁house`, `house` read `house`), and [RunMapping]'s
/// lexicon points cover every language a run covers (`run.json`'s `target.languages`, else the
/// lexicon columns its vocabulary covers), each target point labelled with its own language.
package org.sembridge.engine.workflow;
