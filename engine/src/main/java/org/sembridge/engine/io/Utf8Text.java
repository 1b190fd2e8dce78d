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

    /// The text of `file`, a leading byte-order mark removed.
    ///
    /// @throws E when the bytes are not UTF-8: `"<file> line L: not valid UTF-8 at byte B of the
    ///     line (0xC3); expected a UTF-8 text file"`
    /// @throws IOException when the file cannot be read; the message starts with the file
    public static <E extends Exception> String read(Path file, ErrorFactory<E> error) throws E, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read: " + ReadFailure.reason(e), e);
        }
        return decode(bytes, file, error);
    }

    /// Decodes `bytes`, the content of `source`, as strict UTF-8 without a leading byte-order mark.
    ///
    /// @throws E when the bytes are not UTF-8 (message as for [#read])
    public static <E extends Exception> String decode(byte[] bytes, Object source, ErrorFactory<E> error) throws E {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
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
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
