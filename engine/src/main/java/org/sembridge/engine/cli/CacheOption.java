package org.sembridge.engine.cli;

import java.nio.file.Path;

import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.provenance.CacheRoot;
import org.sembridge.engine.provenance.ContentHash;
import picocli.CommandLine.Option;

/// The `--cache DIR` option shared by the commands that read or write bridge vectors: the cache
/// root holding `bridge-vectors/` and `file-hashes/`.
final class CacheOption {

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache folder for bridge vectors and file hashes (default: $SEMBRIDGE_CACHE, else "
                    + "$XDG_CACHE_HOME/sembridge, else ~/.cache/sembridge).")
    Path root;

    /// The cache root: the option, else [CacheRoot#resolve()].
    Path root() {
        return root == null ? CacheRoot.resolve() : root.toAbsolutePath();
    }

    /// The bridge-vector store under the root.
    BridgeVectorStore store() {
        return new BridgeVectorStore(root().resolve(CacheRoot.BRIDGE_VECTORS), hashes());
    }

    /// Content hashes memoised under the root.
    ContentHash hashes() {
        return ContentHash.withMemo(root().resolve(CacheRoot.FILE_HASHES));
    }
}
