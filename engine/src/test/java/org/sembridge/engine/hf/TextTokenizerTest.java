package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.ModelFormatException;

class TextTokenizerTest {

    @TempDir
    static Path models;

    private static Path bertJson;
    private static Path bertVocab;
    private static Path roberta;

    @BeforeAll
    static void createModels() {
        bertJson = RandomModelFolder.create(models, "json", "bert");
        bertVocab = RandomModelFolder.create(models, "vocab", "bert", "--tokenizer", "vocab");
        roberta = RandomModelFolder.create(models, "roberta", "roberta");
    }

    private static TextTokenizer open(Path dir) throws Exception {
        return HfModelFolder.open(dir).openTokenizer();
    }

    @Test
    void tokensAreListedInIdOrderWithSpecialIds() throws Exception {
        try (TextTokenizer tokenizer = open(bertJson)) {
            assertAll(
                    () -> assertEquals(121, tokenizer.vocabSize()),
                    () -> assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a"),
                            tokenizer.tokens().subList(0, 6)),
                    () -> assertEquals(Set.of(0, 1, 2, 3, 4), tokenizer.specialTokenIds()));
        }
    }

    @Test
    void pendingTokenizerKnowsItsSizeBeforeTheNativeHalfAndHandsOverOnce() throws Exception {
        try (PendingTokenizer pending = HfModelFolder.open(bertJson).startTokenizer()) {
            assertEquals(121, pending.vocabSize());
            try (TextTokenizer tokenizer = pending.await()) {
                assertEquals(121, tokenizer.vocabSize());
                assertTrue(tokenizer.encode("cats").ids().length > 2, "encodes with [CLS] and [SEP]");
                IllegalStateException again = assertThrows(IllegalStateException.class, pending::await);
                assertTrue(again.getMessage().contains("already handed over"), again.getMessage());
            }
        }
    }

    @Test
    void pendingTokenizerClosedBeforeAwaitFreesWhatTheNativeHalfBuilt() throws Exception {
        for (Path folder : List.of(bertJson, bertVocab, roberta)) {
            PendingTokenizer pending = HfModelFolder.open(folder).startTokenizer();
            pending.close();
            pending.close();
            IllegalStateException after = assertThrows(IllegalStateException.class, pending::await);
            assertTrue(after.getMessage().contains(folder.toString()), after.getMessage());
        }
    }

    @Test
    void aTokenizerJsonThatIsNotUtf8IsRefusedWithItsLineWhileTheNativeHalfBuildsBeside() throws Exception {
        // the native half starts on a lenient decoding; the strict check refuses the file
        Path copy = Files.createDirectories(models.resolve("latin1"));
        Files.copy(bertJson.resolve("tokenizer.json"), copy.resolve("tokenizer.json"));
        byte[] json = Files.readAllBytes(copy.resolve("tokenizer.json"));
        int at = new String(json, StandardCharsets.UTF_8).indexOf("\"[UNK]\"") + 2;
        json[at] = (byte) 0xC9; // a Latin-1 "É" in place of the "U"
        Files.write(copy.resolve("tokenizer.json"), json);
        long line = 1 + new String(json, 0, at, StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count();

        ModelFormatException refused = assertThrows(ModelFormatException.class,
                () -> TextTokenizer.start(copy, 512, 0));

        assertTrue(refused.getMessage().startsWith(copy.resolve("tokenizer.json") + " line " + line
                + ": not valid UTF-8 at byte "), refused.getMessage());
        assertTrue(refused.getMessage().contains("(0xc9"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"The cats walked home.", "dogs running, eating!", "Casa HAUS maison 42", "xyzzy"})
    void vocabTxtFolderTokenizesLikeItsTokenizerJson(String text) throws Exception {
        try (TextTokenizer fromJson = open(bertJson); TextTokenizer fromVocab = open(bertVocab)) {
            assertEquals(fromJson.tokens(), fromVocab.tokens());
            assertArrayEquals(fromJson.encode(text).ids(), fromVocab.encode(text).ids());
            assertEquals(fromJson.decode(fromJson.tokenIds(text)), fromVocab.decode(fromVocab.tokenIds(text)));
        }
    }

    @Test
    void encodeAddsTheModelsSpecialTokens() throws Exception {
        try (TextTokenizer bert = open(bertJson); TextTokenizer rob = open(roberta)) {
            long[] bertIds = bert.encode("the cat").ids();
            long[] robertaIds = rob.encode("the cat").ids();

            assertAll(
                    () -> assertEquals("[CLS]", bert.tokens().get((int) bertIds[0])),
                    () -> assertEquals("[SEP]", bert.tokens().get((int) bertIds[bertIds.length - 1])),
                    () -> assertEquals("<s>", rob.tokens().get((int) robertaIds[0])),
                    () -> assertEquals("</s>", rob.tokens().get((int) robertaIds[robertaIds.length - 1])));
        }
    }

    @Test
    void tokenStringsShowWordPieces() throws Exception {
        try (TextTokenizer tokenizer = open(bertJson)) {
            assertEquals(List.of("walk", "##ing", "cat", "##s"), tokenizer.tokenStrings("Walking cats"));
        }
    }

    @Test
    void decodeJoinsWordPiecesBack() throws Exception {
        try (TextTokenizer tokenizer = open(bertJson)) {
            assertEquals("walking cats", tokenizer.decode(tokenizer.tokenIds("Walking cats")));
        }
    }

    @Test
    void textLongerThanTheLimitIsCutAndFlagged() throws Exception {
        try (TextTokenizer tokenizer = open(bertJson)) {
            EncodedText encoded = tokenizer.encode("the cat sat on the mat ".repeat(20));

            assertAll(
                    () -> assertEquals(40, encoded.length()),
                    () -> assertTrue(encoded.truncated()),
                    () -> assertEquals("[SEP]", tokenizer.tokens().get((int) encoded.ids()[39])),
                    () -> assertFalse(tokenizer.encode("the cat").truncated()));
        }
    }

    @Test
    void batchIsRightPaddedWithThePadIdAndMasked() throws Exception {
        try (TextTokenizer tokenizer = open(roberta)) {
            TokenBatch batch = tokenizer.encodeBatch(List.of("the cat sat", "dog"));

            assertAll(
                    () -> assertEquals(5, batch.length()),
                    () -> assertArrayEquals(new long[] {1, 1, 1, 0, 0}, batch.attentionMask()[1]),
                    () -> assertEquals(1L, batch.ids()[1][3]),
                    () -> assertEquals(1L, batch.ids()[1][4]),
                    () -> assertArrayEquals(new boolean[] {false, false}, batch.truncated()));
        }
    }
}
