package org.sembridge.engine.workflow;

import java.util.Locale;

/// A short excerpt of a document text for a result list (`sembridge search` and the hits the
/// workbench copies as JSON): about [#MAX_CHARS] characters around
/// the first place where a word of the query occurs, cut at word boundaries, with `...` where
/// text was left out. Whitespace runs become one space.
///
/// Query words are the query text split at every character that is not a letter or digit, at
/// least two characters long, matched case-insensitively (`Locale.ROOT`). A text with no query
/// word gives its beginning.
public final class Snippet {

    /// The longest excerpt, in characters (without the `...` markers).
    public static final int MAX_CHARS = 160;

    /// Characters of context kept before the first match.
    private static final int LEAD_CHARS = 40;

    private Snippet() {
    }

    /// The excerpt of `text` for `query`.
    public static String of(String text, String query) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= MAX_CHARS) {
            return flat;
        }
        int match = firstMatch(flat.toLowerCase(Locale.ROOT), query.toLowerCase(Locale.ROOT));
        int start = match <= LEAD_CHARS ? 0 : wordStart(flat, match - LEAD_CHARS, match);
        int end = Math.min(flat.length(), start + MAX_CHARS);
        if (end < flat.length()) {
            int space = flat.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        return (start > 0 ? "..." : "") + flat.substring(start, end).strip() + (end < flat.length() ? "..." : "");
    }

    private static int firstMatch(String text, String query) {
        int first = -1;
        for (String word : query.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 2) {
                continue;
            }
            int at = text.indexOf(word);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return Math.max(first, 0);
    }

    /// The first word start in `[from, match]`, else `from`.
    private static int wordStart(String text, int from, int match) {
        int space = text.indexOf(' ', from);
        return space < 0 || space + 1 > match ? from : space + 1;
    }
}
