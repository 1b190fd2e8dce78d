package org.sembridge.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.ModelFormatException;

/// Whole-file UTF-8 reads: a Latin-1 file is named with its line, not "Input length = 1".
class Utf8TextTest {

    @TempDir
    Path dir;

    @Test
    void latin1FileIsReportedWithLineByteAndValue() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.write(file, new byte[] {'a', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Utf8Text.read(file, ModelFormatException::new));

        assertEquals(file + " line 2: not valid UTF-8 at byte 4 of the line (0xe9); expected a UTF-8 text file",
                e.getMessage());
    }

    @Test
    void byteOrderMarkIsDropped() throws Exception {
        Path file = dir.resolve("bom.json");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});

        assertEquals("{}", Utf8Text.read(file, ModelFormatException::new));
    }

    @Test
    void missingFileIsAnIoErrorNamingThePath() {
        Path file = dir.resolve("none.json");

        IOException e = assertThrows(IOException.class, () -> Utf8Text.read(file, ModelFormatException::new));

        assertEquals(file + ": cannot be read: file not found", e.getMessage());
    }

    @Test
    void sizesAreShownInTheLargestWholeUnit() {
        assertEquals("1 MiB", ReadFailure.size(1 << 20));
        assertEquals("64 KiB", ReadFailure.size(64 << 10));
        assertEquals("1000 bytes", ReadFailure.size(1000));
        assertTrue(ReadFailure.reason(new IOException("No space left on device")).contains("No space left"));
    }
}
