package org.sembridge.engine.hf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.io.Utf8Text;

/// Builds, in memory, the `tokenizer.json` that transformers' `BertTokenizerFast` would derive
/// from a `vocab.txt` (one token per line, id = line number) and its `tokenizer_config.json`.
///
/// The pipeline: `BertNormalizer` (clean text, Chinese characters split, lower-casing and accent
/// stripping from `do_lower_case` / `strip_accents`), `BertPreTokenizer`, `WordPiece` with the
/// `##` continuation prefix and at most 100 characters per word, `TemplateProcessing`
/// `[CLS] $A [SEP]` (pair: `[CLS] $A [SEP] $B:1 [SEP]:1`), and the `WordPiece` decoder. The
/// special-token strings come from `tokenizer_config.json` (plain strings or `{"content": ...}`
/// objects) and default to `[CLS]`, `[SEP]`, `[PAD]`, `[UNK]`, `[MASK]`.
final class WordPieceTokenizerJson {

    static final String VOCAB_FILE = "vocab.txt";
    static final String CONFIG_FILE = "tokenizer_config.json";

    private WordPieceTokenizerJson() {
    }

    /// The generated `tokenizer.json` text for the `vocab.txt` in `folder`.
    ///
    /// @throws ModelFormatException naming the file when `vocab.txt` cannot be read, is empty,
    ///     or lacks the unknown, CLS or SEP token named by the config
    static String build(Path folder) throws ModelFormatException {
        Path vocabFile = folder.resolve(VOCAB_FILE);
        List<String> lines = vocabLines(vocabFile);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int id = 0; id < lines.size(); id++) {
            ids.put(lines.get(id), id);
        }
        Path configFile = folder.resolve(CONFIG_FILE);
        JsonFile config = Files.isRegularFile(configFile) ? JsonFile.read(configFile) : null;
        boolean lowerCase = config == null || config.optBoolean("do_lower_case", true);
        String unk = special(config, "unk_token", "[UNK]");
        String cls = special(config, "cls_token", "[CLS]");
        String sep = special(config, "sep_token", "[SEP]");
        for (String required : List.of(unk, cls, sep)) {
            if (!ids.containsKey(required)) {
                throw new ModelFormatException(vocabFile + ": special token " + required
                        + " is not in the vocabulary (" + lines.size() + " tokens)");
            }
        }
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        root.add("added_tokens", addedTokens(config, ids, List.of(unk, cls, sep)));
        root.add("normalizer", normalizer(config, lowerCase));
        root.add("pre_tokenizer", type("BertPreTokenizer"));
        root.add("post_processor", template(cls, ids.get(cls), sep, ids.get(sep)));
        JsonObject decoder = type("WordPiece");
        decoder.addProperty("prefix", "##");
        decoder.addProperty("cleanup", true);
        root.add("decoder", decoder);
        JsonObject model = type("WordPiece");
        model.addProperty("unk_token", unk);
        model.addProperty("continuing_subword_prefix", "##");
        model.addProperty("max_input_chars_per_word", 100);
        JsonObject vocab = new JsonObject();
        ids.forEach(vocab::addProperty);
        model.add("vocab", vocab);
        root.add("model", model);
        return root.toString();
    }

    private static List<String> vocabLines(Path vocabFile) throws ModelFormatException {
        String text;
        try {
            text = Utf8Text.read(vocabFile, ModelFormatException::new);
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        if (lines.isEmpty()) {
            throw new ModelFormatException(vocabFile + ": the vocabulary is empty");
        }
        return lines;
    }

    private static String special(JsonFile config, String key, String fallback) throws ModelFormatException {
        if (config == null || !config.has(key)) {
            return fallback;
        }
        JsonElement value = config.root().get(key);
        if (value.isJsonObject() && value.getAsJsonObject().has("content")) {
            return value.getAsJsonObject().get("content").getAsString();
        }
        return config.optString(key).orElse(fallback);
    }

    private static JsonArray addedTokens(JsonFile config, Map<String, Integer> ids, List<String> required)
            throws ModelFormatException {
        List<String> specials = new ArrayList<>(required);
        specials.add(special(config, "pad_token", "[PAD]"));
        specials.add(special(config, "mask_token", "[MASK]"));
        JsonArray added = new JsonArray();
        specials.stream().distinct().filter(ids::containsKey).sorted((a, b) -> ids.get(a) - ids.get(b))
                .forEach(token -> {
                    JsonObject entry = new JsonObject();
                    entry.addProperty("id", ids.get(token));
                    entry.addProperty("content", token);
                    entry.addProperty("single_word", false);
                    entry.addProperty("lstrip", false);
                    entry.addProperty("rstrip", false);
                    entry.addProperty("normalized", false);
                    entry.addProperty("special", true);
                    added.add(entry);
                });
        return added;
    }

    private static JsonObject normalizer(JsonFile config, boolean lowerCase) throws ModelFormatException {
        JsonObject normalizer = type("BertNormalizer");
        normalizer.addProperty("clean_text", true);
        normalizer.addProperty("handle_chinese_chars",
                config == null || config.optBoolean("tokenize_chinese_chars", true));
        if (config != null && config.has("strip_accents")) {
            normalizer.addProperty("strip_accents", config.optBoolean("strip_accents", lowerCase));
        } else {
            normalizer.add("strip_accents", JsonNull.INSTANCE);
        }
        normalizer.addProperty("lowercase", lowerCase);
        return normalizer;
    }

    private static JsonObject template(String cls, int clsId, String sep, int sepId) {
        JsonObject processor = type("TemplateProcessing");
        JsonArray single = new JsonArray();
        single.add(specialPiece(cls, 0));
        single.add(sequencePiece("A", 0));
        single.add(specialPiece(sep, 0));
        JsonArray pair = single.deepCopy();
        pair.add(sequencePiece("B", 1));
        pair.add(specialPiece(sep, 1));
        processor.add("single", single);
        processor.add("pair", pair);
        JsonObject specials = new JsonObject();
        specials.add(cls, specialTokenEntry(cls, clsId));
        specials.add(sep, specialTokenEntry(sep, sepId));
        processor.add("special_tokens", specials);
        return processor;
    }

    private static JsonObject specialPiece(String token, int typeId) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", token);
        inner.addProperty("type_id", typeId);
        JsonObject piece = new JsonObject();
        piece.add("SpecialToken", inner);
        return piece;
    }

    private static JsonObject sequencePiece(String sequence, int typeId) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", sequence);
        inner.addProperty("type_id", typeId);
        JsonObject piece = new JsonObject();
        piece.add("Sequence", inner);
        return piece;
    }

    private static JsonObject specialTokenEntry(String token, int id) {
        JsonObject entry = new JsonObject();
        entry.addProperty("id", token);
        JsonArray ids = new JsonArray();
        ids.add(id);
        entry.add("ids", ids);
        JsonArray tokens = new JsonArray();
        tokens.add(token);
        entry.add("tokens", tokens);
        return entry;
    }

    private static JsonObject type(String name) {
        JsonObject object = new JsonObject();
        object.addProperty("type", name);
        return object;
    }
}
