package org.sembridge.engine.index;

import java.nio.file.Path;
import java.util.Locale;
import org.sembridge.engine.InputFormatException;

/// The file formats a corpus can be read from, chosen by file name extension.
public enum CorpusFormat {

    /// JSON Lines (`.jsonl`, `.json`, optionally `.gz`): one object per line with an id field
    /// (`_id` as in BEIR, `docid` as in MIRACL, or `id`), a `text` (or Anserini's `contents`) field
    /// and an optional `title`. Other fields are ignored.
    JSON_LINES,

    /// Tab-separated values (`.tsv`, optionally `.gz`): `id TAB text` or `id TAB text TAB title`,
    /// no header, no quoting or escapes.
    TSV;

    /// The format of `file` from its extension (a trailing `.gz` is ignored).
    ///
    /// @throws InputFormatException for any other extension, naming the accepted ones
    public static CorpusFormat of(Path file) throws InputFormatException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return JSON_LINES;
        }
        if (name.endsWith(".tsv")) {
            return TSV;
        }
        throw new InputFormatException("cannot tell the corpus format of " + file
                + ": expected a name ending in .jsonl, .json or .tsv (optionally + .gz)");
    }
}
