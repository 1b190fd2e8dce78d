package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

import org.sembridge.engine.ModelFormatException;

class TokenizerVocabularyTest {

    private static final Path FILE = Path.of("tokenizer.json");

    private static TokenizerVocabulary read(String json) throws ModelFormatException {
        return TokenizerVocabulary.read(FILE, JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void unigramVocabularyIsAListInIdOrder() throws Exception {
        TokenizerVocabulary vocabulary = read("""
                {"added_tokens": [{"id": 0, "content": "<s>", "special": true},
                                  {"id": 3, "content": "<mask>", "special": true}],
                 "model": {"type": "Unigram", "vocab": [["<s>", 0.0], ["▁the", -1.5], ["s", -2.0]]}}
                """);

        assertEquals(List.of("<s>", "▁the", "s", "<mask>"), vocabulary.tokens());
        assertEquals(Set.of(0, 3), vocabulary.specialIds());
    }

    @Test
    void bpeVocabularyMapIsOrderedById() throws Exception {
        TokenizerVocabulary vocabulary = read("""
                {"model": {"type": "BPE", "vocab": {"Ġthe": 2, "<s>": 0, "a": 1}, "merges": []}}
                """);

        assertEquals(List.of("<s>", "a", "Ġthe"), vocabulary.tokens());
    }

    @Test
    void idGapsBecomeEmptyStrings() throws Exception {
        TokenizerVocabulary vocabulary = read("""
                {"model": {"type": "WordLevel", "vocab": {"a": 0, "c": 2}}}
                """);

        assertEquals(List.of("a", "", "c"), vocabulary.tokens());
    }

    @Test
    void missingVocabularyIsNamed() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read("{\"model\": {}}"));

        assertTrue(e.getMessage().contains("model.vocab"), e.getMessage());
    }

    @Test
    void tokensSharingAnIdAreRefusedNamingThem() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> read("{\"model\": {\"vocab\": {\"a\": 0, \"b\": 1, \"c\": 1}}}"));

        assertEquals(FILE + ": model.vocab gives 1 token an id another token already has ('b' and 'c' both have id 1);"
                + " every token needs its own id", e.getMessage());
    }

    @Test
    void absurdlyLargeIdIsRefusedBeforeAllocating() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> read("{\"model\": {\"vocab\": {\"a\": 0, \"b\": 2000000000}}}"));

        assertTrue(e.getMessage().contains("token b has id 2000000000; expected an integer from 0 to 16777215"),
                e.getMessage());
    }

    @Test
    void addedTokenOfTheWrongTypeIsRefusedNamingIt() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> read("{\"model\": {\"vocab\": {\"a\": 0}}, \"added_tokens\": [7]}"));

        assertTrue(e.getMessage().contains("added_tokens entry 7 must be an object"), e.getMessage());
    }

    @Test
    void anAddedTokenTakingTheIdOfAnotherTokenIsRefusedNamingBoth() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(
                "{\"model\": {\"vocab\": {\"[UNK]\": 0, \"a\": 1}}, \"added_tokens\": [{\"id\": 0, \"content\": \"../x\"}]}"));
        assertTrue(e.getMessage().startsWith(FILE + ": added_tokens entry \"../x\" has id 0")
                && e.getMessage().contains("\"[UNK]\""), e.getMessage());
    }

    @Test
    void anAddedTokenRepeatingItsVocabularyEntryIsFine() throws Exception {
        TokenizerVocabulary vocabulary = read("{\"model\": {\"vocab\": {\"[UNK]\": 0, \"a\": 1}}, "
                + "\"added_tokens\": [{\"id\": 0, \"content\": \"[UNK]\", \"special\": true}]}");
        assertEquals(List.of("[UNK]", "a"), vocabulary.tokens());
        assertEquals(Set.of(0), vocabulary.specialIds());
    }

    @Test
    void tooDeeplyNestedJsonIsWordedWithoutGsonAdvice() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TokenizerVocabulary.read(FILE,
                new java.io.StringReader("{\"added_tokens\": [" + "[".repeat(300) + "]".repeat(300) + "]}")));
        assertTrue(e.getMessage().startsWith(FILE + ": not valid JSON") && !e.getMessage().contains("gson")
                && !e.getMessage().contains("\n"), e.getMessage());
    }
}
