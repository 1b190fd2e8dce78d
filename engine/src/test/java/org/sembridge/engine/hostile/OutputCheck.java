package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/// The invariant of a published output folder: everything in it is a plain file or folder inside
/// it (no symlink that leads out, nothing copied from outside through a path in the input).
final class OutputCheck {

    private OutputCheck() {
    }

    static void requireConfined(Path output) throws IOException {
        InvariantViolation.check(Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS), output + " is not a folder");
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(output)) {
            entries = walk.toList();
        }
        for (Path entry : entries) {
            InvariantViolation.check(!Files.isSymbolicLink(entry), "the output holds a symlink " + entry);
            Confinement.requireInside(entry, output, "output entry");
        }
    }
}
