/// The search page, the retrieval lab: index a corpus with a run's adapted model, search it, see
/// why each hit scored what it did, compare with BM25, and evaluate on queries with relevance
/// judgements. Everything is computed by the engine's workflow services
/// (`org.sembridge.engine.workflow.IndexBuilding` and `OpenedIndex`), the same ones the CLI's
/// `index`, `search` and `eval` commands call; this package holds the page's state and only
/// arranges and shows the results.
///
/// ## Parts
///
/// - [SearchViewModel]: state and commands (toolkit-free), the one API the views and tests use. A
///   thin facade that wires the parts below and saves the index, query, queries and qrels paths as
///   the session part `search`.
///   - [IndexViewModel]: list, open or build an index; holds the one [OpenIndex] the other parts
///     use and tells the facade when an opened index replaces it (results of the old one go).
///   - [QueryViewModel]: search the open index, keep its hits and show a hit's document; the
///     latest request wins.
///   - [EvaluationViewModel]: queries + qrels, the metrics table, a row's tokens to the inspector.
///   - [IndexBrowserViewModel]: the index browser (the engine's `workflow.IndexBrowser` on the
///     open index): tokens by document frequency with min / mean / max exact weight (read when the
///     user opens the browser), a token's heaviest postings with exact and indexed weights, a
///     document by id with its whole vector, and a token's jump to the inspector.
///   - [DemoPreparation]: follows the current run (demo defaults) and prepares the demo once.
///   - [InspectorJump]: hands target tokens to the inspector
///     ([org.sembridge.app.workspace.TokenFocus] + `Navigator.showPage("inspector")`) or selects
///     one token in the workbench.
/// - [OpenIndex]: the engine's `OpenedIndex` (an index kept open with the model that built it)
///   and its list entry; turns its results into the rows the page shows: search + explain + BM25
///   ([SearchResult], [RankedHit]) and evaluation ([EvaluationResult], [QueryRow]); a document's
///   token weights come from the engine as they are (`workflow.DocumentWeights`).
///   [IndexEntry] / [IndexCatalog] list the workspace's `indexes/`; [IndexFolderName] names a new
///   one, which [IndexViewModel] builds with `IndexBuilding` (documents/s in the progress);
///   [DemoCollection] gives the bundled `assets/demo/<lang>/` defaults.
/// - [SearchView] with [IndexPanel], [IndexBrowserPanel], [HitCell], [DocumentPanel] and
///   [EvaluationPanel]: the nodes. The hits, the evaluation, the index browser and the index are
///   tabs below the query box, so each has the page's height (eight evaluation rows and more on a 1280 x 800
///   projector in presentation mode).
///
/// ## Numbers and their precision
///
/// A sparse hit's score is Lucene's: Σ query weight × indexed document weight over the matching
/// tokens, with 9-bit document weights (relative error < 0.39%, rounded down). Each contribution
/// chip shows both the exact and the indexed contribution; their sums are the exact score and
/// (up to float summation order) the Lucene score. nDCG@10 and Recall@100 are the engine
/// `Evaluator`'s (trec_eval `-c -M 100`): the table's mean row is the engine's mean over every
/// judged query.
///
/// ## Threading and failures
///
/// Engine work runs in `TaskRunner` tasks; the engine's `OpenedIndex` serialises its encoder and
/// tokenizer and closes only after running operations finish. A failed or cancelled build leaves
/// no folder (the engine builds in a staging folder) and the open index stays current; an empty
/// corpus is refused with the engine's one line (`corpus.jsonl: no documents; nothing to index`);
/// a cancelled evaluation keeps the previous table. Errors show
/// in a dialog with the engine's message (file and line for bad queries or qrels).
///
/// ## The demo
///
/// When the page first shows with a run current whose target language has a demo collection and
/// no index is open, it opens that run's demo index (building it first when missing: a few seconds
/// on the sample models), evaluates the demo queries and shows the query where the sparse index
/// gains most over BM25.
package org.sembridge.app.search;
