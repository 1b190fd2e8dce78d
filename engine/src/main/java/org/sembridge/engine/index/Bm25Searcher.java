package org.sembridge.engine.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.sembridge.engine.InputFormatException;

/// The BM25 baseline over the same documents: the query text is analysed with the index's
/// language analyzer ([Bm25Language]) and searched as a bag of words against the `bm25` field.
///
/// Scoring is Lucene's `BM25Similarity` with its defaults (k1 = 1.2, b = 0.75). The query is a
/// `BooleanQuery` with one SHOULD `TermQuery` per distinct analysed term, boosted by the term's
/// count in the query (Anserini's bag-of-words query generator does the same). Thread-safe.
public final class Bm25Searcher {

    private final SparseIndex index;
    private final Bm25Language language;
    private final Analyzer analyzer;

    Bm25Searcher(SparseIndex index, Bm25Language language, Analyzer analyzer) {
        this.index = index;
        this.language = language;
        this.analyzer = analyzer;
    }

    /// The language whose analyzer this searcher uses.
    public Bm25Language language() {
        return language;
    }

    /// The terms the analyzer makes of `text`, in order, duplicates kept (stop words removed,
    /// stemmed or segmented as the language's analyzer does).
    public List<String> analyze(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexFields.BM25, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    /// The `k` best documents for `text` by BM25, best first.
    ///
    /// @throws InputFormatException when nothing of the text survives analysis (only stop words or
    ///     punctuation), or it has more distinct terms than Lucene's clause limit
    public List<SearchHit> search(String text, int k) throws IOException, InputFormatException {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String term : analyze(text)) {
            counts.merge(term, 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            throw new InputFormatException("BM25 query '" + SparseSearcher.abbreviated(text) + "' is empty after the "
                    + language.code() + " analyzer (only stop words or punctuation)");
        }
        if (counts.size() > IndexSearcher.getMaxClauseCount()) {
            throw new InputFormatException("BM25 query '" + SparseSearcher.abbreviated(text) + "' has " + counts.size()
                    + " distinct terms; Lucene accepts at most " + IndexSearcher.getMaxClauseCount());
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            Query term = new TermQuery(new Term(IndexFields.BM25, entry.getKey()));
            builder.add(entry.getValue() == 1 ? term : new BoostQuery(term, entry.getValue()), BooleanClause.Occur.SHOULD);
        }
        TopDocs top = index.searcher().search(builder.build(), k);
        return index.hits(top.scoreDocs);
    }
}
