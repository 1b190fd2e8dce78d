package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BytePiecesTest {

    @ParameterizedTest(name = "SentencePiece ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "<0x21>  | !",
        "<0x41>  | A",
        "<0x7E>  | ~",
        "<0x20>  | <0x20>",
        "<0x0A>  | <0x0A>",
        "<0x7F>  | <0x7F>",
        "<0xC3>  | <0xC3>",
    })
    void printableAsciiByteFallbackIsItsCharacter(String token, String canonical) {
        assertEquals(canonical, VocabularyScheme.SENTENCEPIECE.canonicalForm(token));
    }

    @Test
    void symbolsCopiesThePrintableBytePieceFromTheSourceCharacter() {
        Vocabulary source = new Vocabulary(List.of("[CLS]", "!", "the"), Set.of(0), VocabularyScheme.WORDPIECE);
        Vocabulary target = new Vocabulary(List.of("<unk>", "<0x21>", "<0x0A>", "▁the"), Set.of(0),
                VocabularyScheme.SENTENCEPIECE);

        OverlapMap map = OverlapMatcher.match(source, target, new OverlapOptions(true, false, true));

        assertEquals(1, map.sourceId(1), "<0x21> copies '!'");
        assertEquals(MatchKind.SYMBOL, map.kind(1));
        assertEquals(-1, map.sourceId(2), "<0x0A> is not printable");
    }

    @Test
    void rawBytesReadsOnlyFormsMadeOfBytes() {
        assertArrayEquals(new byte[] {(byte) 0xC3}, BytePieces.rawBytes("<0xC3>"));
        assertArrayEquals(new byte[] {(byte) 0xE2, (byte) 0x82}, BytePieces.rawBytes("▁<0xE2><0x82>"));
        assertNull(BytePieces.rawBytes("é<0xC3>"));
        assertNull(BytePieces.rawBytes("house"));
        assertNull(BytePieces.rawBytes("▁"));
    }

    @Test
    void bytesOfSpellsTextAsUtf8AndRawGroupsAsTheirBytes() {
        assertArrayEquals(new byte[] {(byte) 0xEC, (byte) 0xA7, (byte) 0x91}, BytePieces.bytesOf("▁집"));
        assertArrayEquals(new byte[] {'a', (byte) 0xE2}, BytePieces.bytesOf("a<0xE2>"));
    }

    @ParameterizedTest(name = "''{0}'' is reserved")
    @ValueSource(strings = {"<unused0>", "<unused6241>", "[unused12]", "<|reserved_special_token_250|>",
        "<extra_id_99>", "<reserved_3>"})
    void reservedSpellingsAreRecognised(String token) {
        assertTrue(ReservedTokens.isReserved(token));
    }

    @ParameterizedTest(name = "''{0}'' is not reserved")
    @ValueSource(strings = {"unused", "▁unused", "<unk>", "[UNK]", "<|endoftext|>", "reserved", "<unused>"})
    void ordinaryTokensAreNotReserved(String token) {
        assertFalse(ReservedTokens.isReserved(token));
    }

    @ParameterizedTest(name = "{0} ''{1}'' stands for U+{2}")
    @CsvSource(delimiter = '|', value = {
        "SENTENCEPIECE  | <0x0A>  | 000A",
        "SENTENCEPIECE  | ▁       | 0020",
        "BYTE_LEVEL_BPE | Ċ       | 000A",
        "BYTE_LEVEL_BPE | ĉ       | 0009",
        "BYTE_LEVEL_BPE | Ġ       | 0020",
    })
    void surfaceTextReadsWhitespaceInEachFamilysSpelling(VocabularyScheme scheme, String token, String code) {
        assertEquals(String.valueOf((char) Integer.parseInt(code, 16)), scheme.surfaceText(token));
    }

    @Test
    void aSentencePieceLetterThatLooksLikeAByteLevelCharacterStaysALetter() {
        assertEquals("Ċ", VocabularyScheme.SENTENCEPIECE.surfaceText("Ċ"));
    }
}
