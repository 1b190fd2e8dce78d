/// The alignment inspector (page `inspector`): a table of the current run's target tokens that
/// stays smooth at 250,000 rows, and a detail pane for the selected token.
///
/// ## Data flow
///
/// ```
/// WorkbenchState.runs ──RunFiguresCache──TaskRunner──> TokenFiguresLoader ──> TokenFigures per open run
/// WorkbenchState.currentRun ──> the kept TokenFigures (primitive columns), at once when read
///                                                                      │
///                   TokenSort ──> RowSorter (long-packed keys) ──> sorted int[] (kept per sort)
///                   TokenFilter + bookmarks + TokenFocus ──────> filtered int[] ──> RowIndexList
///                                                                      │            (table items)
/// WorkbenchState.selectedToken <──> InspectorViewModel.selectedRow     │
///            │                                                         ▼
///            └──> TokenDetailViewModel ──LatestRequestRunner──> OpenedRun.inspect / find (engine workflow)
/// ```
///
/// ## Invariants
///
/// - **One read per run, kept while it is open.** [TokenFiguresLoader] parses every alignment
///   record once, on an engine thread, with progress and cancel; a cancelled or failed read keeps
///   the figures shown before. [RunFiguresCache] keeps each open run's figures (and the inspector
///   its last sort), reads the runs opened beside the current one ahead, one at a time, and never
///   repeats a cancelled read by itself: switching runs re-reads nothing.
/// - **The pane shows the table's run.** [TokenDetailViewModel] follows the run whose figures are
///   shown, so its token is never shown under another run's title; a selected token the run lacks
///   (a Korean token in a Russian run) empties the pane with a status line, never a dialog.
///   The figures are columns of primitive arrays ([TokenFigures]); the table's items are row
///   indices ([RowIndexList]), so only the visible cells exist and format their values.
/// - **Sort and filter are index permutations.** Every column sorts by an `int` key (text columns
///   by precomputed dense rank, floats by their ordered bits); [RowSorter] sorts packed `long`s,
///   ties in id order, rows without a source last, on an engine thread (latest request wins). The
///   sorted order is kept; a filter change is one pass over the primitive columns in id order plus
///   one over the sorted order, on the FX thread (a few ms at 250,000 rows; measured by
///   `RowQueryScaleTest` and shown over the table). [RowIndexList] announces a new order as
///   updates, so the table re-reads its cells instead of rebuilding them.
/// - **One selection.** The selected row follows the shared selected token (a click on the map
///   scrolls the table to it) and a table click sets it; tokens are keyed by their stored string.
/// - **Selection costs are linear, and nothing per row when positions stay.** Rows selected for
///   export live in [RowSelectionModel] (a bit set; JavaFX's model is quadratic). A new order
///   or filter moves them to their tokens' new positions in one change, and in none when the
///   positions are the same (every row selected); a header click runs the sort policy alone
///   ([PolicySortedTableView]), without `TableView.sort`'s copy of every selected cell.
/// - **Latest alpha wins.** Slider moves re-align through [LatestRequestRunner]: one request runs,
///   newer ones collapse into the latest, stale results are dropped. At the run's alpha the pane
///   shows the run's own record; elsewhere the re-alignment of
///   [org.sembridge.engine.workflow.OpenedRun#inspect], the service `sembridge inspect --alpha` uses.
/// - **Lexicon outcome** per token ([LexiconOutcome], [RunLexicon]): the engine's MUSE rule
///   (hit@1, hit@5) against `assets/lexicon/concepts.tsv` in the column the engine infers for the
///   run, resolved by the engine's `workflow.LexiconScoring` (as `sembridge lexicon-eval`); `n/a`
///   when the file or the language is missing.
///
/// Key classes: [InspectorViewModel], [TokenDetailViewModel], [InspectorView] (layout),
/// [TokenTableView], [TokenDetailView], [WeightBars]; [TokenCsvExport] writes the selection.
package org.sembridge.app.inspector;
