package org.sembridge.engine.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.sembridge.engine.InputFormatException;

/// The marker that makes an output folder recognisably ours: `.sembridge-output`, written last
/// into a staging folder, lists every file the tool wrote there with its size.
///
/// ```
/// {"format": "sembridge-output", "format_version": 1, "kind": "run",
///  "files": {"alignments.jsonl": 1234, "model/config.json": 567, ...}}
/// ```
///
/// [#requireReplaceable] is the one rule for replacing an existing output folder: a folder is
/// replaced only when it is empty, or when it is a **complete output of the same kind**: its
/// marker parses, names the same kind, and lists exactly the regular files in the folder with
/// their sizes (no file missing, none added, none resized, no link or other entry). Anything
/// else (a folder that merely holds a `run.json`, an export folder with a foreign `notes.txt`
/// beside it, an index folder the user copied a file into) is refused with a message, and
/// nothing is deleted.
///
/// The marker is a hidden file without a `.json` suffix so that tools reading every JSON file of
/// a folder (Anserini's `JsonVectorCollection`) pass over it.
public final class OutputMarker {

    /// File name of the marker inside an output folder.
    public static final String FILE_NAME = ".sembridge-output";
    /// Value of `format`.
    static final String FORMAT = "sembridge-output";
    /// Value of `format_version` written by this engine.
    static final int FORMAT_VERSION = 1;

    /// The reason for a non-empty folder without a marker.
    private static final String NO_MARKER = "no marker";

    /// The largest marker read; a larger one is not ours.
    private static final long MAX_MARKER_BYTES = 64L << 20;

    private OutputMarker() {
    }

    /// Lists every regular file under `staging` and writes the marker of an output of `kind`;
    /// call it last, just before [AtomicFiles#publishDirectory].
    ///
    /// @throws IOException when `staging` cannot be walked or the marker cannot be written
    public static void write(Path staging, String kind) throws IOException {
        JsonObject files = new JsonObject();
        for (Map.Entry<String, Long> file : listFiles(staging).entrySet()) {
            files.addProperty(file.getKey(), file.getValue());
        }
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("format_version", FORMAT_VERSION);
        root.addProperty("kind", kind);
        root.add("files", files);
        AtomicFiles.writeString(staging.resolve(FILE_NAME),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n");
    }

    /// Refuses `out` unless it is missing, an empty folder, or a complete output of `kind`.
    ///
    /// @param noun what an output of this kind is called in messages (`run folder`)
    /// @param unrelated how the message says that a non-empty folder without a marker is not
    ///     such an output (`is not a run folder`); the commands keep their established wording
    /// @throws InputFormatException naming `out` and the reason when it may not be replaced
    /// @throws IOException when `out` cannot be inspected
    public static void requireReplaceable(Path out, String kind, String noun, String unrelated)
            throws IOException, InputFormatException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String reason = reasonNotReplaceable(out, kind);
        if (reason == null) {
            return;
        }
        if (reason.equals(NO_MARKER)) {
            throw new InputFormatException("refusing to replace " + out + ": it is not empty and " + unrelated
                    + "; choose a new or empty folder");
        }
        throw new InputFormatException("refusing to replace " + out + ": it is not a complete " + noun
                + " written by this tool (" + reason + "); choose a new or empty folder, or delete this one yourself");
    }

    /// Why `out` (which exists) may not be replaced by an output of `kind`, or `null` when it
    /// may.
    static String reasonNotReplaceable(Path out, String kind) throws IOException {
        if (Files.isSymbolicLink(out)) {
            return "it is a symbolic link";
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return "it is a file, not a folder";
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isEmpty()) {
                return null;
            }
        }
        Path marker = out.resolve(FILE_NAME);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return NO_MARKER;
        }
        if (Files.size(marker) > MAX_MARKER_BYTES) {
            return "its " + FILE_NAME + " marker is larger than " + MAX_MARKER_BYTES + " bytes";
        }
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(marker, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                return "its " + FILE_NAME + " marker is not a JSON object";
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            return "its " + FILE_NAME + " marker cannot be read as JSON";
        }
        if (!FORMAT.equals(string(root, "format"))) {
            return "its " + FILE_NAME + " marker has no \"format\": \"" + FORMAT + "\"";
        }
        String found = string(root, "kind");
        if (!kind.equals(found)) {
            return "it is an output of kind " + (found == null ? "(none)" : "\"" + found + "\"") + ", not \"" + kind
                    + "\"";
        }
        JsonElement listed = root.get("files");
        if (listed == null || !listed.isJsonObject()) {
            return "its " + FILE_NAME + " marker has no \"files\" object";
        }
        SortedMap<String, Long> expected = new TreeMap<>();
        for (Map.Entry<String, JsonElement> file : listed.getAsJsonObject().entrySet()) {
            JsonElement size = file.getValue();
            if (!size.isJsonPrimitive() || !size.getAsJsonPrimitive().isNumber()) {
                return "its " + FILE_NAME + " marker gives no size for " + file.getKey();
            }
            expected.put(file.getKey(), size.getAsLong());
        }
        SortedMap<String, Long> actual;
        try {
            actual = listFiles(out);
        } catch (ForeignEntryException e) {
            return e.getMessage();
        }
        for (Map.Entry<String, Long> file : actual.entrySet()) {
            Long size = expected.get(file.getKey());
            if (size == null) {
                return "it holds " + file.getKey() + ", which this tool did not write there";
            }
            if (size.longValue() != file.getValue()) {
                return file.getKey() + " has " + file.getValue() + " bytes, but the marker recorded " + size;
            }
        }
        for (String file : expected.keySet()) {
            if (!actual.containsKey(file)) {
                return "it is incomplete: " + file + " is missing";
            }
        }
        return null;
    }

    private static String string(JsonObject root, String key) {
        JsonElement value = root.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString()
                : null;
    }

    /// Every regular file under `folder` but the marker, as a `/`-separated relative path, with
    /// its size.
    ///
    /// @throws ForeignEntryException at the first link or special file
    private static SortedMap<String, Long> listFiles(Path folder) throws IOException {
        SortedMap<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (path.equals(folder) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ForeignEntryException("it holds " + relative
                            + ", a link or special file, which this tool never writes");
                }
                if (!relative.equals(FILE_NAME)) {
                    files.put(relative, Files.size(path));
                }
            }
        }
        return files;
    }

    /// A link or special file inside an output folder: never ours.
    private static final class ForeignEntryException extends IOException {

        private static final long serialVersionUID = 1L;

        ForeignEntryException(String message) {
            super(message);
        }
    }
}
