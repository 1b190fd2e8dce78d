package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecialRoleTest {

    private static final Vocabulary BERT_SOURCE = new Vocabulary(
            List.of("[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "house", "!", "##s"),
            Set.of(0, 2, 3, 4, 5), VocabularyScheme.WORDPIECE);

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = ';', value = {
        "[CLS]                 ; CLS_BOS",
        "<s>                   ; CLS_BOS",
        "<bos>                 ; CLS_BOS",
        "<|begin_of_text|>     ; CLS_BOS",
        "[SEP]                 ; SEP_EOS",
        "</s>                  ; SEP_EOS",
        "<eos>                 ; SEP_EOS",
        "<|endoftext|>         ; SEP_EOS",
        "<|im_end|>            ; SEP_EOS",
        "<|end_of_text|>       ; SEP_EOS",
        "[UNK]                 ; UNK",
        "<unk>                 ; UNK",
        "[PAD]                 ; PAD",
        "<pad>                 ; PAD",
        "[MASK]                ; MASK",
        "<mask>                ; MASK",
    })
    void familySpellingsNameTheirRole(String token, SpecialRole role) {
        assertEquals(role, SpecialRole.of(token).orElseThrow());
    }

    @ParameterizedTest(name = "''{0}'' has no role")
    @ValueSource(strings = {"<start_of_turn>", "<|im_start|>", "mask", "<unused0>", "[unused3]", "s", "<S>"})
    void otherTokensHaveNoRole(String token) {
        assertTrue(SpecialRole.of(token).isEmpty());
    }

    /// A Gemma-like target (`<mask>` is not flagged special there) against a BERT source.
    @ParameterizedTest(name = "target ''{0}'' copies ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "<bos>   | [CLS]",
        "<eos>   | [SEP]",
        "<unk>   | [UNK]",
        "<pad>   | [PAD]",
        "<mask>  | [MASK]",
    })
    void mapSpecialsCopiesTheSourceSpecialOfTheSameRole(String targetToken, String sourceToken) {
        Vocabulary target = new Vocabulary(List.of("<pad>", "<eos>", "<bos>", "<unk>", "<mask>", "▁house", "집"),
                Set.of(0, 1, 2, 3), VocabularyScheme.SENTENCEPIECE);
        OverlapMap map = OverlapMatcher.match(BERT_SOURCE, target, new OverlapOptions(true, false, false, true));

        int targetId = target.tokens().indexOf(targetToken);
        assertEquals(sourceToken, BERT_SOURCE.tokens().get(map.sourceId(targetId)));
        assertEquals(MatchKind.SPECIAL_ROLE, map.kind(targetId));
    }

    @Test
    void withoutMapSpecialsTheSpecialsAreMatchedBySpellingOnly() {
        Vocabulary target = new Vocabulary(List.of("<s>", "</s>", "<unk>", "▁house"), Set.of(0, 1, 2),
                VocabularyScheme.SENTENCEPIECE);
        OverlapMap map = OverlapMatcher.match(BERT_SOURCE, target, OverlapOptions.DEFAULTS);

        assertEquals(0, map.count(MatchKind.SPECIAL_ROLE));
        assertEquals(-1, map.sourceId(0));
        assertEquals(-1, map.sourceId(2));
    }

    @Test
    void aRoleTheSourceLacksIsLeftToTheOtherSteps() {
        Vocabulary source = new Vocabulary(List.of("[CLS]", "[SEP]", "the"), Set.of(0, 1), VocabularyScheme.WORDPIECE);
        Vocabulary target = new Vocabulary(List.of("<s>", "<mask>"), Set.of(0, 1), VocabularyScheme.SENTENCEPIECE);
        OverlapMap map = OverlapMatcher.match(source, target, new OverlapOptions(true, false, false, true));

        assertEquals(0, map.sourceId(0));
        assertEquals(MatchKind.NONE, map.kind(1));
    }
}
