package org.sembridge.engine.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/// The version check every SemBridge file format shares: a document written by this code carries
/// its format version under one key; a document without that key was written before the format
/// had a version and reads as version 1; a version newer than the reader knows is refused with a
/// message naming the file, the version found and the versions this reader reads, so an old
/// SemBridge never shows a newer file as if it understood it.
///
/// @param format the format's name in messages, e.g. `run` ("run format version 2 is newer ...")
/// @param key the member that holds the version, e.g. `format_version`
/// @param current the version this code writes and the newest it reads (at least 1)
public record FormatVersion(String format, String key, int current) {

    /// The version of documents written before the format had a version field.
    public static final int UNVERSIONED = 1;

    /// Checks the values.
    ///
    /// @throws IllegalArgumentException when `current` is below 1
    public FormatVersion {
        if (current < UNVERSIONED) {
            throw new IllegalArgumentException("a format version starts at 1, found " + current);
        }
    }

    /// Writes [#current()] under [#key()] into `document`.
    public void stamp(JsonObject document) {
        document.addProperty(key, current);
    }

    /// The version of `document`, read from `source`: [#UNVERSIONED] when the key is absent or
    /// `null`.
    ///
    /// @param source the file (or other origin) named first in messages
    /// @param error makes the caller's exception type
    /// @throws E when the value is not a whole number of at least 1, or is newer than [#current()]
    public <E extends Exception> int read(JsonObject document, Object source, ErrorFactory<E> error) throws E {
        JsonElement value = document.get(key);
        if (value == null || value.isJsonNull()) {
            return UNVERSIONED;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || value.getAsDouble() != Math.rint(value.getAsDouble())) {
            throw error.create(source + ": field \"" + key + "\" must be an integer, found "
                    + JsonText.kind(value) + " (" + shorten(value.toString()) + ")", null);
        }
        if (value.getAsDouble() < UNVERSIONED) {
            throw error.create(source + ": field \"" + key + "\" must be at least 1, found " + value, null);
        }
        return check(value.getAsDouble(), source, error);
    }

    /// Checks a version read from elsewhere (e.g. a text field).
    ///
    /// @throws E when `version` is newer than [#current()]
    public <E extends Exception> int check(double version, Object source, ErrorFactory<E> error) throws E {
        if (version > current) {
            throw error.create(source + ": " + format + " format version " + shorten(number(version))
                    + " is newer than this SemBridge reads (" + range() + "); it was written by a newer SemBridge,"
                    + " update to read it", null);
        }
        return (int) version;
    }

    private String range() {
        return current == UNVERSIONED ? "version 1" : "versions 1 to " + current;
    }

    private static String number(double version) {
        return version == Math.rint(version) && Math.abs(version) < 1e15 ? Long.toString((long) version)
                : Double.toString(version);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
