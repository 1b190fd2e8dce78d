package org.sembridge.engine.vocab;

/// One entry of a bilingual dictionary: a source-language word and one of its translations.
///
/// @param sourceWord the word in the source language (English for this project), not blank
/// @param targetWord a translation in the target language, not blank
public record WordPair(String sourceWord, String targetWord) {

    /// @throws IllegalArgumentException if a word is `null` or blank
    public WordPair {
        if (sourceWord == null || sourceWord.isBlank() || targetWord == null || targetWord.isBlank()) {
            throw new IllegalArgumentException(
                    "both words must be non-blank; found '" + sourceWord + "' and '" + targetWord + "'");
        }
    }
}
