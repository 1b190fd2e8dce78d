package org.sembridge.app.inspector;

import java.util.Arrays;
import java.util.Set;
import org.sembridge.engine.run.TargetTokenKind;

/// What the token table shows: rows whose token (or one of whose English sources) contains a text
/// (case-insensitive), of one kind, bookmarked only, with a support in a range, with a lexicon
/// outcome, inside a focused group. Every condition is optional; [#ALL] keeps every row.
///
/// @param text a substring of the stored token (`집` finds `▁집` and `##집`), or of an English
///     source with `textInSources` (`house` finds the targets built from `house` or `##house`);
///     empty for any
/// @param kind the kind to keep, `null` for any
/// @param bookmarkedOnly keep bookmarked tokens only
/// @param minSupport smallest support kept, `>= 0`
/// @param maxSupport largest support kept ([Integer#MAX_VALUE] for no limit; below `minSupport`
///     nothing passes)
/// @param lexicon the lexicon outcomes kept
/// @param bridgeUnknownOnly keep only rows whose bridge text embeds like the bridge's unknown
///     token (`bridge_unknown` in `alignments.jsonl`)
/// @param textInSources look for `text` in the token's English sources (its
///     [TokenFigures#SOURCES_KEPT] heaviest) instead of the token
public record TokenFilter(String text, TargetTokenKind kind, boolean bookmarkedOnly, int minSupport, int maxSupport,
        LexiconFilter lexicon, boolean bridgeUnknownOnly, boolean textInSources) {

    /// Keeps every row.
    public static final TokenFilter ALL = new TokenFilter("", null, false, 0, Integer.MAX_VALUE, LexiconFilter.ANY);

    /// A filter that does not look at the unknown-bridge mark.
    public TokenFilter(String text, TargetTokenKind kind, boolean bookmarkedOnly, int minSupport, int maxSupport,
            LexiconFilter lexicon) {
        this(text, kind, bookmarkedOnly, minSupport, maxSupport, lexicon, false);
    }

    /// A filter that looks for its text in the token.
    public TokenFilter(String text, TargetTokenKind kind, boolean bookmarkedOnly, int minSupport, int maxSupport,
            LexiconFilter lexicon, boolean bridgeUnknownOnly) {
        this(text, kind, bookmarkedOnly, minSupport, maxSupport, lexicon, bridgeUnknownOnly, false);
    }

    /// Checks the values; a `null` text means any.
    ///
    /// @throws IllegalArgumentException when `minSupport < 0` or `lexicon` is null
    public TokenFilter {
        text = text == null ? "" : text;
        if (minSupport < 0 || lexicon == null) {
            throw new IllegalArgumentException("minSupport must be >= 0 and lexicon set, found " + minSupport
                    + " and " + lexicon);
        }
    }

    /// The rows of `order` that pass, in the same order. Two passes without allocation per row:
    /// the conditions in id order over the primitive columns (cache-friendly), then `order`
    /// against that mask (a few ms for 250,000 rows).
    ///
    /// @param bookmarks the bookmarked tokens (read when [#bookmarkedOnly])
    /// @param focus the focused tokens, or `null` for no focus
    public int[] apply(TokenFigures figures, int[] order, Set<String> bookmarks, Set<String> focus) {
        char[] needle = new char[text.length()];
        for (int i = 0; i < needle.length; i++) {
            needle[i] = TokenFigures.fold(text.charAt(i));
        }
        boolean[] sourceMatches = textInSources && needle.length > 0 ? figures.sourcesContaining(needle) : null;
        boolean[] passes = new boolean[figures.size()];
        for (int row = 0; row < passes.length; row++) {
            passes[row] = accepts(figures, row, needle, sourceMatches, bookmarks, focus);
        }
        int[] kept = new int[order.length];
        int count = 0;
        for (int row : order) {
            if (passes[row]) {
                kept[count++] = row;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private boolean accepts(TokenFigures figures, int row, char[] needle, boolean[] sourceMatches,
            Set<String> bookmarks, Set<String> focus) {
        int support = figures.support(row);
        if (support < minSupport || support > maxSupport) {
            return false;
        }
        if (kind != null && figures.kind(row) != kind) {
            return false;
        }
        if (bridgeUnknownOnly && !figures.isBridgeUnknown(row)) {
            return false;
        }
        if (!lexicon.accepts(figures.lexicon(row))) {
            return false;
        }
        if (sourceMatches != null) {
            if (!figures.hasSourceAmong(row, sourceMatches)) {
                return false;
            }
        } else if (needle.length > 0 && !figures.tokenContains(row, needle)) {
            return false;
        }
        if (bookmarkedOnly && !bookmarks.contains(figures.token(row))) {
            return false;
        }
        return focus == null || focus.contains(figures.token(row));
    }
}
