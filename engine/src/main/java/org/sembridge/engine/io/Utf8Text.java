package org.sembridge.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/// Reads a whole text file as strict UTF-8, so that a file in another encoding is reported with
/// the line and byte of its first bad byte ("not valid UTF-8") instead of Java's
/// `MalformedInputException: Input length = 1` or silent U+FFFD replacement characters.
///
/// For small files read at once (JSON configs, manifests, tokenizers); large line-oriented files
/// go through [TextLineReader], which is bounded per line.
public final class Utf8Text {

    private Utf8Text() {
    }

    /// Characters decoded per step of [#requireUtf8] (the text is checked, not kept).
    private static final int CHECK_CHUNK_CHARS = 1 << 14;

    /// The text of `file`, a leading byte-order mark removed.
    ///
    /// @throws E when the bytes are not UTF-8: `"<file> line L: not valid UTF-8 at byte B of the
    ///     line (0xC3); expected a UTF-8 text file"`
    /// @throws IOException when the file cannot be read; the message starts with the file
    public static <E extends Exception> String read(Path file, ErrorFactory<E> error) throws E, IOException {
        return decode(readBytes(file), file, error);
    }

    /// The bytes of `file`.
    ///
    /// @throws IOException when the file cannot be read; the message starts with the file
    public static byte[] readBytes(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read: " + ReadFailure.reason(e), e);
        }
    }

    /// Decodes `bytes`, the content of `source`, as strict UTF-8 without a leading byte-order mark.
    ///
    /// @throws E when the bytes are not UTF-8 (message as for [#read])
    public static <E extends Exception> String decode(byte[] bytes, Object source, ErrorFactory<E> error) throws E {
        requireUtf8(bytes, source, error);
        return decodeLenient(bytes);
    }

    /// The text of `bytes` without a leading byte-order mark, each malformed sequence replaced
    /// by U+FFFD: equal to [#decode] for bytes that [#requireUtf8] accepts. For a large text that
    /// is needed before its check ends (the check then runs beside its first use).
    public static String decodeLenient(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /// Checks that `bytes`, the content of `source`, are strict UTF-8, decoding them in small
    /// steps so that no copy of the text is made.
    ///
    /// @throws E naming the line and byte of the first bad byte (message as for [#read])
    public static <E extends Exception> void requireUtf8(byte[] bytes, Object source, ErrorFactory<E> error) throws E {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(CHECK_CHUNK_CHARS);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            out.clear();
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int shown = Math.min(Math.max(result.length(), 1), bytes.length - offset);
            throw error.create(source + " line " + line + ": not valid UTF-8 at byte " + (offset - lineStart + 1)
                    + " of the line (0x" + HexFormat.of().formatHex(bytes, offset, offset + shown)
                    + "); expected a UTF-8 text file", null);
        }
    }
}
