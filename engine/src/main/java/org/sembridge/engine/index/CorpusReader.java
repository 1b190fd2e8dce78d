package org.sembridge.engine.index;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.InputFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Streams the documents of a corpus file ([CorpusFormat]: JSON Lines or TSV, optionally gzip),
/// validating each line as it goes.
///
/// Every problem is an [InputFormatException] that names the file and line: invalid UTF-8,
/// malformed JSON, a missing or non-string field, a wrong number of TSV columns, an empty id, an id
/// with whitespace (TREC runs and qrels could not represent it), and a duplicate id (the message
/// also names the line where the id first appeared). Blank lines are ignored.
///
/// **Empty documents** (title and text both blank) are *skipped, not fatal*: public corpora
/// contain a few (Wikipedia stubs), and failing a multi-hour indexing run on one of them helps
/// nobody. They are counted ([#skippedEmptyDocuments()]), the first few are logged at WARN with
/// their line, and the count is recorded in the index metadata. Their ids still count for the
/// duplicate check.
///
/// **Size limit.** A line (one document) may hold at most `maxLineBytes` bytes of UTF-8, by
/// default [TextLineReader#DEFAULT_MAX_LINE_BYTES] (1 MiB); a longer document is *refused* with
/// the file and line, not truncated: cutting a JSON line breaks its syntax, and cutting a TSV line
/// would silently drop its title column. (The encoder reads only the first few hundred tokens of a
/// document anyway, so a genuine longer document can be shortened by the user or the limit raised.)
/// The limit is enforced while reading, so a small `.gz` file that expands to one huge line fails
/// after about 1 MiB instead of exhausting memory.
///
/// Memory: the set of ids seen so far (about 60 bytes per document plus the id).
public final class CorpusReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusReader.class);
    private static final List<String> ID_FIELDS = List.of("_id", "docid", "id");
    private static final List<String> TEXT_FIELDS = List.of("text", "contents");
    private static final List<String> TITLE_FIELDS = List.of("title");
    private static final int LOGGED_EMPTY_DOCUMENTS = 5;

    private final TextLineReader lines;
    private final CorpusFormat format;
    private final long sizeBytes;
    private final Map<String, Integer> firstLineOfId = new HashMap<>();
    private long skippedEmptyDocuments;
    private long documentsRead;

    private CorpusReader(TextLineReader lines, CorpusFormat format, long sizeBytes) {
        this.lines = lines;
        this.format = format;
        this.sizeBytes = sizeBytes;
    }

    /// Opens `file`, choosing the format from its extension.
    ///
    /// @throws InputFormatException when the extension is unknown or the file is missing
    public static CorpusReader open(Path file) throws IOException, InputFormatException {
        return open(file, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// Opens `file` with documents (lines) of at most `maxLineBytes` bytes.
    ///
    /// @throws InputFormatException when the extension is unknown or the file is missing
    /// @throws IllegalArgumentException when `maxLineBytes` is outside
    ///     `[1, TextLineReader.LARGEST_MAX_LINE_BYTES]`
    public static CorpusReader open(Path file, int maxLineBytes) throws IOException, InputFormatException {
        CorpusFormat format = CorpusFormat.of(file);
        TextLineReader lines = TextLineReader.open(file, maxLineBytes);
        return new CorpusReader(lines, format, Files.size(file));
    }

    /// The next non-empty document, or `null` at the end of the corpus.
    ///
    /// @throws InputFormatException for a malformed line (see the class comment)
    public CorpusDocument next() throws IOException, InputFormatException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            documentsRead++;
            CorpusDocument document = switch (format) {
                case JSON_LINES -> parseJson(line);
                case TSV -> parseTsv(line);
            };
            checkId(document.id());
            if (!document.isEmpty()) {
                return document;
            }
            skippedEmptyDocuments++;
            if (skippedEmptyDocuments <= LOGGED_EMPTY_DOCUMENTS) {
                LOG.warn("{}: document '{}' has neither title nor text; skipped", lines.location(), document.id());
            }
        }
        return null;
    }

    private CorpusDocument parseJson(String line) throws InputFormatException {
        JsonObject object = JsonLineParser.parseObject(line, lines);
        String id = JsonLineParser.requiredString(object, ID_FIELDS, lines);
        String text = JsonLineParser.requiredString(object, TEXT_FIELDS, lines);
        String title = JsonLineParser.optionalString(object, TITLE_FIELDS, lines);
        return new CorpusDocument(id, title == null ? "" : title, text);
    }

    private CorpusDocument parseTsv(String line) throws InputFormatException {
        String[] columns = line.split("\t", -1);
        if (columns.length != 2 && columns.length != 3) {
            throw lines.error("expected 2 or 3 tab-separated columns (id, text[, title]), found "
                    + columns.length);
        }
        return new CorpusDocument(columns[0], columns.length == 3 ? columns[2] : "", columns[1]);
    }

    private void checkId(String id) throws InputFormatException {
        if (id.isEmpty()) {
            throw lines.error("empty document id");
        }
        if (id.codePoints().anyMatch(Character::isWhitespace)) {
            throw lines.error("document id '" + id + "' contains whitespace; TREC runs and qrels cannot represent it");
        }
        Integer first = firstLineOfId.putIfAbsent(id, lines.lineNumber());
        if (first != null) {
            throw lines.error("duplicate document id '" + id + "' (first seen at line " + first + ")");
        }
    }

    /// Refuses a corpus file without a non-blank line (`corpus.jsonl: no documents; nothing to
    /// index`), reading only up to its first one and parsing nothing, so that a caller can refuse an
    /// empty corpus before it loads a model.
    ///
    /// @throws InputFormatException when the extension is unknown, the file is missing or it has
    ///     no non-blank line
    public static void requireContent(Path file, int maxLineBytes) throws IOException, InputFormatException {
        CorpusFormat.of(file);
        try (TextLineReader lines = TextLineReader.open(file, maxLineBytes)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    return;
                }
            }
        }
        throw noDocuments(file, 0);
    }

    /// The error for a corpus read to its end without a document: the file, and how many empty
    /// documents were skipped (`corpus.jsonl: no documents; nothing to index`).
    public InputFormatException noDocuments() {
        return noDocuments(file(), skippedEmptyDocuments);
    }

    private static InputFormatException noDocuments(Path file, long skippedEmptyDocuments) {
        return new InputFormatException(file + ": no documents"
                + (skippedEmptyDocuments > 0 ? " with text (" + skippedEmptyDocuments
                        + " without title and text skipped)" : "") + "; nothing to index");
    }

    /// How many empty documents were skipped so far.
    public long skippedEmptyDocuments() {
        return skippedEmptyDocuments;
    }

    /// Documents (non-blank lines) read so far, empty ones included: progress against
    /// [#countDocuments(Path)].
    public long documentsRead() {
        return documentsRead;
    }

    /// The number of documents in `file` as [#next()] will see them: its non-blank lines (empty
    /// documents included, they are skipped later). One streaming pass over the file (decompressed
    /// for `.gz`), without parsing; malformed lines are left for [#next()] to report.
    ///
    /// @throws InputFormatException when the file is missing or not valid UTF-8 (file and line)
    public static long countDocuments(Path file) throws IOException, InputFormatException {
        return countDocuments(file, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// As [#countDocuments(Path)] with lines of at most `maxLineBytes` bytes (the limit the
    /// reading pass will use, so a line over it is refused before any document is encoded).
    ///
    /// @throws InputFormatException when the file is missing, not valid UTF-8, or has a line over
    ///     the limit (file and line)
    public static long countDocuments(Path file, int maxLineBytes) throws IOException, InputFormatException {
        long count = 0;
        try (TextLineReader lines = TextLineReader.open(file, maxLineBytes)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    count++;
                }
            }
        }
        return count;
    }

    /// Bytes of the file consumed so far (compressed bytes for `.gz`), for progress against
    /// [#sizeBytes()]; read-ahead makes this up to 64 KiB ahead of the documents returned, so a
    /// small corpus is "fully read" after its first batch: use [#documentsRead()] for progress.
    public long bytesRead() {
        return lines.bytesRead();
    }

    /// The size of the corpus file in bytes.
    public long sizeBytes() {
        return sizeBytes;
    }

    /// The corpus file.
    public Path file() {
        return lines.file();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
