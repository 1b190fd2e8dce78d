package org.sembridge.engine.workflow;

/// Which of an index's rankings answers the queries of an evaluation ([OpenedIndex#evaluate(Ranking,
/// java.util.List, org.sembridge.engine.eval.Qrels, int, org.sembridge.engine.progress.ProgressListener,
/// org.sembridge.engine.progress.CancellationToken)]).
public enum Ranking {
    /// The sparse vectors of the index, queries encoded by the index's model.
    SPARSE,
    /// Lucene's BM25 over the index's analysed text field.
    BM25
}
