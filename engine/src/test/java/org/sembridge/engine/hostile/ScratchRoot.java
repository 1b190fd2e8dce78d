package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.sembridge.engine.safetensors.SafetensorsWriter;

/// The folder a hostile-input harness works in, watched as a whole by the [SentinelTree]:
///
/// - `pristine/`: the inputs every case starts from (never changed by a case);
/// - `outside/`: the sentinel folder that path escapes aim at (`victim`, `victim.safetensors`,
///   `p/keep`, `docs.jsonl`, `run.json`), recreated after a case that changed it;
/// - `cache/`: a cache commands may write to (the bridge vectors of `init`);
/// - `cases/`: one folder per case, removed after it.
public final class ScratchRoot {

    private final Path root;

    private ScratchRoot(Path root) {
        this.root = root;
    }

    /// Empties `root` (if it exists) and lays out the folders above.
    public static ScratchRoot create(Path root) throws IOException {
        deleteTree(root);
        ScratchRoot scratch = new ScratchRoot(root);
        Files.createDirectories(scratch.pristine(""));
        Files.createDirectories(scratch.cases());
        Files.createDirectories(scratch.cache());
        scratch.resetOutside();
        return scratch;
    }

    /// The scratch root.
    public Path root() {
        return root;
    }

    /// A pristine input by its name under `pristine/`.
    public Path pristine(String name) {
        return root.resolve("pristine").resolve(name);
    }

    /// The sentinel folder outside every case.
    public Path outside() {
        return root.resolve("outside");
    }

    /// The cache folder commands may write to.
    public Path cache() {
        return root.resolve("cache");
    }

    /// The parent of all case folders.
    public Path cases() {
        return root.resolve("cases");
    }

    /// Recreates the sentinel folder `outside/` (after a case changed it).
    public void resetOutside() throws IOException {
        Path outside = outside();
        deleteTree(outside);
        Files.createDirectories(outside.resolve("p"));
        Files.writeString(outside.resolve("victim"), "a file the tool must never write or delete\n");
        Files.writeString(outside.resolve("p").resolve("keep"), "sentinel\n");
        Files.writeString(outside.resolve("docs.jsonl"), "{\"id\":\"outside\",\"text\":\"not ours\"}\n");
        Files.writeString(outside.resolve("run.json"), "{\"format\":\"sembridge-run\"}\n");
        new SafetensorsWriter().addFloats("bert.embeddings.word_embeddings.weight", new long[] {2, 2},
                new float[] {1, 2, 3, 4}).write(outside.resolve("victim.safetensors"));
    }

    /// Copies a pristine file or folder into a case: small files are copied, files over 1 MiB
    /// are hard links to the pristine copy (the mutator breaks the link before it changes one).
    public static void copyInto(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.size() > (1 << 20)) {
                    try {
                        Files.createLink(target, file);
                        return FileVisitResult.CONTINUE;
                    } catch (UnsupportedOperationException | IOException e) {
                        // another file system: copy instead
                    }
                }
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /// Deletes a tree without following symlinks (a link is removed, never its target).
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
