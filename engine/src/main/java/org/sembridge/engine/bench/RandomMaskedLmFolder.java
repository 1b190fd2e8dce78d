package org.sembridge.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.safetensors.SafetensorsWriter;

/// Writes a random `BertForMaskedLM` folder of any [EncoderShape], as transformers'
/// `save_pretrained` lays it out, so that a benchmark can load a model of real size through
/// the real path ([HfModelFolder], the safetensors reader, the native tokenizer).
///
/// The folder holds:
///
/// - `config.json`: `model_type` `bert`, the shape's sizes, GELU, `max_position_embeddings`
///   as given, two token types, a tied decoder;
/// - `model.safetensors`: every tensor under its Hugging Face name (`bert.embeddings.*`,
///   `bert.encoder.layer.{L}.*`, `cls.predictions.*`) in F32; weight matrices and embedding
///   tables uniform in `[-a, a]` with `a = 0.02 sqrt(3)` (the standard deviation 0.02 of BERT's
///   `initializer_range`), biases 0, LayerNorm gains 1 and shifts 0; no decoder weight (tied);
/// - `tokenizer.json`: a WordPiece tokenizer (BERT normaliser and pre-tokeniser,
///   `[CLS] $A [SEP]`) over exactly `vocab` entries: the five specials `[PAD] [UNK] [CLS] [SEP]
///   [MASK]` (ids 0 to 4), then the lower-case words `a, b, ..., z, aa, ab, ...` (bijective
///   base 26), each of which is one token.
///
/// BERT-base is 110 M parameters, a 438 MB file written in a few seconds; the weights are
/// generated from `seed` and live on the heap only until the file is written.
public final class RandomMaskedLmFolder {

    private static final Logger LOG = LoggerFactory.getLogger(RandomMaskedLmFolder.class);

    /// The special tokens, in id order.
    public static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    /// Half-width of the uniform weight distribution: standard deviation 0.02.
    private static final double WEIGHT_HALF_WIDTH = 0.02 * Math.sqrt(3);

    private static final int TYPE_VOCAB_SIZE = 2;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private RandomMaskedLmFolder() {
    }

    /// Writes the folder into `directory` (created when missing; existing files of the same
    /// names are replaced).
    ///
    /// @param shape the model's sizes; `vocab` must exceed the five special tokens
    /// @param positions rows of the position table, the most tokens per text, `>= 3`
    /// @param seed seed of the weights
    /// @throws IOException from the file system
    public static void write(Path directory, EncoderShape shape, int positions, long seed) throws IOException {
        if (shape.vocab() <= SPECIAL_TOKENS.size()) {
            throw new IllegalArgumentException("vocab must exceed the " + SPECIAL_TOKENS.size()
                    + " special tokens, got " + shape.vocab());
        }
        if (positions < 3) {
            throw new IllegalArgumentException("positions must be >= 3 ([CLS], a word, [SEP]), got " + positions);
        }
        long start = System.nanoTime();
        Files.createDirectories(directory);
        AtomicFiles.writeString(directory.resolve(HfModelFolder.CONFIG_FILE), GSON.toJson(config(shape, positions)));
        AtomicFiles.writeString(directory.resolve(TextTokenizer.TOKENIZER_FILE),
                GSON.toJson(tokenizer(vocabulary(shape.vocab()))));
        weights(shape, positions, new SplittableRandom(seed)).write(directory.resolve("model.safetensors"));
        LOG.info("Wrote a random BertForMaskedLM ({}, {} positions) to {} in {} s", shape.describe(), positions,
                directory, String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    /// The vocabulary of a folder with `size` entries: the specials, then `a, b, ..., z, aa, ...`.
    public static List<String> vocabulary(int size) {
        List<String> tokens = new ArrayList<>(size);
        tokens.addAll(SPECIAL_TOKENS.subList(0, Math.min(size, SPECIAL_TOKENS.size())));
        for (int index = 0; tokens.size() < size; index++) {
            tokens.add(word(index));
        }
        return tokens;
    }

    /// The `index`-th word in bijective base 26: 0 -> `a`, 25 -> `z`, 26 -> `aa`.
    private static String word(int index) {
        StringBuilder word = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            word.append((char) ('a' + (n - 1) % 26));
        }
        return word.reverse().toString();
    }

    private static JsonObject config(EncoderShape shape, int positions) {
        JsonObject config = new JsonObject();
        JsonArray architectures = new JsonArray();
        architectures.add("BertForMaskedLM");
        config.add("architectures", architectures);
        config.addProperty("model_type", "bert");
        config.addProperty("vocab_size", shape.vocab());
        config.addProperty("hidden_size", shape.hidden());
        config.addProperty("num_hidden_layers", shape.layers());
        config.addProperty("num_attention_heads", shape.heads());
        config.addProperty("intermediate_size", shape.intermediate());
        config.addProperty("hidden_act", "gelu");
        config.addProperty("max_position_embeddings", positions);
        config.addProperty("type_vocab_size", TYPE_VOCAB_SIZE);
        config.addProperty("layer_norm_eps", 1e-12);
        config.addProperty("pad_token_id", 0);
        config.addProperty("position_embedding_type", "absolute");
        config.addProperty("tie_word_embeddings", true);
        config.addProperty("initializer_range", 0.02);
        config.addProperty("torch_dtype", "float32");
        return config;
    }

    private static SafetensorsWriter weights(EncoderShape shape, int positions, SplittableRandom random) {
        int h = shape.hidden();
        SafetensorsWriter writer = new SafetensorsWriter().putMetadata("format", "pt");
        String embeddings = "bert.embeddings.";
        random(writer, embeddings + "word_embeddings.weight", random, shape.vocab(), h);
        random(writer, embeddings + "position_embeddings.weight", random, positions, h);
        random(writer, embeddings + "token_type_embeddings.weight", random, TYPE_VOCAB_SIZE, h);
        norm(writer, embeddings + "LayerNorm", h);
        for (int layer = 0; layer < shape.layers(); layer++) {
            String p = "bert.encoder.layer." + layer + ".";
            linear(writer, p + "attention.self.query", random, h, h);
            linear(writer, p + "attention.self.key", random, h, h);
            linear(writer, p + "attention.self.value", random, h, h);
            linear(writer, p + "attention.output.dense", random, h, h);
            norm(writer, p + "attention.output.LayerNorm", h);
            linear(writer, p + "intermediate.dense", random, shape.intermediate(), h);
            linear(writer, p + "output.dense", random, h, shape.intermediate());
            norm(writer, p + "output.LayerNorm", h);
        }
        linear(writer, "cls.predictions.transform.dense", random, h, h);
        norm(writer, "cls.predictions.transform.LayerNorm", h);
        writer.addFloats("cls.predictions.bias", new long[] {shape.vocab()}, new float[shape.vocab()]);
        return writer;
    }

    /// A PyTorch `Linear` of `[out, in]`: random weight, zero bias.
    private static void linear(SafetensorsWriter writer, String name, SplittableRandom random, int out, int in) {
        random(writer, name + ".weight", random, out, in);
        writer.addFloats(name + ".bias", new long[] {out}, new float[out]);
    }

    private static void norm(SafetensorsWriter writer, String name, int width) {
        float[] gain = new float[width];
        Arrays.fill(gain, 1f);
        writer.addFloats(name + ".weight", new long[] {width}, gain);
        writer.addFloats(name + ".bias", new long[] {width}, new float[width]);
    }

    private static void random(SafetensorsWriter writer, String name, SplittableRandom random, int rows, int columns) {
        float[] values = new float[Math.multiplyExact(rows, columns)];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) random.nextDouble(-WEIGHT_HALF_WIDTH, WEIGHT_HALF_WIDTH);
        }
        writer.addFloats(name, new long[] {rows, columns}, values);
    }

    private static JsonObject tokenizer(List<String> vocabulary) {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        JsonArray added = new JsonArray();
        for (int id = 0; id < SPECIAL_TOKENS.size(); id++) {
            JsonObject token = new JsonObject();
            token.addProperty("id", id);
            token.addProperty("content", SPECIAL_TOKENS.get(id));
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            added.add(token);
        }
        root.add("added_tokens", added);
        JsonObject normalizer = typed("BertNormalizer");
        normalizer.addProperty("clean_text", true);
        normalizer.addProperty("handle_chinese_chars", true);
        normalizer.add("strip_accents", JsonNull.INSTANCE);
        normalizer.addProperty("lowercase", true);
        root.add("normalizer", normalizer);
        root.add("pre_tokenizer", typed("BertPreTokenizer"));
        root.add("post_processor", clsSepTemplate(vocabulary));
        JsonObject decoder = typed("WordPiece");
        decoder.addProperty("prefix", "##");
        decoder.addProperty("cleanup", true);
        root.add("decoder", decoder);
        JsonObject model = typed("WordPiece");
        model.addProperty("unk_token", "[UNK]");
        model.addProperty("continuing_subword_prefix", "##");
        model.addProperty("max_input_chars_per_word", 100);
        JsonObject vocab = new JsonObject();
        for (int id = 0; id < vocabulary.size(); id++) {
            vocab.addProperty(vocabulary.get(id), id);
        }
        model.add("vocab", vocab);
        root.add("model", model);
        return root;
    }

    /// `TemplateProcessing`: `[CLS] $A [SEP]`, pairs `[CLS] $A [SEP] $B:1 [SEP]:1`.
    private static JsonObject clsSepTemplate(List<String> vocabulary) {
        JsonArray single = new JsonArray();
        single.add(piece("SpecialToken", "[CLS]", 0));
        single.add(piece("Sequence", "A", 0));
        single.add(piece("SpecialToken", "[SEP]", 0));
        JsonArray pair = single.deepCopy();
        pair.add(piece("Sequence", "B", 1));
        pair.add(piece("SpecialToken", "[SEP]", 1));
        JsonObject specials = new JsonObject();
        for (String token : List.of("[CLS]", "[SEP]")) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", token);
            JsonArray ids = new JsonArray();
            ids.add(vocabulary.indexOf(token));
            entry.add("ids", ids);
            JsonArray tokens = new JsonArray();
            tokens.add(token);
            entry.add("tokens", tokens);
            specials.add(token, entry);
        }
        JsonObject processor = typed("TemplateProcessing");
        processor.add("single", single);
        processor.add("pair", pair);
        processor.add("special_tokens", specials);
        return processor;
    }

    private static JsonObject piece(String kind, String id, int typeId) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", id);
        inner.addProperty("type_id", typeId);
        JsonObject piece = new JsonObject();
        piece.add(kind, inner);
        return piece;
    }

    private static JsonObject typed(String type) {
        JsonObject object = new JsonObject();
        object.addProperty("type", type);
        return object;
    }
}
