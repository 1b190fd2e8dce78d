package org.sembridge.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    void badByteFarIntoALargeTextIsFoundAcrossTheCheckSteps() {
        // 40,000 lines of "é€𝄞" (2-, 3- and 4-byte characters, so steps end inside sequences),
        // then a stray continuation byte on line 40,001
        String line = "\u00e9\u20ac\ud834\udd1e\n";
        byte[] good = line.repeat(40_000).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(good, good.length + 3);
        bytes[good.length] = 'x';
        bytes[good.length + 1] = (byte) 0x80;
        bytes[good.length + 2] = 'y';

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Utf8Text.requireUtf8(bytes, "big.json", ModelFormatException::new));

        assertEquals("big.json line 40001: not valid UTF-8 at byte 2 of the line (0x80); expected a UTF-8 text file",
                e.getMessage());
    }

    @Test
    void lenientDecodingEqualsTheStrictOneOnUtf8() throws Exception {
        String text = "\uFEFF{\"v\": \"" + "\u00e9\u20ac\ud834\udd1e\u2581a".repeat(20_000) + "\"}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        Utf8Text.requireUtf8(bytes, "ok.json", ModelFormatException::new);

        assertEquals(text.substring(1), Utf8Text.decodeLenient(bytes));
        assertEquals(text.substring(1), Utf8Text.decode(bytes, "ok.json", ModelFormatException::new));
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
