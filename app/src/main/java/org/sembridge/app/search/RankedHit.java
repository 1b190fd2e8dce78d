package org.sembridge.app.search;

import java.util.List;
import org.sembridge.engine.index.HitExplanation;
import org.sembridge.engine.index.TokenContribution;

/// One row of a ranked list as the hit lists show it: a sparse hit with the engine's per-token
/// explanation, or a BM25 hit (no contributions).
///
/// @param rank                    1-based position in its list
/// @param docId                   the corpus id
/// @param score                   the engine's score: for sparse hits the Lucene score (query weight ×
///                                9-bit indexed document weight, summed), for BM25 the BM25 score
/// @param exactScore              for sparse hits the score with exact document weights
///                                (`HitExplanation.exactScore`); `NaN` for BM25
/// @param title                   the stored title, `""` when none
/// @param excerpt                 the beginning of the text, at most [#EXCERPT_CHARS] characters
/// @param contributions           the matching tokens, largest exact contribution first (sparse only)
/// @param inOtherList             whether the other list (BM25 for a sparse hit, and vice versa)
///                                holds the same document
/// @param outrankedByNextExactly  whether the next sparse hit has a higher exact score (9-bit
///                                quantisation swapped the two)
/// @param snippet                 the excerpt `sembridge search` prints for this hit and query
///                                ([org.sembridge.engine.workflow.Snippet]), for "Copy as JSON"
/// @param explanation             the engine's explanation of a sparse hit, `null` for BM25
public record RankedHit(int rank, String docId, float score, double exactScore, String title, String excerpt,
        List<TokenContribution> contributions, boolean inOtherList, boolean outrankedByNextExactly, String snippet,
        HitExplanation explanation) {

    /// The longest excerpt, in characters.
    public static final int EXCERPT_CHARS = 160;

    public RankedHit {
        contributions = List.copyOf(contributions);
    }

    /// The sum of the contributions with indexed document weights, in float as Lucene adds them.
    public float indexedContributionSum() {
        float sum = 0;
        for (TokenContribution contribution : contributions) {
            sum += contribution.indexedContribution();
        }
        return sum;
    }

    /// The beginning of `text` for a hit row: whitespace runs become one space, cut at a word
    /// boundary within [#EXCERPT_CHARS] characters, with `…` where text was left out.
    static String excerptOf(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= EXCERPT_CHARS) {
            return flat;
        }
        int end = flat.lastIndexOf(' ', EXCERPT_CHARS);
        return flat.substring(0, end > 0 ? end : EXCERPT_CHARS) + " …";
    }
}
