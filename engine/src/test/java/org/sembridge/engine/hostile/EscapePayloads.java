package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/// Path strings that try to leave a folder: `..` climbs, absolute paths, a symlink inside the
/// case folder that points outside, and odd spellings (`a/../../x`, backslashes, `~`, NUL).
///
/// Every payload that resolves to a real place lands inside the scratch root (mostly in its
/// `outside/` sentinel folder), never beyond it, so the harness's [SentinelTree] sees any write
/// or deletion it causes.
///
/// @param scratchRoot the root of everything the harness writes
/// @param outside the sentinel folder next to the cases (`victim`, `victim.safetensors`, `p/`)
/// @param caseFolder the current case's folder (where the escape symlink is made)
public record EscapePayloads(Path scratchRoot, Path outside, Path caseFolder) {

    /// Names inside [#outside] that payloads point at.
    public static final List<String> OUTSIDE_NAMES = List.of("victim", "victim.safetensors", "p", "docs.jsonl", "");

    /// The name of the symlink, inside the case folder, that points to [#outside].
    public static final String LINK_NAME = "escape-link";

    /// One payload for a path value read by a file in `fromFolder`; may create the escape
    /// symlink in the case folder.
    public String pick(Random random, Path fromFolder) throws IOException {
        String name = OUTSIDE_NAMES.get(random.nextInt(OUTSIDE_NAMES.size()));
        return switch (random.nextInt(9)) {
            case 0, 1 -> join(fromFolder.relativize(outside).toString(), name);
            case 2 -> join(outside.toString(), name);
            case 3 -> join(link().toString(), name);
            case 4 -> join(fromFolder.relativize(link()).toString(), name);
            case 5 -> climb(random, fromFolder) + "escaped";
            case 6 -> join("sub/../" + fromFolder.relativize(outside), name);
            case 7 -> List.of("..", ".", "", "/", "~/x", "..\\..\\x", "C:\\x", "a\u0000b", "./../" + name)
                    .get(random.nextInt(9));
            default -> climb(random, fromFolder) + "outside/" + name;
        };
    }

    private String climb(Random random, Path fromFolder) {
        int depth = Math.max(1, scratchRoot.relativize(fromFolder).getNameCount());
        return "../".repeat(1 + random.nextInt(depth));
    }

    private Path link() throws IOException {
        Path link = caseFolder.resolve(LINK_NAME);
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, outside);
        }
        return link;
    }

    private static String join(String folder, String name) {
        return name.isEmpty() ? folder : folder + "/" + name;
    }
}
