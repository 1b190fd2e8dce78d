package org.sembridge.engine.projection.points;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sembridge.engine.safetensors.NameSuggestions;

/// Finds the target tokens closest to a token the user named but the vocabulary lacks, for the
/// "did you mean" part of an error message.
///
/// Tokens are compared by their plain form: without a continuation prefix `##` and without a
/// word-start marker `▁` or `Ġ`. Closeness is the Levenshtein distance of the plain forms
/// ([NameSuggestions#editDistance], the one the safetensors "did you mean" uses); only tokens
/// within `max(1, length / 2)` of the wanted plain form count, so a one-syllable Korean word is
/// not answered with arbitrary syllables. Ties go to the token that shares the first character,
/// then to the one whose length is closer to the wanted one, then to the lower id. Cost: one
/// distance per vocabulary token, `O(|V| * length^2)`.
final class TokenSuggestions {

    private TokenSuggestions() {
    }

    /// The at most `limit` tokens of `vocabulary` closest to `wanted`, closest first; empty when
    /// none is close.
    static List<String> nearest(String wanted, List<String> vocabulary, int limit) {
        record Scored(int id, String token, int distance, boolean sameStart, int lengthDifference) {
        }
        String plainWanted = plain(wanted);
        if (plainWanted.isEmpty()) {
            return List.of();
        }
        int bound = Math.max(1, plainWanted.length() / 2);
        List<Scored> close = new ArrayList<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            String token = vocabulary.get(id);
            String plainToken = plain(token);
            if (plainToken.isEmpty() || Math.abs(plainToken.length() - plainWanted.length()) > bound) {
                continue;
            }
            int distance = NameSuggestions.editDistance(plainWanted, plainToken);
            if (distance <= bound) {
                close.add(new Scored(id, token, distance, plainToken.charAt(0) == plainWanted.charAt(0),
                        Math.abs(plainToken.length() - plainWanted.length())));
            }
        }
        return close.stream()
                .sorted(Comparator.comparingInt(Scored::distance)
                        .thenComparing(Scored::sameStart, Comparator.reverseOrder())
                        .thenComparingInt(Scored::lengthDifference)
                        .thenComparingInt(Scored::id))
                .limit(limit)
                .map(Scored::token)
                .toList();
    }

    /// The token without `##`, `▁` or `Ġ` at its start.
    static String plain(String token) {
        if (token.startsWith("##")) {
            return token.substring(2);
        }
        if (token.startsWith("▁") || token.startsWith("Ġ")) {
            return token.substring(1);
        }
        return token;
    }
}
