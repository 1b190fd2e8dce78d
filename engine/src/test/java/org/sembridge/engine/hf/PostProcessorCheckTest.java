package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.ModelFormatException;

/// `tokenizer.json` files that the native library would mishandle are refused when loaded,
/// naming the file and the entry: post-processors that make it panic (which aborted the JVM) or
/// overrun the token limit, and models it cannot encode with (the hostile-input harness found
/// all three).
class PostProcessorCheckTest {

    private static final Path SAMPLE = Path.of(System.getProperty("sembridge.repo.root", ".."))
            .resolve("sample-models").resolve("splade-tiny-en").resolve("tokenizer.json");

    @TempDir
    Path folder;

    /// The sample `tokenizer.json` with its post-processor edited by `edit`, in a folder.
    private Path tokenizerWith(Consumer<JsonObject> edit) throws Exception {
        JsonObject root = JsonParser.parseString(Files.readString(SAMPLE)).getAsJsonObject();
        edit.accept(root.getAsJsonObject("post_processor"));
        Files.writeString(folder.resolve("tokenizer.json"), root.toString());
        return folder;
    }

    @Test
    void theSampleTokenizerPasses() throws Exception {
        Files.copy(SAMPLE, folder.resolve("tokenizer.json"));
        try (TextTokenizer tokenizer = TextTokenizer.load(folder, 16, 0)) {
            assertEquals(16, tokenizer.encode("word ".repeat(100)).ids().length);
        }
    }

    @Test
    void aTemplatePieceNamingAnUndefinedSpecialTokenIsRefused() throws Exception {
        Path dir = tokenizerWith(processor -> processor.getAsJsonArray("single").get(0).getAsJsonObject()
                .getAsJsonObject("SpecialToken").addProperty("id", "../x"));

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> TextTokenizer.load(dir, 16, 0));

        assertTrue(error.getMessage().contains(dir.resolve("tokenizer.json").toString())
                && error.getMessage().contains("post_processor.single[0]")
                && error.getMessage().contains("\"../x\""), error.getMessage());
    }

    @Test
    void aTemplateThatRepeatsTheTextIsRefused() throws Exception {
        Path dir = tokenizerWith(processor -> {
            JsonArray single = processor.getAsJsonArray("single");
            single.add(single.get(1).deepCopy());
        });

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> TextTokenizer.load(dir, 16, 0));

        assertTrue(error.getMessage().contains("tokenizer.json") && error.getMessage().contains("post_processor.single")
                && error.getMessage().contains("2 Sequence pieces"), error.getMessage());
    }

    @Test
    void aWordPieceModelWhoseUnknownTokenIsNotInTheVocabularyIsRefusedWhenLoaded() throws Exception {
        Files.writeString(folder.resolve("tokenizer.json"), Files.readString(SAMPLE)
                .replace("\"unk_token\": \"[UNK]\"", "\"unk_token\": \"[NOT-THERE]\""));

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> TextTokenizer.load(folder, 16, 0));

        assertTrue(error.getMessage().contains(folder.resolve("tokenizer.json").toString())
                && error.getMessage().contains("cannot encode"), error.getMessage());
    }

    @Test
    void specialTokenIdsOutsideTheVocabularyAreRefused() throws Exception {
        Path dir = tokenizerWith(processor -> {
            JsonArray ids = new JsonArray();
            ids.add(99_999_999);
            processor.getAsJsonObject("special_tokens").getAsJsonObject("[SEP]").add("ids", ids);
        });

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> TextTokenizer.load(dir, 16, 0));

        assertTrue(error.getMessage().contains("post_processor.special_tokens") && error.getMessage().contains("99999999"),
                error.getMessage());
    }
}
