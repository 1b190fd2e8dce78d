package org.sembridge.engine.vocab;

import java.util.List;
import java.util.Set;

/// Hand-written fragments of real vocabularies, one per scheme, in the spelling of the original
/// `vocab.txt` / `tokenizer.json` (ids are positions in these lists, not the original ids).
final class VocabularyFragments {

    /// bert-base-uncased (WordPiece): specials, an unused slot, punctuation, digits, words,
    /// continuations. Lower case and accent-free, as the uncased normaliser leaves text.
    static final Vocabulary BERT_UNCASED = new Vocabulary(List.of(
            "[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "!", ",", ".", "0", "1", "the", "of",
            "house", "cafe", "new", "york", "##s", "##ing", "##the", "€"),
            Set.of(0, 2, 3, 4, 5), VocabularyScheme.WORDPIECE);

    /// rubert-base-cased style (WordPiece, cased): the kind of target vocabulary the paper uses.
    static final Vocabulary RUBERT_CASED = new Vocabulary(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ",", ".", "1", "The", "the", "café", "house", "дом",
            "##ом", "##s", "##ing", "##1", "York"),
            Set.of(0, 1, 2, 3, 4), VocabularyScheme.WORDPIECE);

    /// xlm-roberta-base (SentencePiece unigram): `<s> <pad> </s> <unk>` first, `<mask>` last; a
    /// byte-fallback token as Llama-style SentencePiece vocabularies have.
    static final Vocabulary XLMR = new Vocabulary(List.of(
            "<s>", "<pad>", "</s>", "<unk>", ",", ".", "▁the", "s", "▁The", "▁", "▁,", "ing", "▁house",
            "▁café", "▁New", "▁집", "<0x0A>", "1", "▁1", "<mask>"),
            Set.of(0, 1, 2, 3, 19), VocabularyScheme.SENTENCEPIECE);

    /// roberta-base (byte-level BPE): `Ġ` marks a leading space, `Ċ` is a newline, `Ã©` the two
    /// bytes of `é`, `Ã` alone half of a two-byte character.
    static final Vocabulary ROBERTA = new Vocabulary(List.of(
            "<s>", "<pad>", "</s>", "<unk>", ".", "Ġthe", ",", "the", "Ġ", "ĠThe", "Ċ", "ĠcafÃ©", "s", "ing",
            "Ġhouse", "Ã", "Ġ1", "1", "ĠĠ", "<mask>"),
            Set.of(0, 1, 2, 3, 19), VocabularyScheme.BYTE_LEVEL_BPE);

    private VocabularyFragments() {
    }

    /// The id of `token` in `vocabulary`; fails the test if it is absent.
    static int idOf(Vocabulary vocabulary, String token) {
        int id = vocabulary.tokens().indexOf(token);
        if (id < 0) {
            throw new AssertionError("fragment has no token '" + token + "': " + vocabulary.tokens());
        }
        return id;
    }
}
