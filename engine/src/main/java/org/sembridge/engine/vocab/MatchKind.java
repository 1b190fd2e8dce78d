package org.sembridge.engine.vocab;

/// The step of the overlap match that found a target token's source token.
public enum MatchKind {

    /// The special-role step ([OverlapOptions#specialsByRole()]): a target special of a known
    /// [SpecialRole] copies the source special of the same role (`<s>` from `[CLS]`).
    SPECIAL_ROLE,

    /// The symbol step ([OverlapOptions#symbols()]): a special or symbol token matched by its
    /// canonical form, else by its fuzzy form.
    SYMBOL,

    /// Same canonical form ([OverlapOptions#exact()]).
    EXACT,

    /// Same fuzzy form ([OverlapOptions#fuzzy()]): equal up to `▁` and case.
    FUZZY,

    /// No source token: the token is new and gets a bridge-weighted embedding.
    NONE
}
