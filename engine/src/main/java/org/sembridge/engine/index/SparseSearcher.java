package org.sembridge.engine.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;

/// Top-k retrieval over the sparse `tokens` field, with score explanations.
///
/// The score of a document is the dot product of the query vector and the *indexed* document
/// vector over shared tokens: a `BooleanQuery` with one SHOULD clause per query token with a
/// positive weight, each a linear `FeatureField` query (score = query weight x indexed document
/// weight). Query weights stay exact; document weights carry `FeatureField`'s 9-bit precision
/// ([FeatureQuantisation]). Each clause is `FeatureField.newLinearQuery(field, token, 1)` wrapped in
/// a `BoostQuery` of the query weight, which is what `newLinearQuery(field, token, w)` builds
/// internally, without its limit of `w <= 64`.
///
/// Checks before searching: the query's encoder fingerprint must equal the index's, the query must
/// have a positive weight, no weight may be `NaN` or infinite, and the number of tokens must stay
/// within Lucene's clause limit (`IndexSearcher.getMaxClauseCount()`, 1,024 by default).
///
/// Ties between equal scores are broken by Lucene's document order. Thread-safe.
public final class SparseSearcher {

    private final SparseIndex index;

    SparseSearcher(SparseIndex index) {
        this.index = index;
    }

    /// The `k` best documents for `query`, best first.
    ///
    /// @param k the number of hits wanted, `>= 1`; fewer come back when fewer documents match
    /// @throws InputFormatException when the query comes from another encoder than the index (both
    ///     fingerprints named), is empty, or has more tokens than Lucene's clause limit
    /// @throws ModelFormatException when a query weight is `NaN` or infinite
    public List<SearchHit> search(SparseQuery query, int k) throws IOException, InputFormatException,
            ModelFormatException {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        TopDocs top = index.searcher().search(toLuceneQuery(query), k);
        return index.hits(top.scoreDocs);
    }

    /// The same `k` best documents as [#search], but every matching document is scored: the
    /// collector counts all hits, so Lucene's MaxScore skipping of non-competitive documents is
    /// off. Slower; `bench search` times it as the exhaustive reference for [#search].
    ///
    /// @throws InputFormatException as [#search]
    /// @throws ModelFormatException as [#search]
    public List<SearchHit> searchExhaustively(SparseQuery query, int k) throws IOException, InputFormatException,
            ModelFormatException {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        TopDocs top = index.searcher().search(toLuceneQuery(query),
                new TopScoreDocCollectorManager(k, null, Integer.MAX_VALUE));
        return index.hits(top.scoreDocs);
    }

    /// Explains `hits` (as returned by [#search] for the same `query`): per hit the matching tokens
    /// with exact and indexed document weights, both score sums, and whether the next hit has a
    /// higher exact score.
    ///
    /// @throws InputFormatException under the same conditions as [#search], or when a hit names a
    ///     document that is not in the index
    public List<HitExplanation> explain(SparseQuery query, List<SearchHit> hits) throws IOException,
            InputFormatException, ModelFormatException {
        Map<String, Float> queryWeights = positiveWeights(query);
        List<List<TokenContribution>> contributions = new ArrayList<>(hits.size());
        double[] exactScores = new double[hits.size()];
        float[] luceneScores = new float[hits.size()];
        for (int h = 0; h < hits.size(); h++) {
            OptionalInt doc = index.documentNumber(hits.get(h).docId());
            if (doc.isEmpty()) {
                throw new InputFormatException("document '" + hits.get(h).docId() + "' is not in index "
                        + index.folder());
            }
            List<TokenContribution> matching = matchingTokens(queryWeights, index.vector(doc.getAsInt()));
            double exact = 0;
            double indexed = 0;
            for (TokenContribution contribution : matching) {
                exact += contribution.exactContribution();
                indexed += contribution.indexedContribution();
            }
            contributions.add(matching);
            exactScores[h] = exact;
            luceneScores[h] = (float) indexed;
        }
        List<HitExplanation> explanations = new ArrayList<>(hits.size());
        for (int h = 0; h < hits.size(); h++) {
            boolean outranked = h + 1 < hits.size() && exactScores[h + 1] > exactScores[h];
            explanations.add(new HitExplanation(hits.get(h), contributions.get(h), exactScores[h], luceneScores[h],
                    outranked));
        }
        return explanations;
    }

    private static List<TokenContribution> matchingTokens(Map<String, Float> queryWeights, TermWeights document) {
        List<TokenContribution> matching = new ArrayList<>();
        for (int i = 0; i < document.size(); i++) {
            Float queryWeight = queryWeights.get(document.terms()[i]);
            if (queryWeight != null) {
                float exact = document.weights()[i];
                matching.add(new TokenContribution(document.terms()[i], queryWeight, exact,
                        FeatureQuantisation.indexedValue(exact)));
            }
        }
        matching.sort(Comparator.comparingDouble(TokenContribution::exactContribution).reversed()
                .thenComparing(TokenContribution::token));
        return matching;
    }

    /// The Lucene query for `query`, after all checks of [#search].
    Query toLuceneQuery(SparseQuery query) throws InputFormatException, ModelFormatException {
        Map<String, Float> weights = positiveWeights(query);
        if (weights.size() > IndexSearcher.getMaxClauseCount()) {
            throw new InputFormatException("query '" + abbreviated(query.text()) + "' has " + weights.size()
                    + " tokens with positive weights; Lucene accepts at most " + IndexSearcher.getMaxClauseCount());
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> entry : weights.entrySet()) {
            Query feature = FeatureField.newLinearQuery(IndexFields.TOKENS, entry.getKey(), 1f);
            builder.add(new BoostQuery(feature, entry.getValue()), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    private Map<String, Float> positiveWeights(SparseQuery query) throws InputFormatException, ModelFormatException {
        String indexFingerprint = index.metadata().encoderFingerprint();
        if (!indexFingerprint.equals(query.encoderFingerprint())) {
            throw new InputFormatException("index " + index.folder() + " was built by the encoder with fingerprint "
                    + indexFingerprint + ", but the query was encoded by the encoder with fingerprint "
                    + query.encoderFingerprint() + "; search with the encoder that built the index, or rebuild it");
        }
        TermWeights vector = query.weights();
        Map<String, Float> weights = new HashMap<>();
        for (int i = 0; i < vector.size(); i++) {
            float weight = vector.weights()[i];
            if (!Float.isFinite(weight)) {
                throw new ModelFormatException("query '" + abbreviated(query.text()) + "' has the weight " + weight
                        + " for token '" + vector.terms()[i] + "'; expected finite weights");
            }
            if (weight > 0) {
                weights.merge(vector.terms()[i], weight, Float::sum);
            }
        }
        if (weights.isEmpty()) {
            throw new InputFormatException("query '" + abbreviated(query.text()) + "' is empty: it has no token with a"
                    + " positive weight (" + query.weighting() + " weighting, " + vector.size() + " entries)");
        }
        return weights;
    }

    static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
