package org.sembridge.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Atomic file and folder writes: every byte the engine writes goes through here.
///
/// A file is written to a temporary sibling in the same directory, forced to disk, then moved
/// over the target with `ATOMIC_MOVE`; on any failure the temporary file is deleted and the
/// target is untouched. A folder (a run, an exported model, an index) is built in a temporary
/// sibling folder and renamed into place only when complete, so readers never see half a result.
///
/// **Names.** Every temporary name is hidden and carries the owning process id, so that what a
/// killed process left behind is recognisable as ours and as orphaned:
///
/// | what | name next to `TARGET` |
/// |---|---|
/// | temporary file of [#write] | `.TARGET.PID-RANDOM.tmp` |
/// | staging folder of [#createStagingDirectory] | `.TARGET.staging-PID-RANDOM` |
/// | replaced folder during [#publishDirectory] | `.TARGET.old-PID-RANDOM` |
///
/// [#createStagingDirectory] removes the staging and replaced folders of `TARGET` whose process
/// no longer runs (a `SIGKILL`, a power loss): nothing else is ever deleted, and a folder of a
/// live process (another window, another command) is left alone.
///
/// **Permissions.** Temporary files and folders are created like any other file of the process
/// (mode `0666` or `0777` masked by the process umask), not with the owner-only mode of
/// `Files.createTempFile`, so a published run or index is as readable as the user's other files.
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private static final String STAGING = "staging-";
    private static final String OLD = "old-";
    private static final int NAME_ATTEMPTS = 100;

    /// Writes the bytes produced by `body` to `target`, all or nothing.
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /// Writes `target` atomically; creates missing parent directories.
    ///
    /// @throws IOException from `body` or the file system; `target` is then unchanged
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = createUniquely(dir, "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-", ".tmp",
                false);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveAtomically(temp, absolute);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw namingTarget(e, absolute);
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /// `e` itself when its message already names a path; otherwise an exception that does
    /// ("/out/docs.jsonl: cannot be written: No space left on device"), so that every I/O error
    /// the user sees says which file.
    private static IOException namingTarget(IOException e, Path target) {
        String message = e.getMessage();
        if (e instanceof FileSystemException || (message != null && message.contains(target.toString()))) {
            return e;
        }
        return new IOException(target + ": cannot be written: " + ReadFailure.reason(e), e);
    }

    /// Writes `text` as UTF-8 to `target` atomically.
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /// Creates an empty staging folder next to `target` for [#publishDirectory(Path, Path)],
    /// after removing the staging folders of `target` that dead processes left behind
    /// ([#removeOrphans(Path)]).
    public static Path createStagingDirectory(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        removeOrphans(absolute);
        return createUniquely(absolute.getParent(), hiddenPrefix(absolute, STAGING), "", true);
    }

    /// Removes the staging and replaced folders of `target` (named as in the table above) whose
    /// owning process is gone; returns them. Folders of live processes, folders of other
    /// targets, files, links and anything not named by this class are never touched.
    ///
    /// @throws IOException when the parent folder cannot be listed or an orphan cannot be deleted
    public static List<Path> removeOrphans(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Path> orphans = new ArrayList<>();
        String ours = "." + absolute.getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                entry -> entry.getFileName().toString().startsWith(ours))) {
            for (Path entry : entries) {
                if (isOrphan(absolute, entry)) {
                    orphans.add(entry);
                }
            }
        }
        for (Path orphan : orphans) {
            LOG.info("Removing {}, left behind by process {} which no longer runs", orphan, ownerPid(absolute, orphan)
                    .orElseThrow());
            deleteRecursively(orphan);
        }
        return orphans;
    }

    private static boolean isOrphan(Path target, Path entry) {
        OptionalLong owner = ownerPid(target, entry);
        return owner.isPresent() && owner.getAsLong() != ProcessHandle.current().pid()
                && ProcessHandle.of(owner.getAsLong()).isEmpty()
                && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
    }

    /// The process id in a staging or replaced folder name of `target`, if `entry` is one.
    private static OptionalLong ownerPid(Path target, Path entry) {
        String name = entry.getFileName().toString();
        for (String kind : List.of(STAGING, OLD)) {
            String prefix = "." + target.getFileName() + "." + kind;
            if (!name.startsWith(prefix)) {
                continue;
            }
            String rest = name.substring(prefix.length());
            int dash = rest.indexOf('-');
            String pid = dash > 0 ? rest.substring(0, dash) : "";
            if (!pid.isEmpty() && pid.length() <= 18 && dash < rest.length() - 1
                    && pid.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return OptionalLong.of(Long.parseLong(pid));
            }
        }
        return OptionalLong.empty();
    }

    private static String hiddenPrefix(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + ProcessHandle.current().pid() + "-";
    }

    /// Creates a new file or folder `dir/prefix RANDOM suffix` with the process's default
    /// permissions (the umask applies, unlike `Files.createTemp*`).
    private static Path createUniquely(Path dir, String prefix, String suffix, boolean folder) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + suffix);
            try {
                return folder ? Files.createDirectory(candidate) : Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /// Moves a completed staging folder to `target`. An existing `target` folder is replaced only
    /// after the new one is complete (renamed aside, then deleted). Whether `target` may be
    /// replaced at all is the caller's decision ([OutputMarker]).
    public static void publishDirectory(Path staging, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Path old = createUniquely(absolute.getParent(), hiddenPrefix(absolute, OLD), "", true);
            Files.delete(old);
            moveAtomically(absolute, old);
            moveAtomically(staging, absolute);
            deleteRecursively(old);
        } else {
            moveAtomically(staging, absolute);
        }
    }

    /// Deletes a folder tree; a missing path is not an error. Used to discard staging folders.
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to
                    + " atomically (different file systems?)", e);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot replace " + to + ": it exists and is not empty", e);
        }
    }
}
