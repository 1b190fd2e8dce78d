package org.sembridge.app.inspector;

/// How a target token fares against the bilingual lexicon (`assets/lexicon/concepts.tsv`, the
/// run's target column), MUSE style: whether a gold English word is among the token's heaviest
/// source tokens. The same test as the engine's `LexiconEvaluator`, per token.
public enum LexiconOutcome {
    /// No lexicon for the run's language (or no lexicon file): the column shows `n/a`.
    NOT_AVAILABLE("n/a"),
    /// The token is not the word-start token of a lexicon word (or none of its gold words is a
    /// source token): nothing to judge.
    NOT_IN_LEXICON("—"),
    /// The heaviest source is a gold word.
    HIT_AT_1("hit@1"),
    /// A gold word is among the 2nd to 5th heaviest sources.
    HIT_AT_5("hit@5"),
    /// No gold word among the 5 heaviest sources.
    MISS("miss");

    private final String label;

    LexiconOutcome(String label) {
        this.label = label;
    }

    /// What the table and the CSV show: `n/a`, `—`, `hit@1`, `hit@5` or `miss`.
    public String label() {
        return label;
    }

    /// Whether the token is a judged lexicon word (hit or miss).
    public boolean judged() {
        return this == HIT_AT_1 || this == HIT_AT_5 || this == MISS;
    }
}
