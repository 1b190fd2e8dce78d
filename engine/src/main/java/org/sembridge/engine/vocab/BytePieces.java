package org.sembridge.engine.vocab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The bytes behind canonical forms, for tokens that stand for raw bytes rather than characters:
/// a SentencePiece byte-fallback token `<0xC3>`, or a byte-level BPE token holding part of a
/// multi-byte character (canonical form `<0xE2><0x82>`).
///
/// Canonical forms write such bytes as `<0xNN>` ([VocabularyScheme]); the word-start marker `▁` is
/// not a byte and is ignored here.
public final class BytePieces {

    private static final Pattern RAW_BYTE = Pattern.compile("<0x([0-9A-F]{2})>");

    private BytePieces() {
    }

    /// The bytes of a canonical form made only of `<0xNN>` groups (after dropping `▁`), or `null`
    /// when it holds any text: `<0xC3>` gives `{0xC3}`, `▁<0xE2><0x82>` gives `{0xE2, 0x82}`,
    /// `é<0xC3>` and `<0x0A>x` give `null`.
    public static byte[] rawBytes(String canonicalForm) {
        String rest = canonicalForm.replace(VocabularyScheme.WORD_START, "");
        if (rest.isEmpty() || rest.length() % 6 != 0) {
            return null;
        }
        byte[] bytes = new byte[rest.length() / 6];
        Matcher matcher = RAW_BYTE.matcher(rest);
        for (int k = 0; k < bytes.length; k++) {
            if (!matcher.region(6 * k, 6 * k + 6).matches()) {
                return null;
            }
            bytes[k] = (byte) Integer.parseInt(matcher.group(1), 16);
        }
        return bytes;
    }

    /// The UTF-8 bytes a canonical form stands for: its text as UTF-8 with each `<0xNN>` group as
    /// its byte, `▁` dropped (`▁집` gives the 3 bytes of 집).
    public static byte[] bytesOf(String canonicalForm) {
        String rest = canonicalForm.replace(VocabularyScheme.WORD_START, "");
        if (rest.indexOf("<0x") < 0) {
            return rest.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rest.length() + 8);
        Matcher matcher = RAW_BYTE.matcher(rest);
        int start = 0;
        while (matcher.find()) {
            bytes.writeBytes(rest.substring(start, matcher.start()).getBytes(StandardCharsets.UTF_8));
            bytes.write(Integer.parseInt(matcher.group(1), 16));
            start = matcher.end();
        }
        bytes.writeBytes(rest.substring(start).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
