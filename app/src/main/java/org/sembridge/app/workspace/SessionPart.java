package org.sembridge.app.workspace;

import java.nio.file.Path;

import com.google.gson.JsonElement;

/// One ViewModel's share of a saved session: it writes its state (selections, sliders, viewport)
/// as JSON and restores it. The session store gathers every part under its [#key].
public interface SessionPart {

    /// The part's stable key in the session file, e.g. `map`.
    String key();

    /// The state to save, as JSON (plain values only: paths as strings, numbers, lists).
    JsonElement save();

    /// Restores a state written by [#save]; unknown or missing fields keep their defaults.
    void restore(JsonElement state);

    /// Restores a state read from `sessionFile`. A part whose state names files or folders
    /// resolves relative ones against the folder of `sessionFile` (a session is user-written
    /// configuration; see `FolderConfinement.relativeToFile`); the default ignores the file.
    default void restore(JsonElement state, Path sessionFile) {
        restore(state);
    }
}
