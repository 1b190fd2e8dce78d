package org.sembridge.engine.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.sembridge.engine.hf.TextTokenizer;

/// Writes tiny `tokenizer.json` files of the three subword schemes the bridge-text rule must
/// handle, in the layout transformers' `save_pretrained` produces, and loads them.
final class TokenizerFixtures {

    private TokenizerFixtures() {
    }

    /// A SentencePiece (Unigram + Metaspace) tokenizer: `<unk>`, `<s>`, `</s>`, then `tokens`.
    static TextTokenizer sentencePiece(Path folder, List<String> tokens) throws Exception {
        JsonArray vocab = new JsonArray();
        for (String token : concat(List.of("<unk>", "<s>", "</s>"), tokens)) {
            JsonArray piece = new JsonArray();
            piece.add(token);
            piece.add(-1.0);
            vocab.add(piece);
        }
        String json = """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [%s, %s, %s],
                 "normalizer": null,
                 "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": true},
                 "post_processor": null,
                 "decoder": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": true},
                 "model": {"type": "Unigram", "unk_id": 0, "vocab": %s, "byte_fallback": false}}
                """.formatted(special(0, "<unk>"), special(1, "<s>"), special(2, "</s>"), vocab);
        return write(folder, json);
    }

    /// A byte-level BPE tokenizer (RoBERTa style): `<s>`, `<pad>`, `</s>`, then `tokens`, no merges.
    static TextTokenizer byteLevel(Path folder, List<String> tokens) throws Exception {
        JsonObject vocab = new JsonObject();
        List<String> all = concat(List.of("<s>", "<pad>", "</s>"), tokens);
        for (int id = 0; id < all.size(); id++) {
            vocab.addProperty(all.get(id), id);
        }
        String json = """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [%s, %s, %s],
                 "normalizer": null,
                 "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
                 "post_processor": null,
                 "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
                 "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null,
                           "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false,
                           "vocab": %s, "merges": []}}
                """.formatted(special(0, "<s>"), special(1, "<pad>"), special(2, "</s>"), vocab);
        return write(folder, json);
    }

    /// A WordLevel tokenizer whose ids have a gap: `[UNK]` = 0, `house` = 1, `casa` = 3 (no id 2).
    static TextTokenizer withIdGap(Path folder) throws Exception {
        String json = """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [%s],
                 "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null,
                 "decoder": null,
                 "model": {"type": "WordLevel", "vocab": {"[UNK]": 0, "house": 1, "casa": 3}, "unk_token": "[UNK]"}}
                """.formatted(special(0, "[UNK]"));
        return write(folder, json);
    }

    private static String special(int id, String content) {
        JsonObject token = new JsonObject();
        token.addProperty("id", id);
        token.addProperty("content", content);
        token.addProperty("single_word", false);
        token.addProperty("lstrip", false);
        token.addProperty("rstrip", false);
        token.addProperty("normalized", false);
        token.addProperty("special", true);
        return token.toString();
    }

    private static TextTokenizer write(Path folder, String json) throws Exception {
        Files.createDirectories(folder);
        JsonParser.parseString(json);
        writeFile(folder.resolve(TextTokenizer.TOKENIZER_FILE), json);
        return TextTokenizer.load(folder, 16, 0);
    }

    /// Writes a test fixture file (tests may write directly; production code goes through AtomicFiles).
    static void writeFile(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
