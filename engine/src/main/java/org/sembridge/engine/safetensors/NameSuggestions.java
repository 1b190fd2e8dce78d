package org.sembridge.engine.safetensors;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/// Picks the present names closest to a missing one, for "did you mean" hints in error messages.
///
/// Closeness is the Levenshtein edit distance (insertions, deletions, substitutions, each cost 1);
/// ties go to the alphabetically first name. [#editDistance] is public because the map's token
/// suggestions (`org.sembridge.engine.projection.points`) rank vocabulary tokens with it too.
public final class NameSuggestions {

    private NameSuggestions() {
    }

    /// The at most `limit` names of `present` nearest to `wanted`, nearest first.
    static List<String> nearest(String wanted, Collection<String> present, int limit) {
        record Scored(String name, int distance) {
        }
        return present.stream()
                .map(name -> new Scored(name, editDistance(wanted, name)))
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(limit)
                .map(Scored::name)
                .toList();
    }

    /// Levenshtein distance with two rolling rows: O(|a| |b|) time, O(|b|) memory.
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
