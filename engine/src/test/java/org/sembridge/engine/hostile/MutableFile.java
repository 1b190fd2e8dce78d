package org.sembridge.engine.hostile;

import java.nio.file.Path;

/// An input file of a hostile case that the mutator may change, with what it holds.
///
/// @param path the file inside the case folder
/// @param kind its content, for structure-aware mutations
/// @param pathValued whether JSON string values of this file name paths (`modules.json`, a shard
///     index, `run.json`, an experiment configuration): path-escape payloads are then aimed at
///     them more often
public record MutableFile(Path path, ContentKind kind, boolean pathValued) {

    /// A file whose values are not paths.
    public static MutableFile of(Path path, ContentKind kind) {
        return new MutableFile(path, kind, false);
    }

    /// A JSON file whose string values name paths.
    public static MutableFile withPaths(Path path) {
        return new MutableFile(path, ContentKind.JSON, true);
    }
}
