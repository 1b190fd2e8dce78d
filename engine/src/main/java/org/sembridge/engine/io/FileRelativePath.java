package org.sembridge.engine.io;

import java.nio.file.Path;

/// Paths that a user-written file names (an experiment configuration, a saved session) or that
/// a file records about another folder: absolute as written, relative against the folder of the
/// file that names them. Not confined; callers only read what such a path names (outputs go under
/// the output folder a command was given, never to a path taken from a file).
public final class FileRelativePath {

    private FileRelativePath() {
    }

    /// `value` resolved against the folder of `namingFile`, normalised; an absolute `value` as it is.
    ///
    /// @throws java.nio.file.InvalidPathException when `value` is not a path on this platform
    public static Path resolve(Path namingFile, String value) {
        Path parent = namingFile.toAbsolutePath().getParent();
        return parent.resolve(value).normalize();
    }
}
