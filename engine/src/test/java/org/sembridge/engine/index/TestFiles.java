package org.sembridge.engine.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/// Writes test input files (tests may write directly; production code goes through AtomicFiles).
final class TestFiles {

    private TestFiles() {
    }

    static Path write(Path folder, String name, String content) {
        return write(folder, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path folder, String name, byte[] content) {
        try {
            Path file = folder.resolve(name);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Names of the entries of `folder`, sorted.
    static List<String> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
