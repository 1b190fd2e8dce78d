package org.sembridge.engine.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/// A snapshot of everything under a root (the harness's scratch folder) except the folders a
/// case may write to, for finding writes outside the output folder and deletions of files the
/// case did not create.
///
/// Entries are compared by kind, size, modification time and file key (inode), without
/// following symlinks; a symlink's target is part of its signature.
public final class SentinelTree {

    private final Path root;
    private final Map<String, String> entries;

    private SentinelTree(Path root, Map<String, String> entries) {
        this.root = root;
        this.entries = entries;
    }

    /// Takes a snapshot of `root`, skipping the subtrees in `allowed` (where writes are legal).
    public static SentinelTree take(Path root, Set<Path> allowed) {
        Map<String, String> entries = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (allowed.contains(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    entries.put(root.relativize(dir).toString() + "/", "dir");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (allowed.contains(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String signature = attrs.isSymbolicLink() ? "link->" + Files.readSymbolicLink(file)
                            : attrs.size() + "@" + attrs.lastModifiedTime().toMillis() + "#" + attrs.fileKey();
                    entries.put(root.relativize(file).toString(), signature);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    entries.put(root.relativize(file).toString(), "unreadable " + exc.getClass().getSimpleName());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SentinelTree(root, entries);
    }

    /// What changed from this snapshot to `after`: `created X`, `deleted X`, `changed X`.
    public List<String> differences(SentinelTree after) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String now = after.entries.get(e.getKey());
            if (now == null) {
                changes.add("deleted " + e.getKey());
            } else if (!now.equals(e.getValue()) && !e.getValue().equals("dir")) {
                changes.add("changed " + e.getKey());
            }
        }
        for (String key : after.entries.keySet()) {
            if (!entries.containsKey(key)) {
                changes.add("created " + key);
            }
        }
        return changes;
    }

    /// The root the snapshot was taken of.
    public Path root() {
        return root;
    }
}
