package org.sembridge.engine.hf;

/// Whether the MLM decoder of a checkpoint shares its weight with the word embeddings.
///
/// The SemBridge recipe needs to know: a tied decoder follows the new embedding matrix
/// automatically, an untied one has to be mapped as well.
public enum DecoderTying {
    /// The decoder weight is not stored; the model uses the word embeddings (the usual
    /// `save_pretrained` output of a tied model).
    TIED_NOT_STORED("tied (decoder weight not stored, shares the word embeddings)"),
    /// The decoder weight is stored and bit-for-bit equal to the word embeddings.
    TIED_STORED_EQUAL("tied (decoder weight stored, equal to the word embeddings)"),
    /// The decoder weight is stored and differs from the word embeddings.
    UNTIED("untied (decoder weight stored, differs from the word embeddings)"),
    /// The checkpoint has no MLM head (a bare encoder).
    NO_HEAD("no MLM head");

    private final String description;

    DecoderTying(String description) {
        this.description = description;
    }

    /// A short human-readable description for reports.
    public String description() {
        return description;
    }

    /// Whether the decoder uses the word-embedding values.
    public boolean isTied() {
        return this == TIED_NOT_STORED || this == TIED_STORED_EQUAL;
    }
}
