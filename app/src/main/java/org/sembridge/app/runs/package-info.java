/// The runs page: start a language transfer, watch it, and keep finished runs open side by side.
///
/// ## Parts
///
/// - [RunsViewModel] (toolkit-free): the commands (start, cancel, open a run folder, close,
///   open the workspace's runs at startup, make or open the demo runs) and the open runs, which
///   live in the shared [org.sembridge.app.workspace.WorkbenchState#runs()] so every page sees
///   them. It is the page's [org.sembridge.app.workspace.SessionPart] (key `runs`: the form).
/// - [RunForm]: the form's values and their validation. Methods come from the engine's
///   `InitializerRegistry` ([MethodChoice]); alpha is one value shown by a slider and a field
///   (the field refuses values outside `[1, 8]` with the engine's message); the run name
///   defaults to `<method>[-a<alpha>]-<language>` and is unique in the workspace's `runs/`.
/// - [RunProgress] with [RunClock]: stage, done of total with units, elapsed, the stage's time
///   left from its own rate, and a log in the CLI's summary format.
/// - [RunFacts]: one row of the open-runs table from a run's `run.json`.
/// - [RunsView] builds the page from [RunFormPane], [RunProgressPane] and [OpenRunsTable].
///
/// ## Invariants
///
/// - Engine work runs through the [org.sembridge.app.common.TaskRunner]; transfers, opening a
///   run folder and opening the workspace's runs go through one `workflow.ModelTransfer` (the
///   app's default cache), whose bridge-vector cache also opens every run, so the inspector's
///   live alpha finds the cached vectors. The page imports the engine's `workflow`, `run` and
///   `progress` packages only (plus `transfer.baseline` for the method list).
/// - A cancelled or failed run publishes nothing (the engine builds the folder in a hidden
///   staging folder and renames it at the end), keeps the form's values and all earlier runs;
///   a failure shows the engine's message in a dialog and in the log.
/// - Progress reports arrive on the engine thread; [RunProgress] coalesces them into one refresh
///   on the UI thread at a time. Properties change on the UI thread only.
/// - Start is blocked, with the reason shown, while a model it needs is missing or broken, a
///   value is invalid, or a run is in progress (one run at a time).
///
/// ## Opening the workspace
///
/// At startup every non-hidden folder in `runs/` is opened in one background task, off the FX
/// thread (opening reads `run.json` and indexes `alignments.jsonl`: measured 0.15 to 1.2 s per
/// 5,653-token sample run on the shared 2-core machine at load 10, the first ones slowest);
/// folders that are not runs are named in one dialog. The demo runs
/// `demo-<language>-sembridge` (alpha 4) and `demo-<language>-ofa` are made from
/// `sample-models/` when missing, else opened; the SemBridge one becomes current.
package org.sembridge.app.runs;
