package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sembridge.engine.vocab.VocabularyFragments.idOf;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalVocabularyTest {

    private static final Map<String, Vocabulary> FRAGMENTS = Map.of(
            "bert", VocabularyFragments.BERT_UNCASED,
            "xlmr", VocabularyFragments.XLMR,
            "roberta", VocabularyFragments.ROBERTA);

    @ParameterizedTest(name = "{0} ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        "bert    | [CLS]     | SPECIAL",
        "bert    | [unused0] | WORD_START",
        "bert    | ,         | SYMBOL",
        "bert    | 1         | SYMBOL",
        "bert    | 0         | SYMBOL",
        "bert    | €         | WORD_START",
        "bert    | the       | WORD_START",
        "bert    | ##s       | CONTINUATION",
        "xlmr    | <s>       | SPECIAL",
        "xlmr    | <mask>    | SPECIAL",
        "xlmr    | <0x0A>    | BYTE_FALLBACK",
        "xlmr    | ▁         | SYMBOL",
        "xlmr    | ▁,        | SYMBOL",
        "xlmr    | ▁the      | WORD_START",
        "xlmr    | ing       | CONTINUATION",
        "roberta | </s>      | SPECIAL",
        "roberta | Ã         | BYTE_FALLBACK",
        "roberta | Ġ         | SYMBOL",
        "roberta | Ċ         | SYMBOL",
        "roberta | Ġ1        | SYMBOL",
        "roberta | ĠcafÃ©    | WORD_START",
        "roberta | s         | CONTINUATION",
    })
    void tokenKindFollowsSpecialIdsAndCanonicalForm(String fragment, String token, TokenKind expected) {
        Vocabulary vocabulary = FRAGMENTS.get(fragment);

        assertEquals(expected, vocabulary.canonicalize().kind(idOf(vocabulary, token)));
    }

    @Test
    void lookupsListEveryIdWithTheFormLowestFirst() {
        CanonicalVocabulary roberta = VocabularyFragments.ROBERTA.canonicalize();
        int space = idOf(VocabularyFragments.ROBERTA, "Ġ");
        int doubleSpace = idOf(VocabularyFragments.ROBERTA, "ĠĠ");

        assertArrayEquals(new int[] {space, doubleSpace}, roberta.idsWithCanonicalForm("▁"));
        assertEquals(space, roberta.lowestIdWithCanonicalForm("▁"));
    }

    @Test
    void fuzzyLookupJoinsCaseAndMarkerVariants() {
        Vocabulary roberta = VocabularyFragments.ROBERTA;

        int[] expected = {idOf(roberta, "Ġthe"), idOf(roberta, "the"), idOf(roberta, "ĠThe")};
        assertArrayEquals(expected, roberta.canonicalize().idsWithFuzzyForm("the"));
    }

    @Test
    void absentFormHasNoIds() {
        CanonicalVocabulary bert = VocabularyFragments.BERT_UNCASED.canonicalize();

        assertEquals(0, bert.idsWithCanonicalForm("▁absent").length);
        assertEquals(-1, bert.lowestIdWithFuzzyForm("absent"));
    }

    @Test
    void kindCountsCoverTheVocabulary() {
        CanonicalVocabulary xlmr = VocabularyFragments.XLMR.canonicalize();

        int total = Arrays.stream(TokenKind.values()).mapToInt(xlmr::count).sum();
        assertEquals(xlmr.size(), total);
        assertEquals(5, xlmr.count(TokenKind.SPECIAL));
    }

    @Test
    void heavilyDuplicatedFormIsIndexedInOrder() {
        List<String> tokens = Collections.nCopies(50_000, "Ġ");
        CanonicalVocabulary vocabulary = new Vocabulary(tokens, Set.of(), VocabularyScheme.BYTE_LEVEL_BPE)
                .canonicalize();

        int[] ids = vocabulary.idsWithCanonicalForm("▁");
        assertEquals(50_000, ids.length);
        assertArrayEquals(IntStream.range(0, 50_000).toArray(), ids);
    }
}
