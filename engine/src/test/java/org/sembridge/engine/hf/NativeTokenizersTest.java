package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeTokenizersTest {

    private static final Map<String, String> OPTIONS = Map.of("addSpecialTokens", "true", "truncation", "true",
            "padding", "false", "maxLength", "12", "modelMaxLength", "12");
    private static final List<String> TEXTS = List.of("The cats walked home.", "dogs running, eating!",
            "Casa HAUS maison 42 \u00e9t\u00e9 \u2603", "xyzzy", "a b c d e f g h i j k l m n o p q r s t u v w x y z");

    @TempDir
    static Path models;

    private static Path bert;
    private static Path roberta;

    @BeforeAll
    static void createModels() {
        bert = RandomModelFolder.create(models, "bert", "bert");
        roberta = RandomModelFolder.create(models, "roberta", "roberta");
    }

    @Test
    void djlsTokenizerConstructorIsReachedWithoutASecondCopyOfTheText() {
        assertTrue(NativeTokenizers.direct(), "DJL's HuggingFaceTokenizer(long, Map, TokenizerConfig, PadInfo) was"
                + " not found: tokenizer.json is read twice again (a DJL upgrade changed the constructor)");
    }

    @Test
    void tokenizerFromTheTextEncodesAndDecodesAsDjlLoadingTheFile() throws Exception {
        for (Path folder : List.of(bert, roberta)) {
            Path file = folder.resolve(TextTokenizer.TOKENIZER_FILE);
            try (HuggingFaceTokenizer fromText = NativeTokenizers.fromJson(Files.readString(file), OPTIONS);
                    HuggingFaceTokenizer fromFile = HuggingFaceTokenizer.newInstance(file, OPTIONS)) {
                for (String text : TEXTS) {
                    Encoding expected = fromFile.encode(text, true, false);
                    Encoding actual = fromText.encode(text, true, false);
                    assertAll(folder + ": " + text,
                            () -> assertArrayEquals(expected.getIds(), actual.getIds()),
                            () -> assertArrayEquals(expected.getTokens(), actual.getTokens()),
                            () -> assertEquals(expected.exceedMaxLength(), actual.exceedMaxLength()),
                            () -> assertEquals(fromFile.decode(expected.getIds(), false),
                                    fromText.decode(actual.getIds(), false)));
                }
            }
        }
    }

    @Test
    void textTheNativeLibraryRefusesFailsAsDjlsLoadingDoes() {
        assertThrows(RuntimeException.class, () -> NativeTokenizers.fromJson("{\"model\": 3}", OPTIONS).close());
    }
}
