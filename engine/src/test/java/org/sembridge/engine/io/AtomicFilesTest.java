package org.sembridge.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Temporary names, permissions and the removal of what killed processes left behind.
class AtomicFilesTest {

    @TempDir
    Path dir;

    /// The id of a process that has ended (a finished child of this JVM).
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        long pid = process.pid();
        assumeTrue(ProcessHandle.of(pid).isEmpty(), "the finished child's id is free again");
        return pid;
    }

    private static long livePid() {
        return ProcessHandle.current().parent().orElseThrow().pid();
    }

    private static int umask() throws IOException {
        OptionalInt umask = ProcessUmask.read();
        assumeTrue(umask.isPresent(), "/proc/self/status has no Umask line on this system");
        return umask.getAsInt();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writtenFileGetsTheUmaskPermissionsNotOwnerOnly() throws Exception {
        int umask = umask();
        Path file = dir.resolve("report.json");
        AtomicFiles.writeString(file, "{}\n");
        assertEquals(ProcessUmask.permissions(0666 & ~umask), Files.getPosixFilePermissions(file));
    }

    @Test
    void publishedFolderGetsTheUmaskPermissionsNotOwnerOnly() throws Exception {
        int umask = umask();
        Path target = dir.resolve("run");
        Path staging = AtomicFiles.createStagingDirectory(target);
        AtomicFiles.writeString(staging.resolve("model/config.json"), "{}\n");
        AtomicFiles.publishDirectory(staging, target);
        assertEquals(ProcessUmask.permissions(0777 & ~umask), Files.getPosixFilePermissions(target));
        assertEquals(ProcessUmask.permissions(0777 & ~umask), Files.getPosixFilePermissions(target.resolve("model")));
        assertEquals(ProcessUmask.permissions(0666 & ~umask),
                Files.getPosixFilePermissions(target.resolve("model/config.json")));
    }

    @Test
    void stagingFolderIsHiddenAndNamesThisProcess() throws Exception {
        Path staging = AtomicFiles.createStagingDirectory(dir.resolve("run"));
        assertTrue(staging.getFileName().toString().startsWith(".run.staging-" + ProcessHandle.current().pid() + "-"),
                staging.toString());
    }

    @Test
    void stagingFolderOfAKilledProcessIsRemovedAtTheNextStart() throws Exception {
        Path orphan = Files.createDirectories(dir.resolve(".run.staging-" + deadPid() + "-k1ll3d"));
        Files.writeString(Files.createDirectories(orphan.resolve("model")).resolve("model.safetensors"), "half");
        Path replaced = Files.createDirectories(dir.resolve(".run.old-" + deadPid() + "-k1ll3d"));
        Path staging = AtomicFiles.createStagingDirectory(dir.resolve("run"));
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(replaced));
        assertEquals(List.of(staging.getFileName().toString()), names());
    }

    @Test
    void stagingFolderOfALiveProcessIsKept() throws Exception {
        Path running = Files.createDirectories(dir.resolve(".run.staging-" + livePid() + "-busy"));
        AtomicFiles.createStagingDirectory(dir.resolve("run"));
        assertTrue(Files.isDirectory(running));
    }

    @Test
    void onlyOurNamesOfTheSameTargetAreEverRemoved() throws Exception {
        long dead = deadPid();
        List<Path> kept = List.of(
                Files.createDirectories(dir.resolve(".other.staging-" + dead + "-x")),
                Files.createDirectories(dir.resolve("run.staging-" + dead + "-x")),
                Files.createDirectories(dir.resolve(".run.staging-notapid-x")),
                Files.createDirectories(dir.resolve(".run.staging-" + dead + "-")),
                Files.createDirectories(dir.resolve(".run.backup-" + dead + "-x")),
                Files.writeString(dir.resolve(".run.staging-" + dead + "-file"), "a file, not a folder"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve(".run.staging-" + dead + "-link"), elsewhere);
        AtomicFiles.createStagingDirectory(dir.resolve("run"));
        for (Path path : kept) {
            assertTrue(Files.exists(path), path.toString());
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(elsewhere.resolve("keep.txt")));
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("a.txt");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException("No space left on device");
        }));
        assertEquals(target + ": cannot be written: No space left on device", e.getMessage());
        assertEquals(List.of(), names());
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
    }
}
