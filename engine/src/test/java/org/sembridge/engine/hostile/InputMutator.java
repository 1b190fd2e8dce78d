package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Random;

/// The one mutation core of the hostile-input harnesses (engine and app): given an input file of
/// a case and a seeded [Random], it changes the file in place and says what it did.
///
/// About 5% of mutations act on the file system (the file deleted, replaced by a folder, by a
/// symlink to a file outside the case, by a dangling or looping symlink), about 25% are
/// byte-level ([ByteMutations]) and the rest know the file's [ContentKind]
/// ([SafetensorsMutations], [JsonMutations], [LineMutations], [GzipMutations]). The same seed
/// on the same file gives the same mutation.
public final class InputMutator {

    /// Applies one mutation to `file` (a copy inside the case folder).
    ///
    /// @param escapes the path-escape payloads of this case
    public Mutation mutate(MutableFile file, Random random, EscapePayloads escapes) throws IOException {
        Path path = file.path();
        String name = escapes.caseFolder().relativize(path).toString();
        int roll = random.nextInt(100);
        if (roll < 5) {
            return fileSystem(path, name, random, escapes);
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Mutation("none", name, "not a regular file any more");
        }
        byte[] data = Files.readAllBytes(path);
        Mutated mutated = null;
        if (roll >= 30) {
            mutated = structured(file, data, random, escapes);
        }
        if (mutated == null) {
            mutated = ByteMutations.apply(data, random);
        }
        Files.delete(path); // breaks a hard link to the pristine copy instead of writing through it
        Files.write(path, mutated.bytes());
        return new Mutation(mutated.family(), name, mutated.detail());
    }

    private static Mutated structured(MutableFile file, byte[] data, Random random, EscapePayloads escapes)
            throws IOException {
        Path from = file.path().getParent();
        try {
            return switch (file.kind()) {
                case SAFETENSORS -> SafetensorsMutations.apply(data, random, escapes, from);
                case JSON -> JsonMutations.apply(new String(data, StandardCharsets.UTF_8), random, file.pathValued(),
                        escapes, from);
                case JSON_LINES -> LineMutations.apply(data, true, random, escapes, from);
                case TEXT_LINES -> LineMutations.apply(data, false, random, escapes, from);
                case GZIP_JSON_LINES -> GzipMutations.apply(data, random, escapes, from);
            };
        } catch (IOException | RuntimeException e) {
            // an earlier mutation of this case left content the structured mutation cannot parse
            return null;
        }
    }

    private static Mutation fileSystem(Path path, String name, Random random, EscapePayloads escapes)
            throws IOException {
        Files.deleteIfExists(path);
        return switch (random.nextInt(5)) {
            case 0 -> new Mutation("fs-delete", name, "deleted");
            case 1 -> {
                Files.createDirectory(path);
                yield new Mutation("fs-directory", name, "replaced by an empty folder");
            }
            case 2 -> {
                Path victim = escapes.outside().resolve("victim");
                Files.createSymbolicLink(path, victim);
                yield new Mutation("fs-symlink-outside", name, "symlink to " + victim);
            }
            case 3 -> {
                Files.createSymbolicLink(path, path.resolveSibling("does-not-exist"));
                yield new Mutation("fs-dangling-symlink", name, "symlink to a missing file");
            }
            default -> {
                Files.createSymbolicLink(path, path.getFileName());
                yield new Mutation("fs-symlink-loop", name, "symlink to itself");
            }
        };
    }
}
