package org.sembridge.engine.index;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.sembridge.engine.InputFormatException;

/// A strict, streaming reader of UTF-8 text lines that knows where it is: file, line number, and
/// bytes consumed, so every format error can name its exact place.
///
/// Lines end at `\n`; a trailing `\r` is removed, and a byte-order mark at the start of the file
/// is dropped. Each line is decoded on its own with a `CharsetDecoder` that *reports* malformed
/// input instead of replacing it, so invalid UTF-8 fails with the line and byte column of the first
/// bad byte rather than silently turning into U+FFFD. Files whose name ends in `.gz` are
/// decompressed on the fly; [#bytesRead()] then counts compressed bytes, so that it can be compared
/// with the file size for progress.
///
/// Not thread-safe. Used by the corpus reader here and by the queries, qrels and run readers of
/// `org.sembridge.engine.eval`.
public final class TextLineReader implements AutoCloseable {

    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private final Path file;
    private final CountingInputStream counter;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] lineBytes = new byte[8192];
    private int lineNumber;

    private TextLineReader(Path file, CountingInputStream counter, InputStream in) {
        this.file = file;
        this.counter = counter;
        this.in = in;
    }

    /// Opens `file` for reading; `.gz` files are decompressed.
    ///
    /// @throws InputFormatException when the file does not exist, is a folder, or is not gzip
    ///     data despite its `.gz` name
    /// @throws IOException on other read failures
    public static TextLineReader open(Path file) throws IOException, InputFormatException {
        if (Files.isDirectory(file)) {
            throw new InputFormatException(file + " is a folder; expected a text file");
        }
        CountingInputStream counter;
        try {
            counter = new CountingInputStream(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new InputFormatException("file not found: " + file, e);
        }
        try {
            InputStream in = file.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(counter, 1 << 16)
                    : counter;
            return new TextLineReader(file, counter, in);
        } catch (IOException e) {
            counter.close();
            throw new InputFormatException(file + " has a .gz name but is not gzip data: " + e.getMessage(), e);
        }
    }

    /// Reads the next line without its line terminator.
    ///
    /// @return the line, or `null` at the end of the file
    /// @throws InputFormatException when the line is not valid UTF-8 (message names file, line
    ///     and byte column)
    public String readLine() throws IOException, InputFormatException {
        if (position == limit && !fill()) {
            return null;
        }
        int length = 0;
        while (true) {
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > lineBytes.length) {
                lineBytes = Arrays.copyOf(lineBytes, Math.max(lineBytes.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, lineBytes, length, chunk);
            length += chunk;
            if (position < limit) {
                position++;
                break;
            }
            if (!fill()) {
                break;
            }
        }
        lineNumber++;
        if (length > 0 && lineBytes[length - 1] == '\r') {
            length--;
        }
        String line = decode(length);
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line = line.substring(1);
        }
        return line;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private String decode(int length) throws InputFormatException {
        ByteBuffer bytes = ByteBuffer.wrap(lineBytes, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int offset = bytes.position();
            int shown = Math.min(Math.max(result.length(), 1), length - offset);
            throw error("invalid UTF-8 at byte " + (offset + 1) + " of the line (bytes 0x"
                    + HexFormat.of().formatHex(lineBytes, offset, offset + shown)
                    + "); expected a UTF-8 encoded file");
        }
        chars.flip();
        return chars.toString();
    }

    /// An [InputFormatException] whose message starts with this reader's file and current line:
    /// `"<file> line <n>: <problem>"`.
    public InputFormatException error(String problem) {
        return new InputFormatException(location() + ": " + problem);
    }

    /// The place of the line last read, `"<file> line <n>"`.
    public String location() {
        return file + " line " + lineNumber;
    }

    /// The file being read.
    public Path file() {
        return file;
    }

    /// The 1-based number of the line last returned by [#readLine()]; 0 before the first.
    public int lineNumber() {
        return lineNumber;
    }

    /// Bytes consumed from the file so far (compressed bytes for `.gz` files); read-ahead
    /// buffering makes this up to 64 KiB ahead of the line last returned.
    public long bytesRead() {
        return counter.count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
