package org.sembridge.engine.index;

import java.util.List;

/// Why a sparse hit scored what it did: its matching tokens and the score recomputed from them,
/// exactly and as Lucene computed it.
///
/// `exactScore` = sum of [TokenContribution#exactContribution()] (double precision, exact document
/// weights); `luceneScore` = the float sum of [TokenContribution#indexedContribution()], which
/// equals the hit's search score up to float summation order. The difference is the effect of
/// Lucene's 9-bit document weights: `luceneScore <= exactScore` (up to float rounding) and at most
/// 0.39% lower.
///
/// @param hit                the hit explained
/// @param contributions      the matching tokens, largest exact contribution first
/// @param exactScore         the score with exact document weights
/// @param luceneScore        the score with indexed document weights
/// @param outrankedByNextExactly whether the next hit in the ranking has a higher *exact* score
///                           than this one: quantisation (or a score tie) put these two adjacent
///                           hits in the opposite order to the exact scores; always `false` for the
///                           last hit
public record HitExplanation(SearchHit hit, List<TokenContribution> contributions, double exactScore,
        float luceneScore, boolean outrankedByNextExactly) {
}
