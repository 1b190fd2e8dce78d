package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void factoryDetectsTheScheme() {
        List<String> tokens = new ArrayList<>(List.of("<s>", "</s>"));
        for (int i = 0; i < 101; i++) {
            tokens.add("Ġw" + i);
        }

        assertEquals(VocabularyScheme.BYTE_LEVEL_BPE, Vocabulary.of(tokens, Set.of(0, 1)).scheme());
    }

    @Test
    void explicitSchemeOverridesDetection() {
        Vocabulary vocabulary = new Vocabulary(List.of("Ġa", "b"), Set.of(), VocabularyScheme.BYTE_LEVEL_BPE);

        assertEquals("▁a", vocabulary.canonicalize().canonicalForm(0));
    }

    @Test
    void nullTokenIsRejectedWithItsId() {
        List<String> tokens = Arrays.asList("a", null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(tokens, Set.of(), VocabularyScheme.WORDPIECE));
        assertTrue(e.getMessage().contains("token 1"), e.getMessage());
    }

    @Test
    void specialIdOutsideTheVocabularyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(List.of("a", "b"), Set.of(2), VocabularyScheme.WORDPIECE));
        assertTrue(e.getMessage().contains("special token id 2"), e.getMessage());
    }
}
