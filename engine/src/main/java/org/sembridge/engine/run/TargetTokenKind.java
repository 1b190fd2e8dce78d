package org.sembridge.engine.run;

import java.util.Locale;

/// What a target token is in a run, as written in `alignments.jsonl`.
public enum TargetTokenKind {
    /// A token whose row was copied from a source token with the same (canonical or fuzzy) form.
    OVERLAP,
    /// A token whose row the method built (from bridge-weighted source rows, or a statistic).
    NEW,
    /// A special token of the target tokenizer (`[CLS]`, `<pad>`, ...): copied when it overlaps
    /// or (with `--map-specials`) from the source special of the same role, else built like a
    /// new token.
    SPECIAL,
    /// A raw-byte piece (`<0x80>`, a byte-level piece of a multi-byte character): its row is the
    /// mean of the rows of the target tokens containing its bytes.
    BYTE,
    /// A reserved or unused entry (`<unusedN>`, `[unusedN]`, `<|reserved_special_token_N|>`): its
    /// row is the mean of the source rows.
    RESERVED;

    /// The name in `alignments.jsonl`: `overlap`, `new`, `special`, `byte` or `reserved`.
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
