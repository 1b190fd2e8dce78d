package org.sembridge.app.map;

import java.util.Arrays;

/// What the map's search found on one map: the matching points, ascending, and a line that
/// says so (or why nothing could match).
///
/// @param matches the matching point indices, ascending, each once; empty for no match
/// @param message the status line, e.g. `12 matches (5 targets, 7 sources)` or
///     `invalid regex: Unclosed group near index 3`
/// @param valid false when the query could not be read (an invalid regex) or cannot match on
///     this map (a source search on a map without sources)
public record MapSearchResult(int[] matches, String message, boolean valid) {

    /// No search: nothing highlighted.
    public static final MapSearchResult NONE = new MapSearchResult(new int[0], "", true);

    /// Copies the indices.
    public MapSearchResult {
        matches = matches.clone();
    }

    /// The matching point indices (a copy).
    @Override
    public int[] matches() {
        return matches.clone();
    }

    /// The number of matches.
    public int size() {
        return matches.length;
    }

    /// Whether point `index` matches (binary search).
    public boolean contains(int index) {
        return Arrays.binarySearch(matches, index) >= 0;
    }

    /// Whether a search is active (this is not [#NONE]): the map dims what does not match.
    public boolean active() {
        return this != NONE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MapSearchResult that && Arrays.equals(matches, that.matches)
                && message.equals(that.message) && valid == that.valid;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(matches) * 31 + message.hashCode();
    }

    @Override
    public String toString() {
        return "MapSearchResult[" + matches.length + " matches, " + message + "]";
    }
}
