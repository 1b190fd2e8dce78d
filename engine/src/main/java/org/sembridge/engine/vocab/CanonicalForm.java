package org.sembridge.engine.vocab;

/// The canonical form of one token string and whether it stands for raw bytes rather than text
/// (a SentencePiece `<0xNN>` token, or a byte-level token that is not valid UTF-8 on its own).
record CanonicalForm(String text, boolean byteFallback) {
}
