package org.sembridge.engine.projection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.AtomicFiles;

/// The map coordinates CSV file: UTF-8, RFC 4180, one header line
/// `token,id,space,language,kind,x,y`, then one line per point.
///
/// Writing quotes a field only when it contains a comma, a double quote, CR or LF (quotes inside
/// are doubled), and writes `x`, `y` as the shortest decimal that reads back to the same float;
/// files are written atomically ([AtomicFiles]).
///
/// Reading (for coordinates computed elsewhere) finds the seven columns by their header names in
/// any order and ignores other columns; it accepts quoted fields with commas, quotes and line
/// breaks, CRLF line ends, a UTF-8 byte order mark and blank lines. Every problem is an
/// [InputFormatException] naming the file and the line: a missing column, a short line, an id
/// that is not an integer, a coordinate that is not a finite number, a broken quote.
public final class MapCsvFormat {

    /// The column names, in the order they are written.
    public static final List<String> COLUMNS = List.of("token", "id", "space", "language", "kind", "x", "y");

    private MapCsvFormat() {
    }

    /// Writes `points` to `file` atomically.
    public static void write(Path file, List<MapPoint> points) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(String.join(",", COLUMNS));
            writer.write('\n');
            for (MapPoint point : points) {
                writer.write(quoted(point.token()));
                writer.write(',');
                writer.write(Integer.toString(point.id()));
                writer.write(',');
                writer.write(quoted(point.space()));
                writer.write(',');
                writer.write(quoted(point.language()));
                writer.write(',');
                writer.write(quoted(point.kind()));
                writer.write(',');
                writer.write(Float.toString(point.x()));
                writer.write(',');
                writer.write(Float.toString(point.y()));
                writer.write('\n');
            }
            writer.flush();
        });
    }

    /// Reads the points of a coordinates file.
    ///
    /// @throws InputFormatException when the file is not a valid coordinates file (message names
    ///     file and line)
    /// @throws IOException when the file cannot be read
    public static List<MapPoint> read(Path file) throws IOException, InputFormatException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RecordReader records = new RecordReader(reader, file);
            List<String> header = records.next();
            if (header == null) {
                throw new InputFormatException(file + ": the file is empty; expected the header line "
                        + String.join(",", COLUMNS));
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            int[] column = new int[COLUMNS.size()];
            for (int c = 0; c < COLUMNS.size(); c++) {
                column[c] = header.indexOf(COLUMNS.get(c));
                if (column[c] < 0) {
                    throw new InputFormatException(file + ":" + records.recordLine() + ": the header has no column '"
                            + COLUMNS.get(c) + "'; expected " + String.join(",", COLUMNS) + " (any order, extra "
                            + "columns allowed), found " + String.join(",", header));
                }
            }
            int needed = 0;
            for (int c : column) {
                needed = Math.max(needed, c + 1);
            }
            List<MapPoint> points = new ArrayList<>();
            for (List<String> fields = records.next(); fields != null; fields = records.next()) {
                String where = file + ":" + records.recordLine() + ": ";
                if (fields.size() < needed) {
                    throw new InputFormatException(where + "expected at least " + needed + " fields, found "
                            + fields.size());
                }
                points.add(new MapPoint(fields.get(column[0]), parseId(fields.get(column[1]), where),
                        fields.get(column[2]), fields.get(column[3]), fields.get(column[4]),
                        parseCoordinate(fields.get(column[5]), "x", where),
                        parseCoordinate(fields.get(column[6]), "y", where)));
            }
            return points;
        } catch (CharacterCodingException e) {
            throw new InputFormatException(file + ": the file is not valid UTF-8", e);
        }
    }

    private static int parseId(String text, String where) throws InputFormatException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InputFormatException(where + "column 'id' must be an integer; found '" + text + "'", e);
        }
    }

    private static float parseCoordinate(String text, String name, String where) throws InputFormatException {
        float value;
        try {
            value = Float.parseFloat(text.strip());
        } catch (NumberFormatException e) {
            throw new InputFormatException(where + "column '" + name + "' must be a number; found '" + text + "'", e);
        }
        if (!Float.isFinite(value)) {
            throw new InputFormatException(where + "column '" + name + "' must be finite; found '" + text + "'");
        }
        return value;
    }

    private static String quoted(String field) {
        boolean needsQuotes = false;
        for (int i = 0; i < field.length() && !needsQuotes; i++) {
            char c = field.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /// Splits RFC 4180 text into records of fields, tracking the line each record starts on.
    private static final class RecordReader {

        /// The longest record accepted, in characters: a point is a label and a few numbers, so a
        /// longer record means a damaged or hostile file, refused before it can exhaust memory.
        private static final int MAX_RECORD_CHARS = 1 << 20;

        private final Reader reader;
        private final Path file;
        private int line = 1;
        private int recordLine;
        private int pending = -2;
        private int recordChars;

        RecordReader(Reader reader, Path file) {
            this.reader = reader;
            this.file = file;
        }

        /// The 1-based line on which the last record returned by [#next()] starts.
        int recordLine() {
            return recordLine;
        }

        /// The next non-blank record, or null at the end of the file.
        List<String> next() throws IOException, InputFormatException {
            while (true) {
                int c = read();
                if (c == -1) {
                    return null;
                }
                if (c == '\n') {
                    continue;
                }
                if (c == '\r') {
                    skipLineFeed();
                    continue;
                }
                unread(c);
                recordLine = line;
                recordChars = 0;
                return record();
            }
        }

        private List<String> record() throws IOException, InputFormatException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                int c = read();
                if (c == '"' && field.isEmpty()) {
                    quotedField(field);
                    c = read();
                    if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                        throw new InputFormatException(file + ":" + line + ": expected a comma or a line end after "
                                + "a closing quote; found '" + (char) c + "'");
                    }
                } else if (c == '"') {
                    throw new InputFormatException(file + ":" + line + ": a double quote inside an unquoted field; "
                            + "quote the whole field and double the quote (\"\")");
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r' || c == -1) {
                    if (c == '\r') {
                        skipLineFeed();
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
            }
        }

        private void quotedField(StringBuilder field) throws IOException, InputFormatException {
            int startLine = line;
            while (true) {
                int c = read();
                if (c == -1) {
                    throw new InputFormatException(file + ":" + startLine + ": a quoted field is not closed "
                            + "before the end of the file");
                }
                if (c == '"') {
                    int next = read();
                    if (next != '"') {
                        unread(next);
                        return;
                    }
                }
                field.append((char) c);
            }
        }

        private void skipLineFeed() throws IOException, InputFormatException {
            int c = read();
            if (c != '\n') {
                line++;
                unread(c);
            }
        }

        private int read() throws IOException, InputFormatException {
            int c;
            if (pending != -2) {
                c = pending;
                pending = -2;
            } else {
                c = reader.read();
                if (++recordChars > MAX_RECORD_CHARS) {
                    throw new InputFormatException(file + ":" + recordLine + ": a record longer than "
                            + MAX_RECORD_CHARS + " characters; a point is a label and a few numbers (is the file"
                            + " damaged?)");
                }
            }
            if (c == '\n') {
                line++;
            }
            return c;
        }

        private void unread(int c) {
            if (c == '\n') {
                line--;
            }
            pending = c;
        }
    }
}
