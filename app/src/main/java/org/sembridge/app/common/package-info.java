/// Workbench infrastructure shared by every feature: [TaskRunner] (engine work off the FX
/// thread, with progress and cancel), [DialogService] (dialogs behind an interface), [Formats]
/// (numbers with units), and the parts of large tables.
///
/// Nothing here knows a feature; ViewModels depend on these interfaces, never on JavaFX scene
/// classes, so they are tested with inline runners and fake dialogs.
///
/// ## Large tables
///
/// A table that can hold a row per target token (262,145 for Gemma 3) does no work per row on
/// the FX thread beyond one pass over primitive arrays, and nothing quadratic:
///
/// | table | rows up to | selection | sort |
/// |---|---|---|---|
/// | inspector tokens (`inspector.TokenTableView`) | target vocabulary | many rows, `RowSelectionModel` (a bit set) | the view model's `RowSorter`; the header's `SortEvent` is consumed |
/// | run diff (`diff.RunDiffView`) | target vocabulary | one row | [TableSorting] |
/// | index browser tokens (`search.IndexBrowserPanel`) | tokens in the index | one row | [TableSorting] |
/// | evaluation per query (`search.EvaluationPanel`) | queries of the file | one row | [TableSorting], mean row pinned |
/// | index browser postings, document vector | 100, a document's tokens | one row | [TableSorting] |
/// | open runs, indexes; hit, link, neighbour, lasso and log lists | a few to a map's points | one row | none |
///
/// [TableSorting] reads a column's keys once into dense ranks (texts sorted by [RowNumberSort];
/// for the run diff, the evaluation and the index browser's tokens on the page's task runner
/// when the rows arrive, from 20,000 rows), orders `int` row numbers by those ranks with stable
/// counting sorts (linear) and hands the table an [IndexedRows], which announces a new order as
/// updated positions: no cell value and no `Collator` per comparison (JavaFX's default), no
/// comparison sort on the FX thread at a header click, no boxed permutation map in the
/// selection model, no cell rebuilt.
package org.sembridge.app.common;
