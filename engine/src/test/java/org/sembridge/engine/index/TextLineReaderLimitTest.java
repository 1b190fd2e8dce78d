package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.TextLineReader;

/// The per-line bound of [TextLineReader]: refused with file and line, enforced while reading
/// (a gzip line far over the limit is never held whole), and gzip damage as bad input.
class TextLineReaderLimitTest {

    private static final Pattern BYTES_READ = Pattern.compile("read (\\d+) bytes without reaching its end");

    @TempDir
    Path dir;

    private static void readAll(Path file, int maxLineBytes) throws Exception {
        try (TextLineReader reader = TextLineReader.open(file, maxLineBytes)) {
            while (reader.readLine() != null) {
                // drain
            }
        }
    }

    @Test
    void lineOfExactlyTheLimitIsAcceptedAlsoWithCrLf() throws Exception {
        Path file = TestFiles.write(dir, "ok.tsv", "a".repeat(16) + "\r\n" + "b".repeat(16) + "\n");
        try (TextLineReader reader = TextLineReader.open(file, 16)) {
            assertEquals("a".repeat(16), reader.readLine());
            assertEquals("b".repeat(16), reader.readLine());
            assertNull(reader.readLine());
        }
    }

    @Test
    void lineOverTheLimitIsRefusedNamingFileLineLimitAndOption() {
        Path file = TestFiles.write(dir, "long.tsv", "short\n" + "x".repeat(17) + "\nnext\n");

        InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(file, 16));

        assertTrue(e.getMessage().startsWith(file + " line 2: longer than the limit of 16 bytes per line"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--max-line-mib"), e.getMessage());
    }

    @Test
    void defaultLimitIsOneMebibyte() throws Exception {
        Path file = TestFiles.write(dir, "mib.tsv", "d\t" + "w".repeat((1 << 20) - 2) + "\nd2\t" + "w".repeat(1 << 20) + "\n");
        try (TextLineReader reader = TextLineReader.open(file)) {
            assertEquals(1 << 20, reader.readLine().length());
            InputFormatException e = assertThrows(InputFormatException.class, reader::readLine);
            assertTrue(e.getMessage().contains("line 2: longer than the limit of 1 MiB"), e.getMessage());
        }
    }

    @Test
    void gzipLineFarOverTheLimitFailsAfterReadingAboutTheLimit() throws Exception {
        Path file = dir.resolve("bomb.jsonl.gz");
        byte[] block = new byte[1 << 16];
        Arrays.fill(block, (byte) 'a');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"_id\":\"d\",\"text\":\"".getBytes());
            for (int i = 0; i < 512; i++) { // 32 MiB of text in one line
                out.write(block);
            }
            out.write("\"}\n".getBytes());
        }
        int limit = 1 << 20;

        InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(file, limit));

        Matcher matcher = BYTES_READ.matcher(e.getMessage());
        assertTrue(matcher.find(), e.getMessage());
        long held = Long.parseLong(matcher.group(1));
        assertTrue(held > limit && held <= limit + (1 << 16) + 1, "held " + held + " bytes of the line");
        assertTrue(e.getMessage().startsWith(file + " line 1: "), e.getMessage());
    }

    @Test
    void truncatedGzipIsBadInputNamingFileAndLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 2000; i++) {
                out.write(("d" + i + "\ttext number " + i + " with some words\n").getBytes());
            }
        }
        byte[] whole = bytes.toByteArray();
        Path file = TestFiles.write(dir, "cut.tsv.gz", Arrays.copyOf(whole, whole.length / 2));

        InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(file, 1 << 20));

        assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
        assertTrue(e.getMessage().contains("the gzip data is truncated or corrupt"), e.getMessage());
    }

    @Test
    void limitOutsideItsRangeIsACallerBug() {
        Path file = TestFiles.write(dir, "x.tsv", "a\n");
        assertThrows(IllegalArgumentException.class, () -> TextLineReader.open(file, 0));
        assertThrows(IllegalArgumentException.class,
                () -> TextLineReader.open(file, TextLineReader.LARGEST_MAX_LINE_BYTES + 1));
    }

    @Test
    void corpusReaderPassesItsLimitOn() throws IOException {
        Path file = TestFiles.write(dir, "c.jsonl", "{\"_id\":\"a\",\"text\":\"" + "x".repeat(100) + "\"}\n");

        InputFormatException e = assertThrows(InputFormatException.class, () -> {
            try (CorpusReader reader = CorpusReader.open(file, 64)) {
                reader.next();
            }
        });

        assertTrue(e.getMessage().startsWith(file + " line 1: longer than the limit of 64 bytes"), e.getMessage());
    }
}
