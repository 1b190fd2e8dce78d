package org.sembridge.app.session;

import java.io.IOException;
import java.nio.file.Path;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.LoadedRun;

/// Opens a run folder named in a saved session; the workbench uses `LoadedRun::open`, a page
/// with its own bridge-vector store can pass `dir -> LoadedRun.open(dir, store)`.
@FunctionalInterface
public interface RunOpener {

    /// Opens `directory`; called on an engine thread.
    LoadedRun open(Path directory) throws IOException, InputFormatException;
}
