package org.sembridge.app.search;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/// The search page's part of a saved session (key `search`), with its member names in one place:
/// the open index folder (`""` when none), the query text and the evaluation's queries and qrels
/// paths. A `null` component was not in the file (or was not a plain value) and keeps the
/// current value.
///
/// ```json
/// {"index": "/ws/indexes/ko", "query": "집", "queries": "queries.tsv", "qrels": "qrels.tsv"}
/// ```
///
/// @param index the open index's folder, or `""`
/// @param query the query text
/// @param queries the evaluation's queries file as typed
/// @param qrels the evaluation's qrels file as typed
public record SearchSessionState(String index, String query, String queries, String qrels) {

    static final String KEY = "search";
    static final String INDEX = "index";
    static final String QUERY = "query";
    static final String QUERIES = "queries";
    static final String QRELS = "qrels";

    /// The state as the session file stores it.
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty(INDEX, index);
        json.addProperty(QUERY, query);
        json.addProperty(QUERIES, queries);
        json.addProperty(QRELS, qrels);
        return json;
    }

    /// The state `saved` holds; lenient as the page always was: a state that is no object reads
    /// as all absent, and any plain value reads as its text.
    public static SearchSessionState fromJson(JsonElement saved) {
        JsonObject object = saved != null && saved.isJsonObject() ? saved.getAsJsonObject() : new JsonObject();
        return new SearchSessionState(text(object, INDEX), text(object, QUERY), text(object, QUERIES),
                text(object, QRELS));
    }

    private static String text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }
}
