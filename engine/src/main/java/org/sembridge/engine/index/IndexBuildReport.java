package org.sembridge.engine.index;

import java.nio.file.Path;

/// The outcome of [IndexBuilder#build]: where the index is, what it holds, how long it took.
///
/// @param indexFolder  the published index folder
/// @param metadata     the metadata committed with it
/// @param elapsedNanos wall-clock time of the whole build (read, encode, write, merge, publish)
public record IndexBuildReport(Path indexFolder, IndexMetadata metadata, long elapsedNanos) {

    /// Indexed documents per second of wall-clock time.
    public double documentsPerSecond() {
        return metadata.documentCount() / (elapsedNanos / 1e9);
    }
}
