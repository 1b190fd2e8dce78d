package org.sembridge.engine.experiment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/// One column of the experiment table: a target language, its tokenizer and its test collection.
///
/// @param code       the language code used as the column name and folder name (`ko`, `zh`, ...)
/// @param tokenizer  the target tokenizer (folder or `tokenizer.json`); empty only for the
///     source-language reference, which is evaluated with the source encoder's own tokenizer
/// @param collection the documents, queries and judgements in that language
public record ExperimentLanguage(String code, Optional<Path> tokenizer, RetrievalCollection collection) {

    /// Checks for missing values and a code that could not name a folder.
    ///
    /// @throws IllegalArgumentException for a code that is blank or holds anything but letters,
    ///     digits, `-` and `_`
    public ExperimentLanguage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(collection, "collection");
        if (!isValidCode(code)) {
            throw new IllegalArgumentException("language code must be letters, digits, '-' or '_', found '" + code
                    + "'");
        }
    }

    /// Whether `code` can be a language code: non-empty, letters, digits, `-` and `_` only.
    public static boolean isValidCode(String code) {
        return code != null && code.matches("[A-Za-z0-9_-]+");
    }
}
