package org.sembridge.engine.run;

/// Word-translation precision of a run against a bilingual lexicon (MUSE convention): a target
/// word counts as correct at `k` when any of its gold source words is among the `k` source
/// tokens with the largest weights its embedding was built from (an overlap copy has its one
/// copied source; statistical baselines choose none and never count).
///
/// Only words that are single tokens on both sides are evaluated: the target word must be one
/// token of the target vocabulary in any form ([TargetWordForm]: word-start `▁word`, else
/// continuation `word`, else a raw byte-level entry), and at least one gold source word a
/// word-start token of the source vocabulary. The rest is counted as skipped.
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
/// @param words the evaluated words with their target token and the form it matched, in lexicon
///     order
public record LexiconEvaluation(String language, int lexiconPairs, int targetWords, int evaluated,
        int evaluatedOverlap, int skippedNotSingleTargetToken, int skippedNoSingleSourceToken, int hitsAt1,
        int hitsAt5, java.util.List<WordResult> words) {

    /// Copies the word list.
    public LexiconEvaluation {
        words = java.util.List.copyOf(words);
    }

    /// One evaluated word.
    ///
    /// @param word the target word of the lexicon
    /// @param targetId the target token it is
    /// @param token that token's vocabulary string
    /// @param form the form under which the word is that token
    /// @param hitAt1 whether its heaviest source is a gold word
    /// @param hitAt5 whether a gold word is among its 5 heaviest sources
    public record WordResult(String word, int targetId, String token, TargetWordForm.Form form, boolean hitAt1,
            boolean hitAt5) {
    }

    /// `hitsAt1 / evaluated`, 0 when nothing was evaluated.
    public double precisionAt1() {
        return evaluated == 0 ? 0.0 : hitsAt1 / (double) evaluated;
    }

    /// `hitsAt5 / evaluated`, 0 when nothing was evaluated.
    public double precisionAt5() {
        return evaluated == 0 ? 0.0 : hitsAt5 / (double) evaluated;
    }
}
