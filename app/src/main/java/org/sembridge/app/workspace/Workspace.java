package org.sembridge.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sembridge.engine.io.WorkspaceRoot;

/// The folder that holds a researcher's work: finished runs, built indexes and saved sessions,
/// one sub-folder each. Everything the workbench writes goes below it (atomically, through the
/// engine's `AtomicFiles`), so a workspace can be copied or archived as a whole.
///
/// Default location: `$SEMBRIDGE_WORKSPACE`, else `~/sembridge-workspace`; `bin/workbench
/// --workspace=DIR` picks another.
///
/// @param root the workspace folder (absolute, normalised)
public record Workspace(Path root) {

    /// Environment variable naming the default workspace folder.
    public static final String ENVIRONMENT_VARIABLE = WorkspaceRoot.ENVIRONMENT_VARIABLE;

    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    /// Opens `root` as a workspace, creating it and its sub-folders when missing.
    ///
    /// @throws IOException naming the folder when it cannot be created (e.g. a file is in the way)
    public static Workspace open(Path root) throws IOException {
        Workspace workspace = new Workspace(root);
        for (Path folder : new Path[] {workspace.runs(), workspace.indexes(), workspace.sessions()}) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new IOException("workspace folder " + folder + " is a file; expected a folder");
            }
            Files.createDirectories(folder);
        }
        return workspace;
    }

    /// The default workspace folder: `$SEMBRIDGE_WORKSPACE`, else `~/sembridge-workspace`.
    public static Path defaultRoot() {
        return WorkspaceRoot.resolve();
    }

    /// Run folders written by `TransferRunner`, one per run.
    public Path runs() {
        return root.resolve("runs");
    }

    /// Lucene index folders written by `IndexBuilder`, one per index.
    public Path indexes() {
        return root.resolve("indexes");
    }

    /// Saved sessions (`*.session.json`).
    public Path sessions() {
        return root.resolve("sessions");
    }
}
