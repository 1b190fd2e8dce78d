package org.sembridge.app.inspector;

/// The columns of the inspector's token table, in display order; each sorts by a primitive key
/// of [TokenFigures] (see [RowSorter]).
public enum TokenColumn {
    ID("id", "Target token id (line of alignments.jsonl)"),
    TOKEN("token", "Target token as stored (▁ marks a word start, ## a continuation)"),
    KIND("kind", "overlap (copied), new (built from weighted sources) or special"),
    SUPPORT("support", "Number of source tokens with a positive weight"),
    TOP_SOURCE("top source", "The source token with the largest weight"),
    TOP_WEIGHT("top weight", "The largest weight, in (0, 1]"),
    ENTROPY("entropy (nats)", "-Σ w ln w over the weights, in nats; 0 for a copy"),
    LEXICON("lexicon", "Against assets/lexicon/concepts.tsv: hit@1, hit@5, miss, — (not a lexicon word), n/a (no lexicon)");

    private final String title;
    private final String description;

    TokenColumn(String title, String description) {
        this.title = title;
        this.description = description;
    }

    /// The header text.
    public String title() {
        return title;
    }

    /// The header tooltip.
    public String description() {
        return description;
    }
}
