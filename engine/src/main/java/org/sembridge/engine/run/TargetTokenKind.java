package org.sembridge.engine.run;

import java.util.Locale;

/// What a target token is in a run, as written in `alignments.jsonl`.
public enum TargetTokenKind {
    /// A token whose row was copied from a source token with the same (canonical or fuzzy) form.
    OVERLAP,
    /// A token whose row the method built (from bridge-weighted source rows, or a statistic).
    NEW,
    /// A special token of the target tokenizer (`[CLS]`, `<pad>`, ...): copied when it overlaps,
    /// else built like a new token.
    SPECIAL;

    /// The name in `alignments.jsonl`: `overlap`, `new` or `special`.
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// The kind with [#jsonName()] `name`.
    ///
    /// @throws IllegalArgumentException for any other name
    public static TargetTokenKind fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
