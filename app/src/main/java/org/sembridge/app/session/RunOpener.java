package org.sembridge.app.session;

import java.io.IOException;
import java.nio.file.Path;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.LoadedRun;

/// Opens a run folder named in a saved session; the workbench uses
/// [WorkbenchStatePart#defaultOpener()] (refused when it does not fit the memory left), a test
/// with its own bridge-vector store can pass `dir -> LoadedRun.open(dir, store)`.
@FunctionalInterface
public interface RunOpener {

    /// Opens `directory`; called on an engine thread.
    LoadedRun open(Path directory) throws IOException, InputFormatException;
}
