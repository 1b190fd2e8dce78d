package org.sembridge.app.inspector;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.sembridge.engine.run.TargetTokenKind;

/// The inspector's part of a saved session (key `inspector`), with its member names in one place:
/// the token table's filter and sort, the selected token and the detail's alpha.
///
/// ```json
/// {"filter": {"text": "", "kind": null, "bookmarkedOnly": false, "bridgeUnknownOnly": false,
///             "minSupport": 0, "maxSupport": 2147483647, "lexicon": "ANY", "textInSources": false},
///  "sort": {"column": "ID", "ascending": true}, "selectedToken": "▁집", "alpha": 4.0}
/// ```
///
/// Reading is lenient, as the inspector always was: a member that is missing, of the wrong type
/// or an unknown name reads as `null` and keeps the current value (the filter's `kind` is the
/// exception: a saved filter without a known kind means "all kinds").
///
/// @param filter the saved filter, `null` when none was saved
/// @param sort the saved sort, `null` when none (or no known column) was saved
/// @param selectedToken the selected token, `null` when none
/// @param alpha the detail's alpha, `null` when not saved
public record InspectorSessionState(Filter filter, TokenSort sort, String selectedToken, Double alpha) {

    static final String KEY = "inspector";
    static final String FILTER = "filter";
    static final String TEXT = "text";
    static final String KIND = "kind";
    static final String BOOKMARKED_ONLY = "bookmarkedOnly";
    static final String BRIDGE_UNKNOWN_ONLY = "bridgeUnknownOnly";
    static final String MIN_SUPPORT = "minSupport";
    static final String MAX_SUPPORT = "maxSupport";
    static final String LEXICON = "lexicon";
    static final String TEXT_IN_SOURCES = "textInSources";
    static final String SORT = "sort";
    static final String COLUMN = "column";
    static final String ASCENDING = "ascending";
    static final String SELECTED_TOKEN = "selectedToken";
    static final String ALPHA = "alpha";

    /// The token table's saved filter; a `null` component keeps the current value, except
    /// `kind`, where `null` means all kinds.
    ///
    /// @param text the filter text
    /// @param kind the token kind shown, `null` for all kinds
    /// @param bookmarkedOnly only bookmarked tokens
    /// @param bridgeUnknownOnly only tokens without bridge support
    /// @param minSupport the smallest support kept (at least 0)
    /// @param maxSupport the largest support kept
    /// @param lexicon the lexicon filter
    /// @param textInSources whether the text is looked for in the English sources
    public record Filter(String text, TargetTokenKind kind, Boolean bookmarkedOnly, Boolean bridgeUnknownOnly,
            Integer minSupport, Integer maxSupport, LexiconFilter lexicon, Boolean textInSources) {

        /// A filter saved before `textInSources` existed (it keeps the current value).
        public Filter(String text, TargetTokenKind kind, Boolean bookmarkedOnly, Boolean bridgeUnknownOnly,
                Integer minSupport, Integer maxSupport, LexiconFilter lexicon) {
            this(text, kind, bookmarkedOnly, bridgeUnknownOnly, minSupport, maxSupport, lexicon, null);
        }
    }

    /// The state as the session file stores it.
    public JsonObject toJson() {
        JsonObject saved = new JsonObject();
        if (filter != null) {
            JsonObject json = new JsonObject();
            json.addProperty(TEXT, filter.text());
            json.addProperty(KIND, filter.kind() == null ? null : filter.kind().jsonName());
            json.addProperty(BOOKMARKED_ONLY, filter.bookmarkedOnly());
            json.addProperty(BRIDGE_UNKNOWN_ONLY, filter.bridgeUnknownOnly());
            json.addProperty(MIN_SUPPORT, filter.minSupport());
            json.addProperty(MAX_SUPPORT, filter.maxSupport());
            json.addProperty(LEXICON, filter.lexicon() == null ? null : filter.lexicon().name());
            if (filter.textInSources() != null) {
                json.addProperty(TEXT_IN_SOURCES, filter.textInSources());
            }
            saved.add(FILTER, json);
        }
        if (sort != null) {
            JsonObject json = new JsonObject();
            json.addProperty(COLUMN, sort.column().name());
            json.addProperty(ASCENDING, sort.ascending());
            saved.add(SORT, json);
        }
        saved.addProperty(SELECTED_TOKEN, selectedToken);
        if (alpha != null) {
            saved.addProperty(ALPHA, alpha);
        }
        return saved;
    }

    /// The state `saved` holds, read leniently (see the type's documentation); a state that is
    /// no JSON object reads as all `null`.
    public static InspectorSessionState fromJson(JsonElement saved) {
        if (saved == null || !saved.isJsonObject()) {
            return new InspectorSessionState(null, null, null, null);
        }
        SessionJson session = new SessionJson(saved.getAsJsonObject());
        Filter filter = session.child(FILTER).map(json -> new Filter(json.string(TEXT).orElse(null),
                json.parsed(KIND, TargetTokenKind::fromJsonName).orElse(null),
                json.bool(BOOKMARKED_ONLY).orElse(null), json.bool(BRIDGE_UNKNOWN_ONLY).orElse(null),
                json.integer(MIN_SUPPORT).filter(n -> n >= 0).orElse(null), json.integer(MAX_SUPPORT).orElse(null),
                json.parsed(LEXICON, LexiconFilter::valueOf).orElse(null),
                json.bool(TEXT_IN_SOURCES).orElse(null))).orElse(null);
        TokenSort sort = session.child(SORT).flatMap(json -> json.parsed(COLUMN, TokenColumn::valueOf)
                .map(column -> new TokenSort(column, json.bool(ASCENDING).orElse(true)))).orElse(null);
        return new InspectorSessionState(filter, sort, session.string(SELECTED_TOKEN).orElse(null),
                session.number(ALPHA).orElse(null));
    }
}
