package org.sembridge.engine.io;

import java.nio.file.Path;
import java.util.Map;

/// The researcher's workspace folder, shared by the workbench and the command line: runs,
/// indexes, sessions and experiment outputs live below it, never in the repository or the
/// working directory by default.
///
/// Resolution order: the environment variable `SEMBRIDGE_WORKSPACE`, else
/// `~/sembridge-workspace`. `bin/workbench --workspace=DIR` and the commands' `--out` pick
/// another folder.
public final class WorkspaceRoot {

    /// Environment variable naming the workspace folder.
    public static final String ENVIRONMENT_VARIABLE = "SEMBRIDGE_WORKSPACE";

    /// Subfolder of `sembridge experiment`'s default output folders.
    public static final String EXPERIMENTS = "experiments";

    private WorkspaceRoot() {
    }

    /// The workspace folder for this process's environment and user home.
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    /// The workspace folder for the given environment and home folder (see the class comment).
    ///
    /// @param environment environment variables, e.g. `System.getenv()`
    /// @param userHome the user's home folder
    public static Path resolve(Map<String, String> environment, String userHome) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(userHome, "sembridge-workspace").toAbsolutePath();
    }
}
