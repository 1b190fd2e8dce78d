package org.sembridge.engine.run;

/// Word-translation precision of a run against a bilingual lexicon (MUSE convention): a target
/// word counts as correct at `k` when any of its gold source words is among the `k` source
/// tokens with the largest weights its embedding was built from (an overlap copy has its one
/// copied source; statistical baselines choose none and never count).
///
/// Only words that are single tokens on both sides are evaluated: the target word must be a
/// word-start token of the target vocabulary (canonical form `▁word`), and at least one gold
/// source word a word-start token of the source vocabulary. The rest is counted as skipped.
///
/// @param language the lexicon's target language (a concepts column such as `ko`, or `muse`)
/// @param lexiconPairs word pairs in the lexicon
/// @param targetWords distinct target words in the lexicon
/// @param evaluated target words evaluated
/// @param evaluatedOverlap of those, words whose row was an overlap copy
/// @param skippedNotSingleTargetToken target words that are not one target token
/// @param skippedNoSingleSourceToken target words none of whose gold source words is one source
///     token
/// @param hitsAt1 words whose heaviest source is a gold word
/// @param hitsAt5 words with a gold word among their 5 heaviest sources
public record LexiconEvaluation(String language, int lexiconPairs, int targetWords, int evaluated,
        int evaluatedOverlap, int skippedNotSingleTargetToken, int skippedNoSingleSourceToken, int hitsAt1,
        int hitsAt5) {

    /// `hitsAt1 / evaluated`, 0 when nothing was evaluated.
    public double precisionAt1() {
        return evaluated == 0 ? 0.0 : hitsAt1 / (double) evaluated;
    }

    /// `hitsAt5 / evaluated`, 0 when nothing was evaluated.
    public double precisionAt5() {
        return evaluated == 0 ? 0.0 : hitsAt5 / (double) evaluated;
    }
}
