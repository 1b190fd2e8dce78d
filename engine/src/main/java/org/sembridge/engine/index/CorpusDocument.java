package org.sembridge.engine.index;

import java.util.Objects;

/// One document of a retrieval corpus: its identifier, an optional title and the body text.
///
/// @param id    the document id as written in the corpus and in qrels; non-empty, no whitespace
/// @param title the title, `""` when the corpus has none
/// @param text  the body text, `""` when the document has only a title
public record CorpusDocument(String id, String title, String text) {

    public CorpusDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /// The text the sparse encoder and BM25 see: `title + " " + text` when there is a title, else
    /// `text` (the BEIR/MIRACL convention of prefixing the title).
    public String contents() {
        if (title.isBlank()) {
            return text;
        }
        return text.isBlank() ? title : title + " " + text;
    }

    /// Whether title and text are both blank, so there is nothing to encode.
    public boolean isEmpty() {
        return title.isBlank() && text.isBlank();
    }
}
