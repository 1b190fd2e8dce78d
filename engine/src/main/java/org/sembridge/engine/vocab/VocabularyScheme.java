package org.sembridge.engine.vocab;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/// The subword convention of a vocabulary, which decides how its token strings map to canonical
/// forms: a word-start token is written `▁` + its text, a continuation token is its bare text.
///
/// The rules follow the SemBridge/FOCUS reference (`get_canonicalize_token_fn`), which applies
/// them to `tokenizer.decode([id])`; here the decoding is done on the token string itself, so
/// no tokenizer is needed. See the package guide for the full table and the few documented
/// deviations.
public enum VocabularyScheme {

    /// WordPiece (BERT and its kin): `##abc` is the continuation `abc`, any other token (special
    /// tokens included) the word start `▁` + token.
    WORDPIECE {
        @Override
        CanonicalForm canonicalize(String token) {
            if (token.startsWith(CONTINUATION_PREFIX)) {
                return new CanonicalForm(token.substring(CONTINUATION_PREFIX.length()), false);
            }
            return new CanonicalForm(WORD_START + token, false);
        }
    },

    /// SentencePiece (XLM-R, T5, Llama): a token starting with `▁` is a word start; the text is
    /// the token without any `▁` (the first-token rule of the Hugging Face `Metaspace` decoder)
    /// and without leading whitespace. Byte-fallback tokens `<0xNN>` stay as they are, except
    /// those of a printable ASCII byte (`<0x21>`..`<0x7E>`), which are that character (a
    /// continuation): `<0x21>` is `!` (our deviation: the reference keeps `<0x21>` and so never
    /// copies it).
    SENTENCEPIECE {
        @Override
        CanonicalForm canonicalize(String token) {
            if (BYTE_FALLBACK_TOKEN.matcher(token).matches()) {
                int value = Integer.parseInt(token.substring(3, 5), 16);
                return value >= FIRST_PRINTABLE && value <= LAST_PRINTABLE
                        ? new CanonicalForm(String.valueOf((char) value), false)
                        : new CanonicalForm(token, true);
            }
            String text = PythonText.stripLeading(token.replace(WORD_START, ""));
            return new CanonicalForm(token.startsWith(WORD_START) ? WORD_START + text : text, false);
        }
    },

    /// Byte-level BPE (GPT-2, RoBERTa): the token's characters are bytes (`Ġ` is a space); a
    /// token starting with `Ġ` is a word start; the text is the UTF-8 decoding of the bytes
    /// without leading whitespace. Bytes that are not valid UTF-8 on their own are written
    /// `<0xNN>` (`Ã` alone, byte 0xC3, becomes `<0xC3>`).
    BYTE_LEVEL_BPE {
        @Override
        CanonicalForm canonicalize(String token) {
            ByteLevelAlphabet.Decoded decoded = ByteLevelAlphabet.decode(token);
            String text = PythonText.stripLeading(decoded.text());
            boolean wordStart = !token.isEmpty() && token.charAt(0) == ByteLevelAlphabet.SPACE;
            return new CanonicalForm(wordStart ? WORD_START + text : text, decoded.hasRawBytes());
        }
    };

    /// The word-start marker of canonical forms, U+2581 LOWER ONE EIGHTH BLOCK (SentencePiece's
    /// meta space).
    public static final String WORD_START = "\u2581";

    /// The WordPiece continuation prefix.
    public static final String CONTINUATION_PREFIX = "##";

    /// A scheme is detected when MORE than this many tokens carry its marker (the reference's
    /// "simple heuristic to avoid false positives").
    public static final int DETECTION_THRESHOLD = 100;

    /// The first and last printable ASCII byte (`!` and `~`): their byte-fallback tokens are text.
    private static final int FIRST_PRINTABLE = 0x21;
    private static final int LAST_PRINTABLE = 0x7E;

    /// A SentencePiece byte-fallback token: `<0x` + two upper-case hex digits + `>`.
    private static final Pattern BYTE_FALLBACK_TOKEN = Pattern.compile("<0x[0-9A-F]{2}>");

    /// The canonical form of `token` under this scheme, e.g. `▁the`, `s`, `▁café`, `<0x0A>`.
    ///
    /// @param token a vocabulary entry exactly as stored in the tokenizer
    public String canonicalForm(String token) {
        return canonicalize(token).text();
    }

    /// The canonical form of `token` and whether it stands for raw bytes.
    abstract CanonicalForm canonicalize(String token);

    /// The text a token stands for before any stripping, for recognising whitespace and control
    /// pieces in every family's spelling: SentencePiece `▁` is a space and `<0xNN>` of a byte
    /// below 0x80 that character (`<0x0A>` is a newline); byte-level characters are their bytes
    /// (`Ċ` is a newline, `ĠĠ` two spaces) when the token decodes to well-formed UTF-8;
    /// WordPiece tokens and everything else are returned as they are.
    ///
    /// @param token a vocabulary entry exactly as stored
    public String surfaceText(String token) {
        return switch (this) {
            case WORDPIECE -> token;
            case SENTENCEPIECE -> {
                if (BYTE_FALLBACK_TOKEN.matcher(token).matches()) {
                    int value = Integer.parseInt(token.substring(3, 5), 16);
                    yield value < 0x80 ? String.valueOf((char) value) : token;
                }
                yield token.replace(WORD_START, " ");
            }
            case BYTE_LEVEL_BPE -> {
                ByteLevelAlphabet.Decoded decoded = ByteLevelAlphabet.decode(token);
                yield decoded.hasRawBytes() ? token : decoded.text();
            }
        };
    }

    /// The fuzzy form of a canonical form: every `▁` removed, then lower-cased with
    /// `Locale.ROOT` (so `▁The` and `the` share the fuzzy form `the`).
    public static String fuzzyForm(String canonicalForm) {
        return canonicalForm.replace(WORD_START, "").toLowerCase(Locale.ROOT);
    }

    /// The scheme of a vocabulary, detected from its markers; shorthand for
    /// `SchemeDetection.of(tokens).scheme()`, see [SchemeDetection#of(List)].
    ///
    /// @param tokens the token strings, indexed by id
    public static VocabularyScheme detect(List<String> tokens) {
        return SchemeDetection.of(tokens).scheme();
    }
}
