package org.sembridge.engine.vocab;

/// What a vocabulary entry is, for reports and for the symbol step of the overlap match.
///
/// Each token gets the first kind that applies, in declaration order.
public enum TokenKind {

    /// One of the vocabulary's special token ids (`[CLS]`, `<s>`, `<pad>`, ...), as given by the
    /// tokenizer; the spelling does not matter.
    SPECIAL,

    /// Raw bytes rather than text: a SentencePiece `<0xNN>` token, or a byte-level BPE token that
    /// is not valid UTF-8 on its own (canonical form with `<0xNN>` parts).
    BYTE_FALLBACK,

    /// The fuzzy form is numeric (Python `str.isnumeric`: digits, `½`, `Ⅷ`, `三`), ASCII
    /// punctuation only, whitespace only, or empty (the bare markers `▁`, `Ġ`, `##`).
    SYMBOL,

    /// A token that continues a word: the canonical form does not start with `▁`.
    CONTINUATION,

    /// A token that starts a word: the canonical form starts with `▁`.
    WORD_START
}
