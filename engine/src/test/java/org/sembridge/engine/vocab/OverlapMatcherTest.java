package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sembridge.engine.vocab.VocabularyFragments.BERT_UNCASED;
import static org.sembridge.engine.vocab.VocabularyFragments.ROBERTA;
import static org.sembridge.engine.vocab.VocabularyFragments.RUBERT_CASED;
import static org.sembridge.engine.vocab.VocabularyFragments.XLMR;
import static org.sembridge.engine.vocab.VocabularyFragments.idOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OverlapMatcherTest {

    private static final OverlapOptions ALL_ON = new OverlapOptions(true, true, true);

    /// The source token that `targetToken` copies, or `null`.
    private static String sourceTokenOf(Vocabulary source, Vocabulary target, OverlapOptions options,
            String targetToken) {
        int sourceId = OverlapMatcher.match(source, target, options).sourceId(idOf(target, targetToken));
        return sourceId < 0 ? null : source.tokens().get(sourceId);
    }

    private static MatchKind kindOf(Vocabulary source, Vocabulary target, OverlapOptions options,
            String targetToken) {
        return OverlapMatcher.match(source, target, options).kind(idOf(target, targetToken));
    }

    @ParameterizedTest(name = "WordPiece ''{0}'' -> WordPiece ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "[CLS]  | [CLS]",
        "[PAD]  | [PAD]",
        ",      | ,",
        "1      | 1",
        "the    | the",
        "house  | house",
        "##s    | ##s",
        "##ing  | ##ing",
        "The    | ",
        "café   | ",
        "дом    | ",
        "##1    | ",
    })
    void wordPieceTargetCopiesTheSameWordPieceToken(String targetToken, String expectedSource) {
        assertEquals(expectedSource, sourceTokenOf(BERT_UNCASED, RUBERT_CASED, OverlapOptions.DEFAULTS, targetToken));
    }

    @ParameterizedTest(name = "WordPiece ''{0}'' -> SentencePiece ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "the    | ▁the",
        "The    | ▁The",
        "house  | ▁house",
        "café   | ▁café",
        ",      | ▁,",
        "1      | ▁1",
        "##s    | s",
        "##ing  | ing",
        "##1    | 1",
        ".      | ",
        "[CLS]  | ",
        "[PAD]  | ",
        "дом    | ",
    })
    void wordPieceWordStartsMeetSentencePieceMarkers(String targetToken, String expectedSource) {
        assertEquals(expectedSource, sourceTokenOf(XLMR, RUBERT_CASED, OverlapOptions.DEFAULTS, targetToken));
    }

    @ParameterizedTest(name = "WordPiece ''{0}'' -> byte-level ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "café   | ĠcafÃ©",
        "the    | Ġthe",
        "The    | ĠThe",
        "house  | Ġhouse",
        "1      | Ġ1",
        "##1    | 1",
        "##s    | s",
        "##ing  | ing",
        ".      | ",
        "[UNK]  | ",
    })
    void byteLevelSourceIsMatchedThroughItsDecodedText(String targetToken, String expectedSource) {
        assertEquals(expectedSource, sourceTokenOf(ROBERTA, RUBERT_CASED, OverlapOptions.DEFAULTS, targetToken));
    }

    @Test
    void fuzzyMatchingIsOffByDefault() {
        assertEquals(MatchKind.NONE, kindOf(BERT_UNCASED, RUBERT_CASED, OverlapOptions.DEFAULTS, "The"));
    }

    @ParameterizedTest(name = "fuzzy on: ''{0}'' -> ''{1}'' ({2})")
    @CsvSource(delimiter = '|', value = {
        "▁The  | the    | FUZZY",
        "▁New  | new    | FUZZY",
        "▁the  | the    | EXACT",
        "ing   | ##ing  | EXACT",
        "▁집   |        | NONE",
    })
    void fuzzyMatchingIgnoresCaseAndMarker(String targetToken, String expectedSource, MatchKind expectedKind) {
        OverlapOptions fuzzyOn = new OverlapOptions(true, true, false);

        assertAll(
                () -> assertEquals(expectedSource, sourceTokenOf(BERT_UNCASED, XLMR, fuzzyOn, targetToken)),
                () -> assertEquals(expectedKind, kindOf(BERT_UNCASED, XLMR, fuzzyOn, targetToken)));
    }

    /// Several SentencePiece source tokens share the target's fuzzy form `the`.
    @ParameterizedTest(name = "sources [{0}], target ''{1}'', exact {2}, fuzzy {3} -> source id {4}")
    @CsvSource(delimiter = '|', value = {
        "the ▁the ▁The   | ▁The | false | true  | 2",
        "▁THE the ▁the   | ▁The | false | true  | 0",
        "▁THE the ▁the   | ▁The | true  | true  | 0",
        "the ▁The ▁the   | ▁the | true  | true  | 2",
        "▁the x ▁the     | ▁the | true  | false | 0",
    })
    void severalSourcesPreferTheExactCanonicalOneElseTheLowestId(String sources, String target, boolean exact,
            boolean fuzzy, int expectedSourceId) {
        Vocabulary source = new Vocabulary(List.of(sources.split(" ")), Set.of(), VocabularyScheme.SENTENCEPIECE);
        Vocabulary targetVocabulary = new Vocabulary(List.of(target), Set.of(), VocabularyScheme.SENTENCEPIECE);

        OverlapMap map = OverlapMatcher.match(source, targetVocabulary, new OverlapOptions(exact, fuzzy, false));
        assertEquals(expectedSourceId, map.sourceId(0));
    }

    @ParameterizedTest(name = "''{0}'' with symbols {1} -> {2} ''{3}''")
    @CsvSource(delimiter = '|', value = {
        "##1    | false | NONE   | ",
        "##1    | true  | SYMBOL | 1",
        "[CLS]  | false | EXACT  | [CLS]",
        "[CLS]  | true  | SYMBOL | [CLS]",
        ",      | true  | SYMBOL | ,",
        "the    | true  | EXACT  | the",
        "The    | true  | NONE   | ",
    })
    void symbolOptionMatchesSymbolsAndSpecialsFirstAndAlsoByFuzzyForm(String targetToken, boolean symbols,
            MatchKind expectedKind, String expectedSource) {
        OverlapOptions options = new OverlapOptions(true, false, symbols);

        assertAll(
                () -> assertEquals(expectedKind, kindOf(BERT_UNCASED, RUBERT_CASED, options, targetToken)),
                () -> assertEquals(expectedSource, sourceTokenOf(BERT_UNCASED, RUBERT_CASED, options, targetToken)));
    }

    @ParameterizedTest(name = "WordPiece ''{0}'' finds nothing in RoBERTa")
    @ValueSource(strings = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"})
    void specialTokensDoNotMatchAcrossConventions(String targetToken) {
        assertEquals(MatchKind.NONE, kindOf(ROBERTA, RUBERT_CASED, ALL_ON, targetToken));
    }

    @ParameterizedTest(name = "XLM-R ''{0}'' copies RoBERTa ''{0}''")
    @ValueSource(strings = {"<s>", "<pad>", "</s>", "<unk>", "<mask>"})
    void identicallySpelledSpecialTokensMatchExactly(String token) {
        assertEquals(token, sourceTokenOf(ROBERTA, XLMR, OverlapOptions.DEFAULTS, token));
    }

    @Test
    void countsPerKindAgreeWithTheTargetIds() {
        OverlapMap map = OverlapMatcher.match(BERT_UNCASED, RUBERT_CASED, ALL_ON);

        int total = 0;
        for (MatchKind kind : MatchKind.values()) {
            assertEquals(map.targetIds(kind).length, map.count(kind), kind.name());
            total += map.count(kind);
        }
        assertEquals(RUBERT_CASED.size(), total);
        assertEquals(RUBERT_CASED.size() - map.count(MatchKind.NONE), map.matchedCount());
    }

    @Test
    void fragmentCountsPerKind() {
        OverlapMap map = OverlapMatcher.match(BERT_UNCASED, RUBERT_CASED, ALL_ON);

        // SPECIAL_ROLE: none (off); SYMBOL: 5 specials, ',', '.', '1', '##1'; EXACT: the, house, ##s,
        // ##ing; FUZZY: The, York; NONE: café, дом, ##ом.
        int[] expected = {0, 9, 4, 2, 3};
        int[] found = Arrays.stream(MatchKind.values()).mapToInt(map::count).toArray();
        assertArrayEquals(expected, found);
    }

    /// Two 250,000-token vocabularies: target id i is `w<i>` (exact, source i), `W<i>` (fuzzy),
    /// `x<i>` (none) or `##w<i>` (fuzzy) for i mod 4 = 0, 1, 2, 3; source id i is `▁w<i>`.
    @Test
    void quarterMillionTokenVocabulariesMatchInLinearTime() {
        int size = 250_000;
        List<String> sourceTokens = new ArrayList<>(size);
        List<String> targetTokens = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sourceTokens.add("▁w" + i);
            targetTokens.add(switch (i % 4) {
                case 0 -> "w" + i;
                case 1 -> "W" + i;
                case 2 -> "x" + i;
                default -> "##w" + i;
            });
        }
        Vocabulary source = Vocabulary.of(sourceTokens, Set.of());
        Vocabulary target = Vocabulary.of(targetTokens, Set.of());

        OverlapMap map = OverlapMatcher.match(source, target, new OverlapOptions(true, true, false));

        assertAll(
                () -> assertEquals(VocabularyScheme.SENTENCEPIECE, map.sourceScheme()),
                () -> assertEquals(VocabularyScheme.WORDPIECE, map.targetScheme()),
                () -> assertEquals(size / 4, map.count(MatchKind.EXACT)),
                () -> assertEquals(size / 2, map.count(MatchKind.FUZZY)),
                () -> assertEquals(size / 4, map.count(MatchKind.NONE)),
                () -> assertArrayEquals(IntStream.range(0, size).filter(i -> i % 4 == 2).toArray(),
                        map.targetIds(MatchKind.NONE)),
                () -> assertEquals(IntStream.range(0, size).filter(i -> i % 4 != 2).count(),
                        IntStream.range(0, size).filter(i -> map.sourceId(i) == i).count()));
    }
}
