package org.sembridge.engine.vocab;

/// Which target tokens count as present in the source vocabulary (the reference's
/// `exact_match_all`, `fuzzy_match_all`, `match_symbols`, plus our special-token roles).
///
/// @param exact match any token whose canonical form occurs in the source (default true)
/// @param fuzzy match any token whose fuzzy form (no `▁`, lower case) occurs in the source
///     (default false)
/// @param symbols first match special tokens and symbol tokens (numeric, punctuation,
///     whitespace, empty; [TokenKind#SPECIAL], [TokenKind#SYMBOL]) by canonical form, else by
///     fuzzy form (default false)
/// @param specialsByRole before anything else, copy each target special token of a known
///     [SpecialRole] (`<s>`, `<bos>`, `<unk>`, `<mask>`...) from the source special of the same
///     role (`[CLS]`, `[UNK]`, `[MASK]`...) (default false here, the paper's behaviour; the CLI
///     and the workbench turn it on)
public record OverlapOptions(boolean exact, boolean fuzzy, boolean symbols, boolean specialsByRole) {

    /// The reference defaults: exact matches only.
    public static final OverlapOptions DEFAULTS = new OverlapOptions(true, false, false, false);

    /// Options without special-token roles (the paper's matching).
    public OverlapOptions(boolean exact, boolean fuzzy, boolean symbols) {
        this(exact, fuzzy, symbols, false);
    }
}
