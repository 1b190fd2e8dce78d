package org.sembridge.engine.io;

import java.io.EOFException;
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
import java.util.zip.ZipException;
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
/// **Bounded lines.** A line may hold at most [#maxLineBytes()] bytes (UTF-8, terminator not
/// counted; default [#DEFAULT_MAX_LINE_BYTES], 1 MiB). The bound is enforced *while* reading: the
/// reader never holds more than that many bytes of one line, so a small gzip file that expands to
/// a single 1 GiB line fails after reading about 1 MiB of it, with the file, the line number and
/// how to raise the limit, instead of exhausting memory. Longer lines are refused, never
/// truncated: every format read through this class (JSON Lines, TSV, TREC) would be silently
/// changed by a cut. Decompression is streamed (64 KiB at a time), so a `.gz` file costs no more
/// memory than the same text uncompressed.
///
/// **Errors** name the file and line: invalid UTF-8 (the file is not UTF-8), a line over the
/// limit, and a truncated or corrupt gzip stream are [InputFormatException]s; any other read
/// failure is an [IOException] whose message starts with the file.
///
/// Not thread-safe. Used by the corpus reader here, by the queries, qrels and run readers of
/// `org.sembridge.engine.eval` and by the lexicon reader of `org.sembridge.engine.vocab`.
public final class TextLineReader implements AutoCloseable {

    /// The default longest line, in bytes: 1 MiB, far above any real document, query or
    /// dictionary line (a long Wikipedia article is about 100 KiB), and small enough that a
    /// hostile file cannot exhaust memory.
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    /// The largest limit that can be asked for, 1 GiB (Java strings and arrays stop at 2 GiB).
    public static final int LARGEST_MAX_LINE_BYTES = 1 << 30;

    /// The command-line option that raises the limit, named in the error message.
    public static final String MAX_LINE_OPTION = "--max-line-mib";

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
    private final int maxLineBytes;
    private byte[] lineBytes = new byte[8192];
    private int lineNumber;

    private TextLineReader(Path file, CountingInputStream counter, InputStream in, int maxLineBytes) {
        this.file = file;
        this.counter = counter;
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /// Opens `file` for reading with lines of at most [#DEFAULT_MAX_LINE_BYTES]; `.gz` files are
    /// decompressed.
    ///
    /// @throws InputFormatException when the file does not exist, is a folder, or is not gzip
    ///     data despite its `.gz` name
    /// @throws IOException on other read failures (the message names the file)
    public static TextLineReader open(Path file) throws IOException, InputFormatException {
        return open(file, DEFAULT_MAX_LINE_BYTES);
    }

    /// Opens `file` for reading with lines of at most `maxLineBytes`; `.gz` files are
    /// decompressed.
    ///
    /// @param maxLineBytes the longest accepted line in bytes, 1 to [#LARGEST_MAX_LINE_BYTES]
    /// @throws IllegalArgumentException when `maxLineBytes` is out of range
    /// @throws InputFormatException when the file does not exist, is a folder, or is not gzip
    ///     data despite its `.gz` name
    /// @throws IOException on other read failures (the message names the file)
    public static TextLineReader open(Path file, int maxLineBytes) throws IOException, InputFormatException {
        if (maxLineBytes < 1 || maxLineBytes > LARGEST_MAX_LINE_BYTES) {
            throw new IllegalArgumentException("maxLineBytes must be in [1, " + LARGEST_MAX_LINE_BYTES + "], got "
                    + maxLineBytes);
        }
        if (Files.isDirectory(file)) {
            throw new InputFormatException(file + " is a folder; expected a text file");
        }
        CountingInputStream counter;
        try {
            counter = new CountingInputStream(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new InputFormatException("file not found: " + file, e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be opened: " + ReadFailure.reason(e), e);
        }
        try {
            InputStream in = file.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(counter, 1 << 16)
                    : counter;
            return new TextLineReader(file, counter, in, maxLineBytes);
        } catch (IOException e) {
            counter.close();
            throw new InputFormatException(file + " has a .gz name but is not gzip data: "
                    + ReadFailure.reason(e), e);
        }
    }

    /// The longest accepted line, in bytes.
    public int maxLineBytes() {
        return maxLineBytes;
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
            if ((long) length + chunk > maxLineBytes + 1L) {
                // One byte more than the limit is kept, for a trailing '\r' that does not count.
                throw tooLong(length + (long) chunk);
            }
            if (length + chunk > lineBytes.length) {
                lineBytes = Arrays.copyOf(lineBytes,
                        (int) Math.min(maxLineBytes + 1L, Math.max(lineBytes.length * 2L, length + chunk)));
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
        if (length > maxLineBytes) {
            lineNumber--;
            throw tooLong(length);
        }
        String line = decode(length);
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line = line.substring(1);
        }
        return line;
    }

    private boolean fill() throws IOException, InputFormatException {
        int n;
        try {
            n = in.read(buffer, 0, buffer.length);
        } catch (ZipException | EOFException e) {
            throw new InputFormatException(file + " line " + (lineNumber + 1) + ": the gzip data is truncated or corrupt ("
                    + ReadFailure.reason(e) + "); expected a complete .gz file", e);
        } catch (IOException e) {
            throw new IOException(file + " line " + (lineNumber + 1) + ": cannot be read: " + ReadFailure.reason(e), e);
        }
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /// A line of at least `bytesSoFar` bytes exceeds the limit: refused with the line it is on.
    private InputFormatException tooLong(long bytesSoFar) {
        return new InputFormatException(file + " line " + (lineNumber + 1) + ": longer than the limit of "
                + ReadFailure.size(maxLineBytes) + " per line (read " + bytesSoFar + " bytes without reaching its end);"
                + " if the line is genuine, raise the limit (CLI: " + MAX_LINE_OPTION + ")");
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
