package org.sembridge.engine.vocab;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/// The byte-to-character table of byte-level BPE (GPT-2, RoBERTa; `bytes_to_unicode` in the GPT-2
/// release) and the decoding of a token string back to text.
///
/// The table maps each of the 256 byte values to one printable character: the bytes `!`..`~`,
/// `¡`..`¬` and `®`..`ÿ` map to the character with the same code; the other 68 bytes (controls,
/// space, DEL, U+0080..U+00A0, soft hyphen) map, in increasing byte order, to U+0100..U+0143.
/// So space is `Ġ` (U+0120), newline `Ċ` (U+010A), tab `ĉ` (U+0109).
final class ByteLevelAlphabet {

    /// The character that stands for the space byte 0x20.
    static final char SPACE = '\u0120';

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final int[] CHAR_TO_BYTE = new int[0x144];

    static {
        Arrays.fill(CHAR_TO_BYTE, -1);
        int next = 0x100;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE;
            BYTE_TO_CHAR[b] = printable ? (char) b : (char) next++;
            CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = b;
        }
    }

    /// Text decoded from a byte-level token and whether some of its bytes were not valid UTF-8.
    record Decoded(String text, boolean hasRawBytes) {
    }

    private ByteLevelAlphabet() {
    }

    /// The character that stands for `byteValue` (0..255).
    static char charOf(int byteValue) {
        return BYTE_TO_CHAR[byteValue];
    }

    /// Decodes a byte-level token: each character back to its byte, the bytes as UTF-8.
    ///
    /// Bytes that do not form a complete, well-formed UTF-8 sequence (a token holding half of a
    /// multibyte character) are written as `<0xNN>`, two upper-case hex digits per byte, the
    /// notation of SentencePiece byte-fallback tokens. A token with a character outside the
    /// alphabet (an added token such as a literal `한`) is not byte-level text and is returned as
    /// it is, as the Hugging Face `ByteLevel` decoder does.
    static Decoded decode(String token) {
        byte[] bytes = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
            if (b < 0) {
                return new Decoded(token, false);
            }
            bytes[i] = (byte) b;
        }
        return decodeUtf8(bytes);
    }

    /// Decodes UTF-8, writing every byte that is not part of a well-formed sequence (RFC 3629: no
    /// overlong forms, no surrogates, nothing above U+10FFFF) as `<0xNN>`.
    static Decoded decodeUtf8(byte[] bytes) {
        StringBuilder text = null;
        int validStart = 0;
        int i = 0;
        while (i < bytes.length) {
            int length = wellFormedLength(bytes, i);
            if (length > 0) {
                i += length;
                continue;
            }
            if (text == null) {
                text = new StringBuilder(2 * bytes.length);
            }
            text.append(new String(bytes, validStart, i - validStart, StandardCharsets.UTF_8))
                    .append("<0x").append(HEX_DIGITS[(bytes[i] >> 4) & 0xF]).append(HEX_DIGITS[bytes[i] & 0xF])
                    .append('>');
            i++;
            validStart = i;
        }
        if (text == null) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), false);
        }
        text.append(new String(bytes, validStart, bytes.length - validStart, StandardCharsets.UTF_8));
        return new Decoded(text.toString(), true);
    }

    /// The length of the well-formed UTF-8 sequence starting at `start`, or 0 if there is none
    /// (Unicode Table 3-7).
    private static int wellFormedLength(byte[] bytes, int start) {
        int lead = bytes[start] & 0xFF;
        int length;
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (lead < 0x80) {
            return 1;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            secondLow = lead == 0xE0 ? 0xA0 : 0x80;
            secondHigh = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            secondLow = lead == 0xF0 ? 0x90 : 0x80;
            secondHigh = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (start + length > bytes.length) {
            return 0;
        }
        int second = bytes[start + 1] & 0xFF;
        if (second < secondLow || second > secondHigh) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int continuation = bytes[start + k] & 0xFF;
            if (continuation < 0x80 || continuation > 0xBF) {
                return 0;
            }
        }
        return length;
    }
}
