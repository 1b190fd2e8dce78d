package org.sembridge.engine.experiment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.sembridge.engine.index.Bm25Language;

/// One language's test collection: documents, queries, relevance judgements, and the analyzer of
/// its BM25 reference.
///
/// @param corpus       the documents (JSON Lines or TSV, see `org.sembridge.engine.index.CorpusFormat`)
/// @param queries      the queries (`qid<TAB>text` or JSON Lines)
/// @param qrels        TREC relevance judgements (`qid 0 docid grade`)
/// @param bm25Language the analyzer of the `bm25` row; empty when the collection has no BM25 row
public record RetrievalCollection(Path corpus, Path queries, Path qrels, Optional<Bm25Language> bm25Language) {

    /// Checks for missing values.
    public RetrievalCollection {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(qrels, "qrels");
        Objects.requireNonNull(bm25Language, "bm25Language");
    }
}
