package org.sembridge.engine.hf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.sembridge.engine.testing.PythonReference;

/// Writes small random Hugging Face model folders for tests with
/// `engine/src/test/python/make_random_model.py` (2 layers, hidden 32, 4 heads, 40 positions,
/// a 121-token WordPiece vocabulary; see the script for its options).
public final class RandomModelFolder {

    private RandomModelFolder() {
    }

    /// Writes `parent/name` for `family` (`bert`, `roberta`, `xlm-roberta`, `distilbert`) with
    /// the script's options (`--bridge`, `--untied`, `--dtype BF16`, `--drop NAME`, ...).
    public static Path create(Path parent, String name, String family, String... options) {
        Path dir = parent.resolve(name);
        List<String> args = new ArrayList<>();
        args.add(dir.toString());
        args.add(family);
        args.addAll(List.of(options));
        PythonReference.run("make_random_model.py", args.toArray(String[]::new));
        return dir;
    }

    /// Copies a model folder (recursively) to `target`, to break the copy without touching the
    /// original.
    public static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(source.relativize(file).toString()));
            }
        }
        return target;
    }
}
