package org.sembridge.engine.provenance;

import java.nio.file.Path;
import java.util.Map;

/// The folder under which the engine keeps its caches (bridge vectors, memoised file hashes).
///
/// Resolution order: the environment variable `SEMBRIDGE_CACHE` (the root itself), else
/// `$XDG_CACHE_HOME/sembridge`, else `~/.cache/sembridge`. Each cache lives in a named subfolder
/// ([#BRIDGE_VECTORS], [#FILE_HASHES]); deleting the whole root is always safe, it only costs
/// recomputation.
public final class CacheRoot {

    /// Environment variable that overrides the cache root.
    public static final String ENVIRONMENT_VARIABLE = "SEMBRIDGE_CACHE";

    /// Subfolder of the bridge-vector cache.
    public static final String BRIDGE_VECTORS = "bridge-vectors";

    /// Subfolder of the memoised file hashes of [ContentHash].
    public static final String FILE_HASHES = "file-hashes";

    private CacheRoot() {
    }

    /// The cache root for this process's environment and user home.
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    /// The cache root for the given environment and home folder (see the class comment).
    ///
    /// @param environment environment variables, e.g. `System.getenv()`
    /// @param userHome the user's home folder
    public static Path resolve(Map<String, String> environment, String userHome) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sembridge").toAbsolutePath();
        }
        return Path.of(userHome, ".cache", "sembridge").toAbsolutePath();
    }
}
