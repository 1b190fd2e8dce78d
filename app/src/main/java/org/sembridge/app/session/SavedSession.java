package org.sembridge.app.session;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Optional;

/// A session file read and checked by [SessionStore#read]: its format version, when it was
/// saved, and each part's state by key.
///
/// @param file the session file it was read from
/// @param version the format version written in the file (`1` ≤ version ≤ [SessionStore#VERSION])
/// @param savedAt when it was saved, as written (ISO-8601, UTC); empty when the file does not say
/// @param parts each part's saved state by its key (a defensive copy)
public record SavedSession(Path file, int version, String savedAt, JsonObject parts) {

    public SavedSession {
        parts = parts.deepCopy();
    }

    /// The saved state of the part `key`, if the file has one.
    public Optional<JsonElement> part(String key) {
        return Optional.ofNullable(parts.get(key));
    }

    @Override
    public JsonObject parts() {
        return parts.deepCopy();
    }
}
