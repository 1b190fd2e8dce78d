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
import org.sembridge.engine.vocab.VocabularyScheme;
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
                Arguments.of(" ", "\u0120", "space"),
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
                Arguments.of("\n", "\n", "newline"),
                Arguments.of(" ", "\u00a0", "no-break space"),
                Arguments.of("\t", "\t ", "tab + space"),
                Arguments.of("", "\u00a0\u00a0", "2 no-break spaces"),
                Arguments.of("", "\n  ", "newline + 2 spaces"),
                Arguments.of("집", "\u2581집", "집"));
    }

    @ParameterizedTest(name = "decoded {0} raw {1} -> {2}")
    @MethodSource("rule")
    void bridgeTextFollowsTheReferenceRule(String decoded, String raw, String expected) {
        assertEquals(expected, BridgeTexts.forToken(decoded, raw));
    }

    /// The same whitespace piece in the spelling of each family, decoded as each family's decoder
    /// does (Llama 2's `Strip` decoder drops the leading space of `▁▁`), gets one text.
    static Stream<Arguments> whitespacePieces() {
        return Stream.of(
                Arguments.of("\n", "<0x0A>", VocabularyScheme.SENTENCEPIECE, "newline"),
                Arguments.of("\n", "\n", VocabularyScheme.SENTENCEPIECE, "newline"),
                Arguments.of("\n", "\u010a", VocabularyScheme.BYTE_LEVEL_BPE, "newline"),
                Arguments.of("\n\n", "\u010a\u010a", VocabularyScheme.BYTE_LEVEL_BPE, "2 newlines"),
                Arguments.of("\t", "\u0109", VocabularyScheme.BYTE_LEVEL_BPE, "tab"),
                Arguments.of("\t", "<0x09>", VocabularyScheme.SENTENCEPIECE, "tab"),
                Arguments.of("  ", "\u0120\u0120", VocabularyScheme.BYTE_LEVEL_BPE, "2 spaces"),
                Arguments.of(" ", "\u2581\u2581", VocabularyScheme.SENTENCEPIECE, "2 spaces"),
                Arguments.of("", "\u2581", VocabularyScheme.SENTENCEPIECE, "space"),
                Arguments.of("house", "\u2581house", VocabularyScheme.SENTENCEPIECE, "house"),
                Arguments.of("\u010a", "\u010a", VocabularyScheme.SENTENCEPIECE, "\u010a"));
    }

    @ParameterizedTest(name = "{2} decoded {0} raw {1} -> {3}")
    @MethodSource("whitespacePieces")
    void whitespacePiecesGetOneNamedTextInEveryFamilysSpelling(String decoded, String raw, VocabularyScheme scheme,
            String expected) {
        assertEquals(expected, BridgeTexts.forToken(decoded, raw, scheme));
    }

    @Test
    void whitespaceRuleMatchesTheExportScript() throws Exception {
        List<List<String>> triples = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        whitespacePieces().forEach(arguments -> {
            Object[] row = arguments.get();
            VocabularyScheme scheme = (VocabularyScheme) row[2];
            triples.add(List.of((String) row[0], (String) row[1], switch (scheme) {
                case SENTENCEPIECE -> "sentencepiece";
                case BYTE_LEVEL_BPE -> "byte_level";
                case WORDPIECE -> "wordpiece";
            }));
            expected.add(BridgeTexts.forToken((String) row[0], (String) row[1], scheme));
        });
        Path input = folders.resolve("triples.json");
        Files.writeString(input, new Gson().toJson(triples));

        String output = PythonReference.run("bridge_texts_reference.py", "rule", input.toString());
        List<String> python = new Gson().fromJson(output, new TypeToken<List<String>>() { }.getType());

        assertEquals(expected, python);
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

            assertEquals(List.of("<s>", "<pad>", "</s>", "house", "house", "space", "newline"), texts,
                    "whitespace pieces are named (rule version 2)");
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
