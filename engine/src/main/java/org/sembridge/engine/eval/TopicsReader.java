package org.sembridge.engine.eval;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.index.JsonLineParser;
import org.sembridge.engine.io.TextLineReader;

/// Reads the queries of an evaluation set.
///
/// Formats, by extension (optionally `.gz`):
/// - `.tsv`: `qid TAB text`, no header (MIRACL topics, MS MARCO queries);
/// - `.jsonl` / `.json`: one object per line with an id (`_id` as in BEIR, `query_id`, `qid` or
///   `id`) and a text (`text` or `query`); other fields are ignored.
///
/// Errors name the file and line: invalid UTF-8, malformed JSON, a wrong column count, an empty
/// or whitespace-containing id, a blank text, a duplicate id, a line longer than the limit (1 MiB
/// by default; refused, not truncated: a cut query would be evaluated as a different query), and
/// a file without any query (evaluating nothing would report scores of 0). Blank lines are
/// ignored. Ids may be JSON numbers, kept as written.
public final class TopicsReader {

    private static final List<String> ID_FIELDS = List.of("_id", "query_id", "qid", "id");
    private static final List<String> TEXT_FIELDS = List.of("text", "query");

    private TopicsReader() {
    }

    /// All topics of `file`, in file order.
    ///
    /// @throws InputFormatException for a malformed file (see the class comment)
    public static List<Topic> read(Path file) throws IOException, InputFormatException {
        return read(file, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// All topics of `file`, in file order, with lines of at most `maxLineBytes` bytes.
    ///
    /// @throws InputFormatException for a malformed file (see the class comment)
    public static List<Topic> read(Path file, int maxLineBytes) throws IOException, InputFormatException {
        boolean json = isJson(file);
        List<Topic> topics = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (TextLineReader lines = TextLineReader.open(file, maxLineBytes)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Topic topic = json ? parseJson(line, lines) : parseTsv(line, lines);
                TrecIds.check(topic.id(), "query id", lines);
                if (topic.text().isBlank()) {
                    throw lines.error("query '" + topic.id() + "' has an empty text");
                }
                Integer first = firstLine.putIfAbsent(topic.id(), lines.lineNumber());
                if (first != null) {
                    throw lines.error("duplicate query id '" + topic.id() + "' (first seen at line " + first + ")");
                }
                topics.add(topic);
            }
        }
        if (topics.isEmpty()) {
            throw new InputFormatException(file + ": holds no queries; expected one query per line ("
                    + (json ? "{\"_id\": ..., \"text\": ...}" : "qid TAB text") + ")");
        }
        return topics;
    }

    private static boolean isJson(Path file) throws InputFormatException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".tsv")) {
            return false;
        }
        throw new InputFormatException("cannot tell the queries format of " + file
                + ": expected a name ending in .tsv, .jsonl or .json (optionally + .gz)");
    }

    private static Topic parseJson(String line, TextLineReader lines) throws InputFormatException {
        JsonObject object = JsonLineParser.parseObject(line, lines);
        return new Topic(JsonLineParser.requiredString(object, ID_FIELDS, lines),
                JsonLineParser.requiredString(object, TEXT_FIELDS, lines));
    }

    private static Topic parseTsv(String line, TextLineReader lines) throws InputFormatException {
        String[] columns = line.split("\t", -1);
        if (columns.length != 2) {
            throw lines.error("expected 2 tab-separated columns (qid, text), found " + columns.length);
        }
        return new Topic(columns[0], columns[1]);
    }
}
