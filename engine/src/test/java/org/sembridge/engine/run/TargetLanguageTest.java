package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetLanguageTest {

    private static final List<String> HANGUL = List.of("집", "고양이", "##물", "책");

    @Test
    void theUsersLanguageWinsOverTheFolderName() {
        TargetLanguage language = TargetLanguage.resolve(Optional.of(" ru "), Path.of("tokenizers", "ko"), HANGUL);

        assertEquals(new TargetLanguage("ru", TargetLanguage.Origin.OPTION, Map.of()), language);
    }

    @ParameterizedTest
    @CsvSource({"tokenizers/ko, ko", "tokenizers/pt_BR, pt", "models/zh-Hans, zh", "tokenizers/hi/tokenizer.json, hi"})
    void aFolderNamedAfterALanguageCodeGivesThatCode(String folder, String code) {
        TargetLanguage language = TargetLanguage.resolve(Optional.empty(), Path.of(folder), List.of("word"));

        assertEquals(new TargetLanguage(code, TargetLanguage.Origin.TOKENIZER_FOLDER, Map.of()), language);
    }

    @ParameterizedTest
    @CsvSource({"xlm-roberta-base", "tok", "xx", "target-tokenizer"})
    void aFolderNotNamedAfterALanguageCodeIsNotTakenForOne(String folder) {
        assertEquals(Optional.empty(), TargetLanguage.folderCode(Path.of("models", folder)));
    }

    @Test
    void oneDominantScriptGivesAPerScriptLabel() {
        List<String> texts = new ArrayList<>(Collections.nCopies(9, "집"));
        texts.add("house");
        texts.add("123");

        TargetLanguage language = TargetLanguage.resolve(Optional.empty(), Path.of("custom-tokenizer"), texts);

        assertEquals("hangul", language.code());
        assertEquals(TargetLanguage.Origin.VOCABULARY_SCRIPTS, language.origin());
        assertEquals(List.of("hangul", "latin"), List.copyOf(language.scripts().keySet()));
        assertEquals(9, language.scripts().get("hangul"));
    }

    @Test
    void aMultilingualVocabularyIsLabelledMultiNotOneGuessedLanguage() {
        List<String> texts = new ArrayList<>();
        texts.addAll(Collections.nCopies(40, "घर"));
        texts.addAll(Collections.nCopies(30, "дом"));
        texts.addAll(Collections.nCopies(30, "家"));

        TargetLanguage language = TargetLanguage.fromScripts(texts);

        assertEquals(TargetLanguage.MULTI, language.code());
        assertEquals(false, language.isSingle());
    }

    @Test
    void tokensWithoutLettersGiveUndetermined() {
        assertEquals(TargetLanguage.UNDETERMINED, TargetLanguage.fromScripts(List.of("1", "##2", "!")).code());
    }

    @Test
    void aListOfLanguagesLabelsTheRunMultiAndRecordsEachOnce() {
        TargetLanguage language = TargetLanguage.resolve(Optional.of("ko, ru,ar,ko"), Path.of("tokenizers/ko"),
                List.of());
        assertEquals(new TargetLanguage(TargetLanguage.MULTI, TargetLanguage.Origin.OPTION, Map.of(),
                List.of("ko", "ru", "ar")), language);
    }

    @Test
    void aVocabularyCoveringSeveralLexiconLanguagesIsMultiWhateverItsScriptShares() {
        // 9 of 10 new tokens Hangul would be 'hangul' by the scripts alone
        List<String> texts = new ArrayList<>(Collections.nCopies(9, "집"));
        texts.add("дом");
        TargetLanguage language = TargetLanguage.resolve(Optional.empty(), Path.of("tokenizers/gemma3"), texts,
                () -> List.of("ko", "ru"));
        assertEquals(TargetLanguage.MULTI, language.code());
        assertEquals(TargetLanguage.Origin.LEXICON, language.origin());
        assertEquals(List.of("ko", "ru"), language.languages());
        assertEquals(Map.of("hangul", 9, "cyrillic", 1), language.scripts());
    }

    @Test
    void aVocabularyCoveringOneLexiconLanguageIsNamedAfterIt() {
        TargetLanguage language = TargetLanguage.resolve(Optional.empty(), Path.of("tokenizers/x"), List.of("家", "门"),
                () -> List.of("zh"));
        assertEquals("zh", language.code());
        assertEquals(List.of("zh"), language.languages());
    }

    @Test
    void withoutLexiconLanguagesTheScriptsLabelTheRun() {
        TargetLanguage language = TargetLanguage.resolve(Optional.empty(), Path.of("tokenizers/x"), List.of("家", "门"),
                List::of);
        assertEquals("han", language.code());
        assertEquals(List.of(), language.languages());
    }

    @Test
    void aNamedOrFolderLanguageIsCoveredWithoutAskingTheLexicon() {
        TargetLanguage folder = TargetLanguage.resolve(Optional.empty(), Path.of("tokenizers/ko"), List.of(), () -> {
            throw new AssertionError("the lexicon is not read when the folder names the language");
        });
        assertEquals(List.of("ko"), folder.languages());
    }

    @Test
    void olderManifestsCoverTheirCodeOnlyWhenItIsALanguage() {
        assertEquals(List.of("ru"), new TargetLanguage("ru", TargetLanguage.Origin.RECORDED, Map.of()).languages());
        assertEquals(List.of(), new TargetLanguage("hangul", TargetLanguage.Origin.RECORDED, Map.of()).languages());
        assertEquals(List.of(), new TargetLanguage("multi", TargetLanguage.Origin.VOCABULARY_SCRIPTS, Map.of())
                .languages());
    }
}
