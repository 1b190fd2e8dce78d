package org.sembridge.engine.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.vocab.VocabularyScheme;

/// The text the bridge encoder embeds for each token of a vocabulary (SemBridge step 2).
///
/// The rule of the reference implementation, per token id:
///
/// 1. `text = tokenizer.decode([id]).strip()` (Python whitespace, which also strips the no-break
///    spaces U+00A0, U+2007, U+202F and U+0085 that Java's `String.strip` keeps);
/// 2. if `text` is empty or looks like a bracketed special (`text.startswith("[") and
///    text.endswith("]")`: `[UNK]`, `[unused3]`, `[CLS]`), the raw vocabulary string is used
///    instead;
/// 3. (our addition) if that is still empty (an id gap in the vocabulary) the bridge could not
///    embed it: it becomes `[empty]`;
/// 4. (our addition, rule version 2) whitespace and control pieces get one named text whatever
///    the family's spelling: a token whose surface text ([VocabularyScheme#surfaceText]: `▁` as a
///    space, `<0x0A>` and byte-level `Ċ` as a newline, `ĉ` as a tab, `ĠĠ` and `▁▁` as two
///    spaces) or decoded text is non-empty and made only of whitespace and control characters is
///    bridged as the names of its runs joined by ` + `: `newline`, `2 newlines`, `tab`, `space`,
///    `4 spaces`, `newline + 2 spaces`; names: space, newline, tab, carriage return, vertical tab,
///    form feed, no-break space, ideographic space; any other character `U+XXXX` (a run of `n`:
///    `n x U+XXXX`). So newline is `newline` for Gemma's `\n`, Llama 2's `<0x0A>` and Qwen's `Ċ`
///    alike. The reference would bridge `<0x0A>` and `Ċ` as their raw strings.
///
/// How decoding shapes the text, per subword scheme (checked by the tests with the native
/// `tokenizers` library that DJL wraps, which is what transformers' fast tokenizers run):
///
/// - WordPiece: a lone continuation piece keeps its marker, `##ing` decodes to `##ing` (the
///   decoder strips `##` only from pieces after the first), so the bridge sees `##ing`;
///   `[CLS]`, `[unused0]` fall back to their raw string, which is the same text.
/// - SentencePiece (Metaspace decoder): `▁house` decodes to `house`, so `▁house` and `house` get
///   the same text; a lone `▁` decodes to nothing and keeps its raw string `▁`.
/// - Byte-level BPE: `Ġhouse` decodes to ` house` -> `house`; `Ġ` alone decodes to a space and
///   keeps its raw string `Ġ`; multi-byte characters split over several tokens decode to `�`.
/// - Special tokens are decoded with `skip_special_tokens=False`: `<s>` stays `<s>`.
///
/// Several tokens may share one text; [BridgeVectorStore] embeds each distinct text once.
/// [#RULE_VERSION] is part of every cache key: change it whenever this rule changes.
public final class BridgeTexts {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeTexts.class);

    /// Version of the rule above; bump it when the rule changes so cached vectors are recomputed.
    public static final int RULE_VERSION = 2;

    /// The text used for an empty vocabulary entry (an id the tokenizer does not define).
    public static final String EMPTY_TOKEN_TEXT = "[empty]";

    private static final java.util.Map<Integer, String> WHITESPACE_NAMES = java.util.Map.of(
            0x20, "space", 0x0A, "newline", 0x09, "tab", 0x0D, "carriage return", 0x0B, "vertical tab",
            0x0C, "form feed", 0xA0, "no-break space", 0x3000, "ideographic space");

    private BridgeTexts() {
    }

    /// The bridge texts of every token of `tokenizer`, in id order (`size == vocabSize()`).
    public static List<String> forVocabulary(TextTokenizer tokenizer) {
        long start = System.nanoTime();
        List<String> raw = tokenizer.tokens();
        VocabularyScheme scheme = VocabularyScheme.detect(raw);
        List<String> texts = new ArrayList<>(raw.size());
        int[] single = new int[1];
        int fallbacks = 0;
        for (int id = 0; id < raw.size(); id++) {
            single[0] = id;
            String decoded = raw.get(id).isEmpty() ? "" : tokenizer.decode(single);
            String text = tokenizer.specialTokenIds().contains(id) ? forToken(decoded, raw.get(id))
                    : forToken(decoded, raw.get(id), scheme);
            if (text.equals(raw.get(id)) && !text.equals(stripPython(decoded))) {
                fallbacks++;
            }
            texts.add(text);
        }
        LOG.debug("Bridge texts of {}: {} tokens, {} from the raw vocabulary string, {} s", tokenizer.source(),
                texts.size(), fallbacks, String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        return texts;
    }

    /// The bridge text of one token from its decoded form and its raw vocabulary string (the rule
    /// of the class comment). The result is never empty or blank.
    ///
    /// @param decoded `tokenizer.decode([id])`, specials kept
    /// @param rawToken the vocabulary string of the token (`##ing`, `▁the`, `Ġthe`, `[CLS]`)
    public static String forToken(String decoded, String rawToken) {
        return forToken(decoded, rawToken, VocabularyScheme.WORDPIECE);
    }

    /// The bridge text of one token (the rule of the class comment), reading whitespace pieces in
    /// the spelling of `scheme`.
    ///
    /// @param decoded `tokenizer.decode([id])`, specials kept
    /// @param rawToken the vocabulary string of the token
    /// @param scheme the subword scheme of the token's vocabulary
    public static String forToken(String decoded, String rawToken, VocabularyScheme scheme) {
        String whitespace = whitespaceName(scheme.surfaceText(rawToken));
        if (whitespace == null && !decoded.isEmpty()) {
            whitespace = whitespaceName(decoded);
        }
        if (whitespace != null) {
            return whitespace;
        }
        String text = stripPython(decoded);
        if (text.isEmpty() || (text.startsWith("[") && text.endsWith("]"))) {
            text = rawToken;
        }
        if (text.isEmpty()) {
            return EMPTY_TOKEN_TEXT;
        }
        String named = whitespaceName(text);
        return named != null ? named : text;
    }

    /// The named text of a whitespace or control piece (rule 4 of the class comment), or `null`
    /// when `surface` is empty or holds any other character.
    public static String whitespaceName(String surface) {
        if (surface.isEmpty() || !surface.codePoints().allMatch(c -> isPythonSpace(c)
                || Character.getType(c) == Character.CONTROL)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < surface.length()) {
            int codePoint = surface.codePointAt(i);
            int run = 0;
            while (i < surface.length() && surface.codePointAt(i) == codePoint) {
                run++;
                i += Character.charCount(codePoint);
            }
            String name = WHITESPACE_NAMES.get(codePoint);
            if (name == null) {
                String code = String.format(Locale.ROOT, "U+%04X", codePoint);
                parts.add(run == 1 ? code : run + " x " + code);
            } else {
                parts.add(run == 1 ? name : run + " " + name + "s");
            }
        }
        return String.join(" + ", parts);
    }

    /// Python's `str.strip()` without arguments: removes leading and trailing code points for which
    /// `str.isspace()` holds.
    static String stripPython(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isPythonSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /// `chr(codePoint).isspace()` in Python: bidirectional class WS, B or S, or category Zs.
    private static boolean isPythonSpace(int codePoint) {
        return switch (codePoint) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
                 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> codePoint >= 0x2000 && codePoint <= 0x200A;
        };
    }
}
