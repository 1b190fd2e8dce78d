package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocabularySchemeTest {

    @ParameterizedTest(name = "WordPiece ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "the      | ▁the",
        "##s      | s",
        "##ing    | ing",
        "[CLS]    | ▁[CLS]",
        "[UNK]    | ▁[UNK]",
        ",        | ▁,",
        "1996     | ▁1996",
        "##       | \"\"",
        "###      | #",
        "▁x       | ▁▁x",
    })
    void wordPieceContinuationLosesPrefixAndEverythingElseStartsAWord(String token, String expected) {
        assertEquals(expected, VocabularyScheme.WORDPIECE.canonicalForm(token));
    }

    @ParameterizedTest(name = "SentencePiece ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "▁the       | ▁the",
        "▁The       | ▁The",
        "s          | s",
        ",          | ,",
        "▁,         | ▁,",
        "▁          | ▁",
        "▁▁         | ▁",
        "<s>        | <s>",
        "<pad>      | <pad>",
        "<0x0A>     | <0x0A>",
        "<0x0a>     | <0x0a>",
        "▁New▁York  | ▁NewYork",
        "▁집        | ▁집",
        "\"\u3000x\" | x",
    })
    void sentencePieceKeepsTheMarkerAndUsesTheDecodedText(String token, String expected) {
        assertEquals(expected, VocabularyScheme.SENTENCEPIECE.canonicalForm(token));
    }

    @ParameterizedTest(name = "byte-level ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Ġthe                | ▁the",
        "the                 | the",
        "ĠThe                | ▁The",
        "Ġ                   | ▁",
        "ĠĠ                  | ▁",
        "Ċ                   | \"\"",
        "ĠcafÃ©              | ▁café",
        "Ã©                  | é",
        "ĠíķľêµŃ             | ▁한국",
        "ĠÐŁÑĢÐ¸Ð²ÐµÑĤ        | ▁Привет",
        "âĢĶ                 | —",
        "Ã                   | <0xC3>",
        "ĠÃ                  | ▁<0xC3>",
        "Ã©Ã                 | é<0xC3>",
        "âĤ                  | <0xE2><0x82>",
        "ĢĶ                  | <0x80><0x94>",
        "<s>                 | <s>",
        "한국                | 한국",
    })
    void byteLevelDecodesBytesAndMarksWordStarts(String token, String expected) {
        assertEquals(expected, VocabularyScheme.BYTE_LEVEL_BPE.canonicalForm(token));
    }

    @ParameterizedTest(name = "fuzzy ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "▁The    | the",
        "the     | the",
        "▁THE▁   | the",
        "▁       | \"\"",
        "▁\u0130      | i\u0307",
        "<0x0A>  | <0x0a>",
        "▁Дом    | дом",
    })
    void fuzzyFormDropsEveryMarkerAndLowerCases(String canonical, String expected) {
        assertEquals(expected, VocabularyScheme.fuzzyForm(canonical));
    }
}
