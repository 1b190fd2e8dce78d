package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;

class BilingualLexiconTest {

    private static final String HEADER = "concept\ttopic\ten\tko\tru\tar\thi\tzh\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static void assertMessageNames(InputFormatException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': " + e.getMessage());
        }
    }

    @Test
    void museFileKeepsSeveralTranslationsPerSourceWord() throws Exception {
        Path file = write("en-ko.txt", "house 집\nhouse\t주택\n\nwater 물\nhouse 집\n");

        BilingualLexicon lexicon = BilingualLexicon.readMuse(file);

        assertAll(
                () -> assertEquals(List.of(new WordPair("house", "집"), new WordPair("house", "주택"),
                        new WordPair("water", "물")), lexicon.pairs()),
                () -> assertEquals(Set.of("집", "주택"), lexicon.targetsOf("house")),
                () -> assertEquals(Set.of("house"), lexicon.sourcesOf("주택")));
    }

    @Test
    void museByteOrderMarkIsIgnored() throws Exception {
        Path file = write("en-ru.txt", "\uFEFFhouse дом\n");

        assertEquals(Set.of("house"), BilingualLexicon.readMuse(file).sourceWords());
    }

    @ParameterizedTest(name = "MUSE line ''{0}'' is rejected")
    @ValueSource(strings = {"house", "house home 집"})
    void museLineWithoutExactlyTwoWordsNamesFileAndLine(String badLine) throws Exception {
        Path file = write("en-ko.txt", "water 물\n" + badLine + "\n");

        InputFormatException e = assertThrows(InputFormatException.class, () -> BilingualLexicon.readMuse(file));
        assertMessageNames(e, file.toString() + ":2:", "expected 2");
    }

    @ParameterizedTest(name = "empty {0} file is rejected")
    @ValueSource(strings = {"muse", "concepts"})
    void emptyFileIsRejected(String format) throws Exception {
        Path file = write("empty.txt", "\n");

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> read(format, file));
        assertMessageNames(e, file.toString());
    }

    @ParameterizedTest(name = "missing {0} file is rejected")
    @ValueSource(strings = {"muse", "concepts"})
    void missingFileIsRejected(String format) {
        Path file = dir.resolve("absent.txt");

        InputFormatException e = assertThrows(InputFormatException.class, () -> read(format, file));
        assertMessageNames(e, file.toString(), "not found");
    }

    private static BilingualLexicon read(String format, Path file) throws Exception {
        return format.equals("muse") ? BilingualLexicon.readMuse(file) : BilingualLexicon.readConcepts(file, "ko");
    }

    @Test
    void invalidUtf8IsRejectedWithItsLine() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'a', ' ', 'b', '\n', 'c', ' ', (byte) 0xE9, '\n'});

        InputFormatException e = assertThrows(InputFormatException.class, () -> BilingualLexicon.readMuse(file));
        assertMessageNames(e, file + ":2:", "UTF-8");
    }

    @Test
    void conceptPairsEveryEnglishWordWithEveryTargetWord() throws Exception {
        Path file = write("concepts.tsv", HEADER
                + "c001\thome\thouse|home\t집|주택\tдом\tبيت\tघर\t房子\n"
                + "c002\tnature\twater\t물\tвода\tماء\tपानी\t水\n");

        BilingualLexicon lexicon = BilingualLexicon.readConcepts(file, "ko");

        assertEquals(List.of(new WordPair("house", "집"), new WordPair("house", "주택"), new WordPair("home", "집"),
                new WordPair("home", "주택"), new WordPair("water", "물")), lexicon.pairs());
    }

    @Test
    void conceptTargetLanguageChoosesTheColumn() throws Exception {
        Path file = write("concepts.tsv", HEADER + "c001\thome\thouse|home\t집\tдом\tبيت\tघर\t房子\n");

        assertEquals(Set.of("house", "home"), BilingualLexicon.readConcepts(file, "zh").sourcesOf("房子"));
    }

    @Test
    void conceptWithAnEmptyCellGivesNoPairs() throws Exception {
        Path file = write("concepts.tsv", HEADER
                + "c001\thome\thouse\t\tдом\tبيت\tघर\t房子\n"
                + "c002\tnature\twater\t물\tвода\tماء\tपानी\t水\n");

        assertEquals(List.of(new WordPair("water", "물")), BilingualLexicon.readConcepts(file, "ko").pairs());
    }

    @Test
    void conceptMissingLanguageColumnIsRejected() throws Exception {
        Path file = write("concepts.tsv", HEADER + "c001\thome\thouse\t집\tдом\tبيت\tघर\t房子\n");

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> BilingualLexicon.readConcepts(file, "ja"));
        assertMessageNames(e, file + ":1:", "'ja'", "[concept, topic, en, ko, ru, ar, hi, zh]");
    }

    @Test
    void conceptRowWithWrongCellCountNamesLine() throws Exception {
        Path file = write("concepts.tsv", HEADER
                + "c001\thome\thouse\t집\tдом\tبيت\tघर\t房子\n"
                + "c002\tnature\twater\t물\n");

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> BilingualLexicon.readConcepts(file, "ko"));
        assertMessageNames(e, file + ":3:", "expected 8", "found 4");
    }

    @Test
    void conceptEmptyWordBetweenSeparatorsNamesLine() throws Exception {
        Path file = write("concepts.tsv", HEADER + "c001\thome\thouse||home\t집\tдом\tبيت\tघर\t房子\n");

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> BilingualLexicon.readConcepts(file, "ko"));
        assertMessageNames(e, file + ":2:", "empty word", "'en'");
    }

    @Test
    void conceptFileWithOnlyAHeaderIsRejected() throws Exception {
        Path file = write("concepts.tsv", HEADER);

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> BilingualLexicon.readConcepts(file, "ko"));
        assertMessageNames(e, file.toString(), "no word pairs");
    }
}
