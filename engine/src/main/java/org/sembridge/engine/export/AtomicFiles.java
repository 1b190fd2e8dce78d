package org.sembridge.engine.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sembridge.engine.io.ReadFailure;

/// Atomic file and folder writes: every byte the engine writes goes through here.
///
/// A file is written to a temporary sibling in the same directory, forced to disk, then moved
/// over the target with `ATOMIC_MOVE`; on any failure the temporary file is deleted and the
/// target is untouched. A folder (a run, an exported model, an index) is built in a temporary
/// sibling folder and renamed into place only when complete, so readers never see half a result.
public final class AtomicFiles {

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
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
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

    /// Creates an empty staging folder next to `target` for [#publishDirectory(Path, Path)].
    public static Path createStagingDirectory(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".");
    }

    /// Moves a completed staging folder to `target`. An existing `target` folder is replaced only
    /// after the new one is complete (renamed aside, then deleted).
    public static void publishDirectory(Path staging, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            Path old = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".old.");
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
