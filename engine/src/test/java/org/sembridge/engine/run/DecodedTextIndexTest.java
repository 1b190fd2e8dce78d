package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.vocab.Vocabulary;
import org.sembridge.engine.vocab.VocabularyScheme;

/// Tokens of different tokenizers meet by their decoded text, the bridge's rule: byte-level
/// `Ġhouse`, SentencePiece `▁house` and WordPiece `house` all read `house`.
class DecodedTextIndexTest {

    private static final DecodedTextIndex BYTE_LEVEL = index(VocabularyScheme.BYTE_LEVEL_BPE,
            List.of("<s>", "house", "Ġhouse", "Ġcat", "ing"), Set.of(0));
    private static final DecodedTextIndex SENTENCEPIECE = index(VocabularyScheme.SENTENCEPIECE,
            List.of("<unk>", "▁", "house", "▁house", "▁cat", "ing"), Set.of(0));
    private static final DecodedTextIndex WORDPIECE = index(VocabularyScheme.WORDPIECE,
            List.of("[CLS]", "house", "cat", "##ing", "##house"), Set.of(0));

    private static DecodedTextIndex index(VocabularyScheme scheme, List<String> tokens, Set<Integer> specials) {
        return DecodedTextIndex.of(new Vocabulary(tokens, specials, scheme).canonicalize(), List.of());
    }

    @Test
    void byteLevelSentencePieceAndWordPieceWordsReadTheSameText() {
        assertEquals("house", BYTE_LEVEL.text(2));
        assertEquals("house", SENTENCEPIECE.text(3));
        assertEquals("house", WORDPIECE.text(1));
    }

    @Test
    void aWordStartTokenFindsTheWordStartTokenOfAnotherScheme() {
        // Ġhouse (id 2) starts a word: in the SentencePiece vocabulary that is ▁house (id 3), not
        // the continuation piece house (id 2) that decodes to the same text
        assertTrue(BYTE_LEVEL.startsWord(2));
        assertEquals(OptionalInt.of(3), SENTENCEPIECE.idOf(BYTE_LEVEL.text(2), BYTE_LEVEL.startsWord(2)));
        assertEquals(OptionalInt.of(1), WORDPIECE.idOf(SENTENCEPIECE.text(3), SENTENCEPIECE.startsWord(3)));
        assertEquals(OptionalInt.of(2), BYTE_LEVEL.idOf(WORDPIECE.text(1), WORDPIECE.startsWord(1)));
    }

    @Test
    void aContinuationPieceFindsTheContinuationPieceOfAnotherScheme() {
        assertEquals(OptionalInt.of(2), SENTENCEPIECE.idOf(BYTE_LEVEL.text(1), BYTE_LEVEL.startsWord(1)));
        assertEquals(OptionalInt.of(1), BYTE_LEVEL.idOf(SENTENCEPIECE.text(2), SENTENCEPIECE.startsWord(2)));
    }

    @Test
    void aWordPieceContinuationKeepsItsMarkerAsTheBridgeDoes() {
        // the decoder strips ## only after a first piece: a lone ##ing decodes to ##ing
        assertEquals("##ing", WORDPIECE.text(3));
        assertEquals(OptionalInt.empty(), BYTE_LEVEL.idOf(WORDPIECE.text(3), WORDPIECE.startsWord(3)));
    }

    @Test
    void specialsKeepTheirRawString() {
        assertEquals("<s>", BYTE_LEVEL.text(0));
        assertEquals("[CLS]", WORDPIECE.text(0));
        assertEquals(OptionalInt.empty(), WORDPIECE.idOf(BYTE_LEVEL.text(0), false));
    }

    @Test
    void storedBridgeTextsWinOverTheSurfaceRule() {
        DecodedTextIndex stored = DecodedTextIndex.of(new Vocabulary(List.of("▁Haus", "▁cat"), Set.of(),
                VocabularyScheme.SENTENCEPIECE).canonicalize(), List.of("house", "cat"));
        assertEquals("house", stored.text(0));
        assertEquals(OptionalInt.of(0), stored.idOf("house", true));
    }

    @Test
    void aTextNoTokenReadsIsNotFound() {
        assertEquals(OptionalInt.empty(), SENTENCEPIECE.idOf("dog", true));
    }
}
