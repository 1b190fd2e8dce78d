package org.sembridge.engine.run;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntFunction;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.google.gson.stream.MalformedJsonException;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.ReadFailure;

/// A run's `alignments.jsonl`: one JSON object per target token, line `n` for token id `n`.
///
/// ```
/// {"id":1234,"token":"집","kind":"new",
///  "sources":[{"id":2160,"token":"house","weight":0.61,"similarity":0.83},...],
///  "support":3,"entropy":0.92,
///  "nearest":[{"id":2160,"token":"house","similarity":0.83},...],"bias":0.0}
/// ```
///
/// Overlap copies add `"overlap_source": id` and list their source without `similarity`;
/// softmax rows add `"truncated": true` (their `support` and `entropy` are the dense row's);
/// rows whose bridge text embeds like the bridge's unknown token add `"bridge_unknown": true`
/// right after `kind`; rows a rule filled add `"rule": "source_mean"` or `"byte_mean"`. Weights and similarities are written as the shortest
/// decimal that reads back to the same `float`.
///
/// [#open] scans the file once, keeping only the byte offset, the token, the kind and the copy
/// flag of every line (read from the line's start, the rest is not parsed); [#read(int)] parses one line on
/// demand. Memory: an offset, a token string and a map entry per target token.
public final class AlignmentsFile {

    /// The longest line accepted, 16 MiB: a record lists at most a few hundred source tokens, so a
    /// longer line means a damaged or hostile file, refused before it can exhaust memory.
    static final int MAX_LINE_BYTES = 16 << 20;


    /// File name inside a run folder.
    public static final String FILE_NAME = "alignments.jsonl";

    // The member names of a line, in one place for the writer ([#writeJson]), the line-start scan
    // ([#readPrefix]) and the parser ([#parse]). The file has no version field of its own: it is
    // part of a run folder, whose run.json format_version covers it (RunManifest#FORMAT_VERSION).
    private static final String KEY_ID = "id";
    private static final String KEY_TOKEN = "token";
    private static final String KEY_KIND = "kind";
    private static final String KEY_OVERLAP_SOURCE = "overlap_source";
    private static final String KEY_BRIDGE_UNKNOWN = "bridge_unknown";
    private static final String KEY_RULE = "rule";
    private static final String KEY_SOURCES = "sources";
    private static final String KEY_WEIGHT = "weight";
    private static final String KEY_SIMILARITY = "similarity";
    private static final String KEY_SUPPORT = "support";
    private static final String KEY_ENTROPY = "entropy";
    private static final String KEY_NEAREST = "nearest";
    private static final String KEY_BIAS = "bias";
    private static final String KEY_TRUNCATED = "truncated";


    private final Path file;
    private final long[] offsets;
    private final List<String> tokens;
    private final TargetTokenKind[] kinds;
    private final BitSet copies;
    private final BitSet bridgeUnknown;
    private final BitSet ruled;
    private final Map<String, Integer> idsByToken = new HashMap<>();

    private AlignmentsFile(Path file, long[] offsets, List<String> tokens, TargetTokenKind[] kinds, BitSet copies,
            BitSet bridgeUnknown, BitSet ruled) {
        this.bridgeUnknown = bridgeUnknown;
        this.ruled = ruled;
        this.file = file;
        this.offsets = offsets;
        this.tokens = List.copyOf(tokens);
        this.kinds = kinds;
        this.copies = copies;
        for (int id = 0; id < tokens.size(); id++) {
            idsByToken.putIfAbsent(tokens.get(id), id);
        }
    }

    /// Writes `count` records, record `n` from `records.apply(n)`, atomically.
    ///
    /// @throws IOException from the file system; nothing is left at `file` then
    public static void write(Path file, int count, IntFunction<AlignmentRecord> records) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (int id = 0; id < count; id++) {
                AlignmentRecord record = records.apply(id);
                if (record.id() != id) {
                    throw new IllegalArgumentException("record " + id + " has id " + record.id());
                }
                writeLine(writer, record);
            }
            writer.flush();
        });
    }

    private static void writeLine(Writer writer, AlignmentRecord record) throws IOException {
        writeJson(writer, record);
        writer.write('\n');
    }

    /// One record as the single-line JSON object of the file (no newline), e.g. for `--json`
    /// output.
    public static String toJson(AlignmentRecord record) {
        StringWriter writer = new StringWriter();
        try {
            writeJson(writer, record);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return writer.toString();
    }

    private static void writeJson(Writer writer, AlignmentRecord record) throws IOException {
        JsonWriter json = new JsonWriter(writer);
        json.setHtmlSafe(false);
        json.beginObject();
        json.name(KEY_ID).value(record.id());
        json.name(KEY_TOKEN).value(record.token());
        json.name(KEY_KIND).value(record.kind().jsonName());
        if (record.isCopy()) {
            json.name(KEY_OVERLAP_SOURCE).value(record.overlapSourceId());
        }
        if (record.bridgeUnknown()) {
            json.name(KEY_BRIDGE_UNKNOWN).value(true);
        }
        if (!record.rule().isEmpty()) {
            json.name(KEY_RULE).value(record.rule());
        }
        json.name(KEY_SOURCES).beginArray();
        for (SourceWeight source : record.sources()) {
            json.beginObject();
            json.name(KEY_ID).value(source.id());
            json.name(KEY_TOKEN).value(source.token());
            json.name(KEY_WEIGHT).value(Float.valueOf(source.weight()));
            if (!Float.isNaN(source.similarity())) {
                json.name(KEY_SIMILARITY).value(Float.valueOf(source.similarity()));
            }
            json.endObject();
        }
        json.endArray();
        json.name(KEY_SUPPORT).value(record.support());
        json.name(KEY_ENTROPY).value(record.entropyNats());
        json.name(KEY_NEAREST).beginArray();
        for (NearestSource near : record.nearest()) {
            json.beginObject();
            json.name(KEY_ID).value(near.id());
            json.name(KEY_TOKEN).value(near.token());
            json.name(KEY_SIMILARITY).value(Float.valueOf(near.similarity()));
            json.endObject();
        }
        json.endArray();
        json.name(KEY_BIAS).value(Float.valueOf(record.bias()));
        if (record.truncated()) {
            json.name(KEY_TRUNCATED).value(true);
        }
        json.endObject();
        json.flush();
    }

    /// Indexes an `alignments.jsonl`: line offsets and tokens.
    ///
    /// @throws InputFormatException naming the file and line when a line does not start with
    ///     its `id` (equal to the line number) and `token`
    /// @throws IOException when the file cannot be read
    public static AlignmentsFile open(Path file) throws IOException, InputFormatException {
        List<Long> starts = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<TargetTokenKind> kinds = new ArrayList<>();
        BitSet copies = new BitSet();
        BitSet unknown = new BitSet();
        BitSet ruled = new BitSet();
        InputStream opened;
        try {
            opened = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file + ": file not found; a run folder written by `sembridge init` has"
                    + " one alignment record per target token there", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be opened: " + ReadFailure.reason(e), e);
        }
        try (InputStream in = opened) {
            byte[] chunk = new byte[1 << 16];
            byte[] line = new byte[1024];
            int length = 0;
            long position = 0;
            long lineStart = 0;
            int read;
            while ((read = in.read(chunk)) > 0) {
                for (int i = 0; i < read; i++) {
                    position++;
                    if (chunk[i] != '\n') {
                        if (length == line.length) {
                            if (length >= MAX_LINE_BYTES) {
                                throw new InputFormatException(file + ": line " + (starts.size() + 1) + " is longer than "
                                        + ReadFailure.size(MAX_LINE_BYTES) + "; an alignment record is a few KiB"
                                        + " (is the file damaged?)");
                            }
                            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
                        }
                        line[length++] = chunk[i];
                        continue;
                    }
                    int id = starts.size();
                    readPrefix(file, id, line, length, tokens, kinds, copies, unknown, ruled);
                    starts.add(lineStart);
                    lineStart = position;
                    length = 0;
                }
            }
            if (length > 0) {
                throw new InputFormatException(file + ": line " + (starts.size() + 1)
                        + " does not end with a newline; the file is truncated");
            }
            starts.add(lineStart);
        }
        if (tokens.isEmpty()) {
            throw new InputFormatException(file + ": empty; a run's alignments have one line per target token");
        }
        return new AlignmentsFile(file, starts.stream().mapToLong(Long::longValue).toArray(), tokens,
                kinds.toArray(TargetTokenKind[]::new), copies, unknown, ruled);
    }

    /// Reads `{"id": id, "token": ..., "kind": ..., ["overlap_source": ...]` from the start of a
    /// line.
    private static void readPrefix(Path file, int id, byte[] line, int length, List<String> tokens,
            List<TargetTokenKind> kinds, BitSet copies, BitSet unknown, BitSet ruled) throws InputFormatException {
        try (JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(line, 0, length),
                StandardCharsets.UTF_8))) {
            reader.beginObject();
            if (!reader.nextName().equals(KEY_ID) || reader.nextInt() != id || !reader.nextName().equals(KEY_TOKEN)) {
                throw new IOException("expected {\"id\": " + id + ", \"token\": ...");
            }
            String token = reader.nextString();
            if (!reader.nextName().equals(KEY_KIND)) {
                throw new IOException("expected \"kind\" after \"token\"");
            }
            kinds.add(TargetTokenKind.fromJsonName(reader.nextString()));
            tokens.add(token);
            String next = reader.nextName();
            if (next.equals(KEY_OVERLAP_SOURCE)) {
                copies.set(id);
                reader.skipValue();
                next = reader.nextName();
            }
            if (next.equals(KEY_BRIDGE_UNKNOWN)) {
                if (reader.nextBoolean()) {
                    unknown.set(id);
                }
                next = reader.nextName();
            }
            if (next.equals(KEY_RULE)) {
                ruled.set(id);
            }
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            throw new InputFormatException(file + ": line " + (id + 1) + " is not an alignment record of token " + id
                    + ": " + JsonText.malformedInLine(e), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputFormatException(file + ": line " + (id + 1) + " is not an alignment record of token " + id
                    + ": " + e.getMessage(), e);
        }
    }

    /// The file.
    public Path file() {
        return file;
    }

    /// Number of target tokens (lines).
    public int size() {
        return offsets.length - 1;
    }

    /// The id of the token spelled exactly `token` (as stored in the target vocabulary), if any;
    /// the lowest id when several tokens share the string.
    public OptionalInt idOf(String token) {
        Integer id = idsByToken.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /// The target tokens by id, as stored in the target vocabulary.
    public List<String> tokens() {
        return tokens;
    }

    /// The kind of target token `id`.
    public TargetTokenKind kind(int id) {
        return kinds[id];
    }

    /// Whether target token `id` is marked `bridge_unknown` (its bridge text embeds like the
    /// bridge's unknown token).
    public boolean isBridgeUnknown(int id) {
        return bridgeUnknown.get(id);
    }

    /// Whether a rule (not the method) filled target token `id`'s rows (`"rule"` in the file).
    public boolean isRuleRow(int id) {
        return ruled.get(id);
    }

    /// Whether target token `id`'s rows were copied from a source token.
    public boolean isCopy(int id) {
        return copies.get(id);
    }

    /// Parses the record of target token `id`.
    ///
    /// @throws IndexOutOfBoundsException when `id` is outside `[0, size())`
    /// @throws InputFormatException naming the file and line when it is malformed
    /// @throws IOException when the file cannot be read
    public AlignmentRecord read(int id) throws IOException, InputFormatException {
        if (id < 0 || id >= size()) {
            throw new IndexOutOfBoundsException("token id " + id + " outside [0, " + size() + ")");
        }
        int length = Math.toIntExact(offsets[id + 1] - offsets[id] - 1);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offsets[id] + buffer.position()) < 0) {
                    throw new InputFormatException(file + " changed while it was read (line " + (id + 1) + ")");
                }
            }
        }
        return parse(id, new String(buffer.array(), StandardCharsets.UTF_8));
    }

    /// Parses the records of target tokens `from` (inclusive) to `to` (exclusive) with one read
    /// of their bytes: a whole-run pass (a diff, the inspector's figures) reads the file in blocks
    /// instead of opening it once per token. Memory: the block's bytes and records.
    ///
    /// @throws IndexOutOfBoundsException when the range is outside `[0, size()]` or reversed
    /// @throws InputFormatException naming the file and line when a record is malformed
    /// @throws IOException when the file cannot be read
    public List<AlignmentRecord> read(int from, int to) throws IOException, InputFormatException {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("token ids [" + from + ", " + to + ") outside [0, " + size() + ")");
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(offsets[to] - offsets[from]));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offsets[from] + buffer.position()) < 0) {
                    throw new InputFormatException(file + " changed while it was read (lines " + (from + 1) + "-" + to
                            + ")");
                }
            }
        }
        List<AlignmentRecord> records = new ArrayList<>(to - from);
        for (int id = from; id < to; id++) {
            int start = Math.toIntExact(offsets[id] - offsets[from]);
            int length = Math.toIntExact(offsets[id + 1] - offsets[id] - 1);
            records.add(parse(id, new String(buffer.array(), start, length, StandardCharsets.UTF_8)));
        }
        return records;
    }

    private AlignmentRecord parse(int id, String line) throws InputFormatException {
        try {
            JsonObject json = JsonParser.parseString(line).getAsJsonObject();
            List<SourceWeight> sources = new ArrayList<>();
            for (JsonElement element : json.getAsJsonArray(KEY_SOURCES)) {
                JsonObject source = element.getAsJsonObject();
                sources.add(new SourceWeight(source.get(KEY_ID).getAsInt(), source.get(KEY_TOKEN).getAsString(),
                        source.get(KEY_WEIGHT).getAsFloat(),
                        source.has(KEY_SIMILARITY) ? source.get(KEY_SIMILARITY).getAsFloat() : Float.NaN));
            }
            List<NearestSource> nearest = new ArrayList<>();
            JsonArray nearestArray = json.getAsJsonArray(KEY_NEAREST);
            for (JsonElement element : nearestArray) {
                JsonObject near = element.getAsJsonObject();
                nearest.add(new NearestSource(near.get(KEY_ID).getAsInt(), near.get(KEY_TOKEN).getAsString(),
                        near.get(KEY_SIMILARITY).getAsFloat()));
            }
            return new AlignmentRecord(json.get(KEY_ID).getAsInt(), json.get(KEY_TOKEN).getAsString(),
                    TargetTokenKind.fromJsonName(json.get(KEY_KIND).getAsString()),
                    json.has(KEY_OVERLAP_SOURCE) ? json.get(KEY_OVERLAP_SOURCE).getAsInt() : -1, sources,
                    json.get(KEY_SUPPORT).getAsInt(), json.get(KEY_ENTROPY).getAsDouble(), nearest,
                    json.get(KEY_BIAS).getAsFloat(), json.has(KEY_TRUNCATED) && json.get(KEY_TRUNCATED).getAsBoolean(),
                    json.has(KEY_RULE) ? json.get(KEY_RULE).getAsString() : "",
                    json.has(KEY_BRIDGE_UNKNOWN) && json.get(KEY_BRIDGE_UNKNOWN).getAsBoolean());
        } catch (JsonParseException e) {
            throw new InputFormatException(file + ": line " + (id + 1) + " is not a valid alignment record: "
                    + JsonText.malformedInLine(e), e);
        } catch (IllegalStateException | NullPointerException | ClassCastException
                | IllegalArgumentException | UnsupportedOperationException e) {
            throw new InputFormatException(file + ": line " + (id + 1) + " is not a valid alignment record: a field"
                    + " is missing or of the wrong type (expected id, token, kind, sources, support, entropy, nearest,"
                    + " bias)", e);
        }
    }
}
