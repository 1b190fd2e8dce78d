package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;

/// The invariant behind every path check of the harness: a file a reader opened because the
/// input named it lies inside the folder it came from, after resolving `..` and symlinks.
final class Confinement {

    private Confinement() {
    }

    /// Throws an [InvariantViolation] unless `path` resolves to a place inside `folder`.
    static void requireInside(Path path, Path folder, String what) throws IOException {
        Path real = path.toRealPath();
        Path root = folder.toRealPath();
        InvariantViolation.check(real.startsWith(root), what + " " + path + " resolves to " + real + ", outside " + folder);
    }
}
