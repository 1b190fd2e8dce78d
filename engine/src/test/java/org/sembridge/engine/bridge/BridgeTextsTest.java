package org.sembridge.engine.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.testing.PythonReference;

/// The bridge-text rule: the pure rule against a table and against the Python export script,
/// and the texts the native tokenizers library's decoding gives for each subword scheme.
class BridgeTextsTest {

    @TempDir
    static Path folders;

    private static Path wordPiece;

    @BeforeAll
    static void createModel() {
        wordPiece = RandomModelFolder.create(folders, "wordpiece", "bert");
    }

    static Stream<Arguments> rule() {
        return Stream.of(
                Arguments.of("house", "house", "house"),
                Arguments.of(" casa ", "\u2581casa", "casa"),
                Arguments.of("", "\u2581", "\u2581"),
                Arguments.of(" ", "\u0120", "\u0120"),
                Arguments.of("[UNK]", "[UNK]", "[UNK]"),
                Arguments.of("[unused3]", "[unused3]", "[unused3]"),
                Arguments.of("[bracketed]", "raw", "raw"),
                Arguments.of("[", "[", "["),
                Arguments.of("]", "]", "]"),
                Arguments.of("<s>", "<s>", "<s>"),
                Arguments.of("##ing", "##ing", "##ing"),
                Arguments.of("\u00a0house\u2007", "x", "house"),
                Arguments.of("\u0085", "\u0085", "U+0085"),
                Arguments.of("", "", BridgeTexts.EMPTY_TOKEN_TEXT),
                Arguments.of("\n", "\n", "U+000A"),
                Arguments.of(" ", "\u00a0", "U+00A0"),
                Arguments.of("\t", "\t ", "U+0009 U+0020"),
                Arguments.of("집", "\u2581집", "집"));
    }

    @ParameterizedTest(name = "decoded {0} raw {1} -> {2}")
    @MethodSource("rule")
    void bridgeTextFollowsTheReferenceRule(String decoded, String raw, String expected) {
        assertEquals(expected, BridgeTexts.forToken(decoded, raw));
    }

    @Test
    void bridgeTextRuleMatchesTheExportScript() throws Exception {
        List<List<String>> pairs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        rule().forEach(arguments -> {
            Object[] row = arguments.get();
            pairs.add(List.of((String) row[0], (String) row[1]));
            expected.add(BridgeTexts.forToken((String) row[0], (String) row[1]));
        });
        Path input = folders.resolve("pairs.json");
        Files.writeString(input, new Gson().toJson(pairs));

        String output = PythonReference.run("bridge_texts_reference.py", "rule", input.toString());
        List<String> python = new Gson().fromJson(output, new TypeToken<List<String>>() { }.getType());

        assertEquals(expected, python);
    }

    @Test
    void wordPieceContinuationKeepsItsMarker() throws Exception {
        try (TextTokenizer tokenizer = HfModelFolder.open(wordPiece).openTokenizer()) {
            List<String> texts = BridgeTexts.forVocabulary(tokenizer);

            assertEquals("##ing", texts.get(tokenizer.tokens().indexOf("##ing")));
            assertEquals("##a", texts.get(tokenizer.tokens().indexOf("##a")));
            assertEquals("house", texts.get(tokenizer.tokens().indexOf("house")));
        }
    }

    @Test
    void wordPieceSpecialsKeepTheirRawString() throws Exception {
        try (TextTokenizer tokenizer = HfModelFolder.open(wordPiece).openTokenizer()) {
            List<String> texts = BridgeTexts.forVocabulary(tokenizer);

            assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), texts.subList(0, 5));
        }
    }

    @Test
    void textsAreListedInIdOrderForEveryId() throws Exception {
        try (TextTokenizer tokenizer = HfModelFolder.open(wordPiece).openTokenizer()) {
            List<String> texts = BridgeTexts.forVocabulary(tokenizer);

            assertEquals(tokenizer.vocabSize(), texts.size());
            for (int id = 0; id < texts.size(); id++) {
                assertEquals(BridgeTexts.forToken(tokenizer.decode(new int[] {id}), tokenizer.tokens().get(id)),
                        texts.get(id), "id " + id);
            }
        }
    }

    @Test
    void sentencePieceMarkerIsDecodedAway() throws Exception {
        try (TextTokenizer tokenizer = TokenizerFixtures.sentencePiece(folders.resolve("sp"),
                List.of("\u2581house", "house", "\u2581", "\u2581집"))) {
            List<String> texts = BridgeTexts.forVocabulary(tokenizer);

            assertEquals(List.of("<unk>", "<s>", "</s>", "house", "house", "\u2581", "집"), texts);
        }
    }

    @Test
    void byteLevelMarkerIsDecodedAway() throws Exception {
        try (TextTokenizer tokenizer = TokenizerFixtures.byteLevel(folders.resolve("bpe"),
                List.of("\u0120house", "house", "\u0120", "\u010a"))) {
            List<String> texts = BridgeTexts.forVocabulary(tokenizer);

            assertEquals(List.of("<s>", "<pad>", "</s>", "house", "house", "\u0120", "\u010a"), texts);
        }
    }

    @Test
    void vocabularyGapGetsTheEmptyTokenText() throws Exception {
        try (TextTokenizer tokenizer = TokenizerFixtures.withIdGap(folders.resolve("gap"))) {
            List<String> texts = BridgeTexts.forVocabulary(tokenizer);

            assertEquals(List.of("[UNK]", "house", BridgeTexts.EMPTY_TOKEN_TEXT, "casa"), texts);
        }
    }
}
