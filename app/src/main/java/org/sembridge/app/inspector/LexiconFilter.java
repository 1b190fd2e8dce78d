package org.sembridge.app.inspector;

/// Which lexicon outcomes the token table keeps.
public enum LexiconFilter {
    ANY("any"),
    /// Judged lexicon words, hit or miss.
    IN_LEXICON("lexicon words"),
    HIT_AT_1("hit@1"),
    /// A gold word among the 5 heaviest sources (hit@1 included).
    HIT_AT_5("hit@5"),
    MISS("miss");

    private final String label;

    LexiconFilter(String label) {
        this.label = label;
    }

    /// The label in the filter's chooser.
    public String label() {
        return label;
    }

    /// Whether a token with `outcome` passes.
    public boolean accepts(LexiconOutcome outcome) {
        return switch (this) {
            case ANY -> true;
            case IN_LEXICON -> outcome.judged();
            case HIT_AT_1 -> outcome == LexiconOutcome.HIT_AT_1;
            case HIT_AT_5 -> outcome == LexiconOutcome.HIT_AT_1 || outcome == LexiconOutcome.HIT_AT_5;
            case MISS -> outcome == LexiconOutcome.MISS;
        };
    }
}
