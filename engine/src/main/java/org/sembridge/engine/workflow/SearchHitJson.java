package org.sembridge.engine.workflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.sembridge.engine.index.HitExplanation;
import org.sembridge.engine.index.SearchHit;
import org.sembridge.engine.index.TokenContribution;

/// The JSON of search hits, as `sembridge search --json [--explain]` prints them in `hits` and
/// the search page's "Copy as JSON" copies one explained hit:
///
/// ```
/// {"rank": 1, "id": "d12", "score": 3.21, "title": "...", "snippet": "...",
///  "explanation": {"exact_score": 3.22, "lucene_score": 3.21, "outranked_by_next_exactly": false,
///                  "tokens": [{"token": "▁집", "query_weight": 1.2, "exact_document_weight": 0.8,
///                              "indexed_document_weight": 0.797, "exact_contribution": 0.96,
///                              "indexed_contribution": 0.956}, ...]}}
/// ```
///
/// The copied document wraps one hit with its query: `{"query": "...", "hit": {...}}`.
public final class SearchHitJson {

    private SearchHitJson() {
    }

    /// One hit without its explanation; `snippet` is [Snippet#of] of the document text.
    public static JsonObject hit(SearchHit hit, String title, String snippet) {
        JsonObject o = new JsonObject();
        o.addProperty("rank", hit.rank());
        o.addProperty("id", hit.docId());
        o.addProperty("score", hit.score());
        o.addProperty("title", title);
        o.addProperty("snippet", snippet);
        return o;
    }

    /// One explained hit: [#hit] with its `explanation`.
    public static JsonObject explainedHit(HitExplanation explanation, String title, String snippet) {
        JsonObject o = hit(explanation.hit(), title, snippet);
        o.add("explanation", explanation(explanation));
        return o;
    }

    /// The document the workbench copies for one explained hit of `query`.
    public static JsonObject copiedHit(String query, HitExplanation explanation, String title, String snippet) {
        JsonObject o = new JsonObject();
        o.addProperty("query", query);
        o.add("hit", explainedHit(explanation, title, snippet));
        return o;
    }

    /// The `explanation` object of a hit.
    public static JsonObject explanation(HitExplanation explanation) {
        JsonObject o = new JsonObject();
        o.addProperty("exact_score", explanation.exactScore());
        o.addProperty("lucene_score", explanation.luceneScore());
        o.addProperty("outranked_by_next_exactly", explanation.outrankedByNextExactly());
        JsonArray tokens = new JsonArray();
        for (TokenContribution c : explanation.contributions()) {
            JsonObject token = new JsonObject();
            token.addProperty("token", c.token());
            token.addProperty("query_weight", c.queryWeight());
            token.addProperty("exact_document_weight", c.exactDocumentWeight());
            token.addProperty("indexed_document_weight", c.indexedDocumentWeight());
            token.addProperty("exact_contribution", c.exactContribution());
            token.addProperty("indexed_contribution", c.indexedContribution());
            tokens.add(token);
        }
        o.add("tokens", tokens);
        return o;
    }
}
