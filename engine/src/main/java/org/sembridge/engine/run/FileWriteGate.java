package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Path;

/// Asked before every file of a run folder is written. Production runs use [#NONE]; tests use
/// it to make a write fail part-way through a run (a full disk), which must leave no run folder.
@FunctionalInterface
interface FileWriteGate {

    /// Lets every write through.
    FileWriteGate NONE = target -> { };

    /// Called before `target` is written.
    ///
    /// @throws IOException to fail the write as the file system would
    void beforeWrite(Path target) throws IOException;
}
