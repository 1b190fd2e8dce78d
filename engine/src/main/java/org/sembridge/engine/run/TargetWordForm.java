package org.sembridge.engine.run;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.VocabularyScheme;

/// How a lexicon word is one token of a target vocabulary, and which token: the forms are tried
/// in this order and the first that exists wins (lowest id within a form).
///
/// 1. [Form#WORD_START]: the word-start token (canonical form `▁word`: SentencePiece `▁집`,
///    byte-level `Ġ` + the word's bytes, a WordPiece whole word);
/// 2. [Form#CONTINUATION]: the continuation token (canonical form `word`: SentencePiece `집`
///    mid-word, WordPiece `##집`, byte-level without `Ġ`);
/// 3. [Form#BYTE_LEVEL]: a vocabulary entry spelled exactly as the word's UTF-8 bytes in the
///    byte-level alphabet (with or without `Ġ`), or exactly as the word (an added token), for
///    entries whose canonical form does not show the word.
///
/// @param targetId the target token
/// @param form the form that matched
public record TargetWordForm(int targetId, Form form) {

    /// The form under which a word is one target token.
    public enum Form {
        /// The word as a word-start token.
        WORD_START,
        /// The word as a continuation (mid-word) token.
        CONTINUATION,
        /// The word as a raw byte-level (or added) entry.
        BYTE_LEVEL;

        /// The name in `--json` output: `word_start`, `continuation`, `byte_level`.
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /// The ids of `vocabulary`'s raw strings (the lowest id per string), the `rawIds` of [#find].
    public static Map<String, Integer> rawIds(CanonicalVocabulary vocabulary) {
        List<String> tokens = vocabulary.vocabulary().tokens();
        Map<String, Integer> ids = new HashMap<>(tokens.size() * 2);
        for (int id = tokens.size() - 1; id >= 0; id--) {
            ids.put(tokens.get(id), id);
        }
        return ids;
    }

    /// The first form of `word` that is one token of `vocabulary`, if any.
    public static Optional<TargetWordForm> find(CanonicalVocabulary vocabulary, Map<String, Integer> rawIds,
            String word) {
        int id = vocabulary.lowestIdWithCanonicalForm(VocabularyScheme.WORD_START + word);
        if (id >= 0) {
            return Optional.of(new TargetWordForm(id, Form.WORD_START));
        }
        id = vocabulary.lowestIdWithCanonicalForm(word);
        if (id >= 0) {
            return Optional.of(new TargetWordForm(id, Form.CONTINUATION));
        }
        String byteLevel = byteLevelSpelling(word);
        for (String spelling : new String[] {"\u0120" + byteLevel, byteLevel, word}) {
            Integer raw = rawIds.get(spelling);
            if (raw != null) {
                return Optional.of(new TargetWordForm(raw, Form.BYTE_LEVEL));
            }
        }
        return Optional.empty();
    }

    /// The word's UTF-8 bytes written in the GPT-2 byte-level alphabet (`집` is `ì§ĳ`).
    static String byteLevelSpelling(String word) {
        StringBuilder spelled = new StringBuilder();
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            spelled.append(BYTE_TO_CHAR[b & 0xFF]);
        }
        return spelled.toString();
    }

    private static final char[] BYTE_TO_CHAR = new char[256];

    static {
        int next = 0x100;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE;
            BYTE_TO_CHAR[b] = printable ? (char) b : (char) next++;
        }
    }
}
