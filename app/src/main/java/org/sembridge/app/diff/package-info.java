/// The run diff (page `diff`): two open runs of one target tokenizer (SemBridge against OFA, two
/// alphas), every target token ranked by how differently the runs built it, as `sembridge diff`
/// ranks them.
///
/// ## Data flow
///
/// ```
/// runA, runB (open runs) ──Compare──TaskRunner──> RunDiff.compare (engine workflow) ──> RunDifference
///                                                                                      │
///            text / top-source-changed / minimum divergence filter ──> rows (table) ◀─┘
///            rows ──Export CSV──> RunDifferenceCsv (AtomicFiles)
///            a row ──Show in inspector──> current run = A, compared run = B, selected token
/// ```
///
/// ## Invariants
///
/// - **Nothing starts by itself**: choosing runs only says whether they can be compared; the
///   diff runs on Compare (Ctrl+Enter), in the background, cancellable, and a result is dropped
///   when the runs were changed or closed meanwhile.
/// - **Runs of different target tokenizers are refused** before anything is read, with a status
///   line naming both (the engine's `RunDiff.sameTargetTokenizer`), never a dialog.
/// - The ranking, the divergence (Jensen-Shannon, bits) and the CSV columns are the engine's, so
///   the page, `sembridge diff --json` and `--csv` agree.
///
/// Key classes: [RunDiffViewModel] (state and commands, toolkit-free), [RunDiffView] (layout),
/// [DiffFilter] (the filter as a value).
package org.sembridge.app.diff;
