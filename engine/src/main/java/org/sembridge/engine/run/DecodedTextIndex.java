package org.sembridge.engine.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.sembridge.engine.bridge.BridgeTexts;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.Vocabulary;
import org.sembridge.engine.vocab.VocabularyScheme;

/// The decoded text of every token of a run's target vocabulary, with an index from text to ids:
/// how a token of one run finds "the same token" in a run of another tokenizer, so that
/// byte-level `Ġhouse`, SentencePiece `▁house` and WordPiece `house` meet.
///
/// The text is the bridge's ([BridgeTexts]): the run's stored bridge texts when it used a bridge
/// (the rule applied to `tokenizer.decode([id])`), else the same rule applied to the token's
/// surface text ([VocabularyScheme#surfaceText]: `▁` and byte-level `Ġ` as a space, which the
/// rule strips), which is what the tokenizer decodes a plain piece to. Specials keep their raw
/// string (`[CLS]`, `<s>`), as in the bridge.
///
/// Several tokens may share a text (`▁house` and the continuation `house` both read `house`):
/// [#idOf] prefers the token that starts a word the same way as the one asked about, then the
/// lowest id. Built once per run in one pass, on the first comparison (measured on the 262,145
/// tokens of Gemma 3: 0.3 to 0.7 s of CPU, about 23 MB kept); immutable and thread-safe.
final class DecodedTextIndex {

    private final String[] texts;
    private final boolean[] wordStart;
    private final Map<String, int[]> idsByText;

    private DecodedTextIndex(String[] texts, boolean[] wordStart) {
        this.texts = texts;
        this.wordStart = wordStart;
        Map<String, int[]> counts = new HashMap<>(texts.length * 4 / 3 + 1);
        for (String text : texts) {
            counts.computeIfAbsent(text, t -> new int[1])[0]++;
        }
        Map<String, int[]> ids = new HashMap<>(counts.size() * 4 / 3 + 1);
        for (int id = texts.length - 1; id >= 0; id--) {
            int[] left = counts.get(texts[id]);
            int[] slots = ids.computeIfAbsent(texts[id], t -> new int[left[0]]);
            slots[--left[0]] = id;
        }
        this.idsByText = ids;
    }

    /// The index of `canonical`'s vocabulary, with the run's stored `bridgeTexts` (one per token)
    /// or, when empty, texts derived from the tokens' surface texts.
    static DecodedTextIndex of(CanonicalVocabulary canonical, List<String> bridgeTexts) {
        Vocabulary vocabulary = canonical.vocabulary();
        int size = vocabulary.size();
        String[] texts = new String[size];
        boolean[] wordStart = new boolean[size];
        boolean stored = bridgeTexts.size() == size;
        VocabularyScheme scheme = vocabulary.scheme();
        for (int id = 0; id < size; id++) {
            String raw = vocabulary.tokens().get(id);
            texts[id] = stored ? bridgeTexts.get(id) : vocabulary.isSpecial(id) ? BridgeTexts.forToken(raw, raw)
                    : BridgeTexts.forToken(scheme.surfaceText(raw), raw, scheme);
            wordStart[id] = canonical.canonicalForm(id).startsWith(VocabularyScheme.WORD_START);
        }
        return new DecodedTextIndex(texts, wordStart);
    }

    /// The decoded text of token `id` (never empty).
    String text(int id) {
        return texts[id];
    }

    /// Whether token `id` starts a word (its canonical form carries `▁`).
    boolean startsWord(int id) {
        return wordStart[id];
    }

    /// The token whose decoded text is `text`: among several, the lowest id that starts a word
    /// exactly when `wordStart` says so, else the lowest id; empty when no token reads `text`.
    OptionalInt idOf(String text, boolean wordStart) {
        int[] ids = idsByText.get(text);
        if (ids == null) {
            return OptionalInt.empty();
        }
        for (int id : ids) {
            if (this.wordStart[id] == wordStart) {
                return OptionalInt.of(id);
            }
        }
        return OptionalInt.of(ids[0]);
    }
}
