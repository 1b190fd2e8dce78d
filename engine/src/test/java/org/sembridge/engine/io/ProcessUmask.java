package org.sembridge.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/// The umask of the test JVM, read independently of the code under test from Linux's
/// `/proc/self/status` (`Umask: 0022`); empty where that line does not exist.
final class ProcessUmask {

    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    private ProcessUmask() {
    }

    static OptionalInt read() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalInt.empty();
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("Umask:"))
                .mapToInt(line -> Integer.parseInt(line.substring("Umask:".length()).trim(), 8)).findFirst();
    }

    /// The permissions of `mode` (an octal `rwxrwxrwx` mode).
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BY_BIT.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(BY_BIT[bit]);
            }
        }
        return set;
    }
}
