package org.sembridge.engine.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/// Short descriptions of read and write failures for messages that already name the file.
///
/// Java's `FileSystemException` messages start with the path (`"/a/b: Permission denied"`); its
/// [FileSystemException#getReason()] alone is used so the path is not printed twice. A charset
/// error (`MalformedInputException`: `"Input length = 1"`) becomes "not valid UTF-8".
public final class ReadFailure {

    private ReadFailure() {
    }

    /// What went wrong, without the path: `"Permission denied"`, `"file not found"`,
    /// `"No space left on device"`, `"not valid UTF-8"`.
    public static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "file not found";
            case AccessDeniedException a -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            case CharacterCodingException c -> "not valid UTF-8";
            default -> e.getMessage() == null || e.getMessage().isBlank()
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
        };
    }

    /// A byte count for messages: `"1 MiB"`, `"512 KiB"`, `"1000 bytes"`.
    public static String size(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= (1 << 10) && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return String.format(Locale.ROOT, "%d bytes", bytes);
    }
}
