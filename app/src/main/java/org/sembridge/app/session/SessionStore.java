package org.sembridge.app.session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.Utf8Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Saves and restores a workbench session: the state of every [SessionPart] in one JSON file,
/// written atomically (engine `AtomicFiles`: a crash mid-write leaves the old file intact).
///
/// File layout (UTF-8, pretty-printed):
/// ```json
/// {"format": "sembridge-workbench-session", "version": 1, "savedAt": "2025-01-31T10:15:00Z",
///  "parts": {"shell": {...}, "workbench": {...}, "map": {...}}}
/// ```
///
/// Reading is strict about the envelope and lenient about the parts: a file that is not JSON,
/// not a session, or of a newer format version fails as a whole with an [InputFormatException]
/// naming the file (and, for bad JSON, the line and column). Each part is then restored on its
/// own: a part that fails (a [SessionFieldException] naming the field, or any runtime error) is
/// reported as one problem line and the other parts are still restored. Parts missing from the
/// file keep their current state; parts in the file that nothing registered are ignored.
///
/// Toolkit-free: call it on the thread that owns the parts' state (the FX thread), except
/// [#read] and [#write], which touch only the file system and may run on an engine thread.
public final class SessionStore {

    /// The `format` value every session file carries.
    public static final String FORMAT = "sembridge-workbench-session";

    /// The format version this workbench writes and the newest it reads.
    public static final int VERSION = 1;

    // The envelope's member names, shared by [#render] and [#read].
    static final String KEY_FORMAT = "format";
    static final String KEY_VERSION = "version";
    static final String KEY_SAVED_AT = "savedAt";
    static final String KEY_PARTS = "parts";

    /// The file-name suffix of session files.
    public static final String EXTENSION = ".session.json";

    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /// The session file `name` in `folder`: `folder/name.session.json`.
    public static Path fileOf(Path folder, String name) {
        return folder.resolve(name + EXTENSION);
    }

    /// The display name of a session file: its file name without [#EXTENSION].
    public static String nameOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    }

    /// Collects the state of every part, by key. A part whose `save` fails is left out and
    /// named in `problems`, so one broken page cannot cost the whole session.
    ///
    /// @throws IllegalArgumentException when two parts share a key (a wiring bug)
    public JsonObject snapshot(List<SessionPart> parts, List<String> problems) {
        JsonObject states = new JsonObject();
        Set<String> keys = new HashSet<>();
        for (SessionPart part : parts) {
            if (!keys.add(part.key())) {
                throw new IllegalArgumentException("two session parts share the key '" + part.key() + "'");
            }
            try {
                states.add(part.key(), part.save());
            } catch (RuntimeException e) {
                LOG.warn("Session part '{}' could not be saved", part.key(), e);
                problems.add("part '" + part.key() + "' could not be saved: " + e.getMessage());
            }
        }
        return states;
    }

    /// The session document for `states` (from [#snapshot]), stamped with `savedAt`.
    public String render(JsonObject states, Instant savedAt) {
        JsonObject document = new JsonObject();
        document.addProperty(KEY_FORMAT, FORMAT);
        document.addProperty(KEY_VERSION, VERSION);
        document.addProperty(KEY_SAVED_AT, savedAt.toString());
        document.add(KEY_PARTS, states);
        return GSON.toJson(document) + "\n";
    }

    /// Writes a rendered session document to `file` atomically; on failure no temporary file is
    /// left and an existing `file` is unchanged.
    ///
    /// @return the number of bytes written
    public long write(Path file, String document) throws IOException {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
        return bytes.length;
    }

    /// Saves every part to `file` now: [#snapshot], [#render], [#write].
    ///
    /// @return the parts that could not be saved (usually empty)
    public List<String> save(Path file, List<SessionPart> parts) throws IOException {
        List<String> problems = new ArrayList<>();
        String document = render(snapshot(parts, problems), Instant.now());
        long bytes = write(file, document);
        LOG.info("Saved session {} ({} parts, {} bytes)", file, parts.size(), bytes);
        return problems;
    }

    /// Reads and checks `file`: valid JSON, an object with `format` = [#FORMAT], an integer
    /// `version` between 1 and [#VERSION], and a `parts` object.
    ///
    /// @throws InputFormatException naming the file and what is wrong: the line and column of a
    ///     JSON syntax error, the missing or wrong field, or a version newer than this workbench
    /// @throws IOException when the file cannot be read (a missing file names the path)
    public SavedSession read(Path file) throws IOException, InputFormatException {
        if (Files.isDirectory(file)) {
            throw new InputFormatException("session file " + file + " is a folder; expected a JSON session file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "session file not found");
        }
        String text = Utf8Text.read(file, (message, cause) -> new InputFormatException("session file " + message, cause));
        if (text.isBlank()) {
            throw new InputFormatException("session file " + file + " is empty; expected a JSON session object");
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new InputFormatException("session file " + file + " is " + JsonText.malformed(e), e);
        }
        if (!parsed.isJsonObject()) {
            throw new InputFormatException("session file " + file + ": expected a JSON object at the top, found "
                    + SessionPartReader.describe(parsed));
        }
        JsonObject document = parsed.getAsJsonObject();
        JsonElement format = document.get(KEY_FORMAT);
        if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
            throw new InputFormatException("session file " + file + ": field 'format' should be \"" + FORMAT
                    + "\", found " + SessionPartReader.describe(format) + " (not a workbench session?)");
        }
        int version = version(file, document.get(KEY_VERSION));
        JsonElement parts = document.get(KEY_PARTS);
        if (parts == null || !parts.isJsonObject()) {
            throw new InputFormatException("session file " + file + ": field 'parts' should be an object, found "
                    + SessionPartReader.describe(parts));
        }
        JsonElement savedAt = document.get(KEY_SAVED_AT);
        String stamp = savedAt != null && savedAt.isJsonPrimitive() ? savedAt.getAsString() : "";
        return new SavedSession(file, version, stamp, parts.getAsJsonObject());
    }

    /// Restores each part from `session`, in the order of `parts`. A part that fails is reported
    /// and the others are still restored.
    ///
    /// @return one line per problem: `FILE: part 'KEY': field: expected X, found Y`; empty when all
    ///     went well
    public List<String> apply(SavedSession session, List<SessionPart> parts) {
        List<String> problems = new ArrayList<>();
        int restored = 0;
        for (SessionPart part : parts) {
            var state = session.part(part.key());
            if (state.isEmpty()) {
                continue;
            }
            try {
                part.restore(state.get(), session.file());
                restored++;
            } catch (RuntimeException e) {
                LOG.warn("Session {}: part '{}' restored with problems: {}", session.file(), part.key(), e.getMessage());
                problems.add(session.file() + ": part '" + part.key() + "': " + e.getMessage());
            }
        }
        LOG.info("Restored session {} ({} of {} parts without problems)", session.file(), restored, parts.size());
        return problems;
    }

    /// Reads `file` and restores every part from it: [#read] then [#apply].
    ///
    /// @return the problems of single parts (see [#apply])
    /// @throws InputFormatException when the file as a whole cannot be used (see [#read])
    public List<String> restore(Path file, List<SessionPart> parts) throws IOException, InputFormatException {
        return apply(read(file), parts);
    }

    private static int version(Path file, JsonElement version) throws InputFormatException {
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsDouble() != Math.rint(version.getAsDouble())) {
            throw new InputFormatException("session file " + file + ": field 'version' should be a whole number, found "
                    + SessionPartReader.describe(version));
        }
        double value = version.getAsDouble();
        if (value > VERSION) {
            throw new InputFormatException("session file " + file + " has format version " + version
                    + "; this workbench reads versions 1 to " + VERSION
                    + ": it was saved by a newer SemBridge Workbench, update to open it");
        }
        if (value < 1) {
            throw new InputFormatException("session file " + file + ": field 'version' should be 1 to " + VERSION
                    + ", found " + version);
        }
        return (int) value;
    }
}
