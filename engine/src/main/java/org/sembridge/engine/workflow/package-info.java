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
package org.sembridge.engine.workflow;
