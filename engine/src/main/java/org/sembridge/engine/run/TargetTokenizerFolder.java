package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.Utf8Text;
import org.sembridge.engine.provenance.ContentHash;

/// The target tokenizer of a run: the folder its files live in, the files the adapted model
/// takes over, and the ids of its special tokens by role.
///
/// Accepts a folder (with `tokenizer.json` or `vocab.txt`) or a `tokenizer.json` file; the
/// files copied into the adapted model are those of [#TOKENIZER_FILES] present in the folder.
/// Special-token roles come from `special_tokens_map.json`, then `tokenizer_config.json`
/// (`"pad_token": "[PAD]"` or `{"content": "[PAD]"}`), then the usual spellings (`[PAD]`,
/// `<pad>`, ...).
final class TargetTokenizerFolder {

    /// Tokenizer files copied into the adapted model when present: those whose hash `run.json`
    /// records for the target tokenizer, by name.
    static final List<String> TOKENIZER_FILES = ContentHash.TOKENIZER_FILE_NAMES.stream().sorted().toList();

    /// Usual spellings per role, BERT first, then RoBERTa/XLM-R.
    private static final Map<String, List<String>> SPELLINGS = Map.of(
            "pad", List.of("[PAD]", "<pad>"),
            "cls", List.of("[CLS]", "<s>"),
            "sep", List.of("[SEP]", "</s>"),
            "unk", List.of("[UNK]", "<unk>"),
            "mask", List.of("[MASK]", "<mask>"),
            "bos", List.of("<s>", "[CLS]"),
            "eos", List.of("</s>", "[SEP]"));

    private final Path folder;

    private TargetTokenizerFolder(Path folder) {
        this.folder = folder;
    }

    /// Resolves a folder or a `tokenizer.json` path.
    ///
    /// @throws InputFormatException when the path does not exist, or is a file not named
    ///     `tokenizer.json`
    static TargetTokenizerFolder resolve(Path path) throws InputFormatException {
        if (Files.isDirectory(path)) {
            return new TargetTokenizerFolder(path);
        }
        if (!Files.exists(path)) {
            throw new InputFormatException("target tokenizer " + path + " does not exist; give a tokenizer folder or "
                    + "its " + TextTokenizer.TOKENIZER_FILE);
        }
        if (!path.getFileName().toString().equals(TextTokenizer.TOKENIZER_FILE)) {
            throw new InputFormatException("target tokenizer " + path + " is a file but not a "
                    + TextTokenizer.TOKENIZER_FILE + "; give the tokenizer folder or its "
                    + TextTokenizer.TOKENIZER_FILE);
        }
        return new TargetTokenizerFolder(path.toAbsolutePath().getParent());
    }

    /// The tokenizer files of an existing folder (a model folder's, for checks).
    static TargetTokenizerFolder ofFolder(Path folder) {
        return new TargetTokenizerFolder(folder);
    }

    /// The folder holding the tokenizer files.
    Path folder() {
        return folder;
    }

    /// The tokenizer files present, in [#TOKENIZER_FILES] order.
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String name : TOKENIZER_FILES) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        return files;
    }

    /// Loads the tokenizer.
    ///
    /// @param maxTokens the token limit of the source model
    /// @throws ModelFormatException when the files cannot be parsed or the vocabulary is empty
    TextTokenizer load(int maxTokens) throws ModelFormatException {
        return TextTokenizer.load(folder, maxTokens, 0);
    }

    /// The id of the special token with `role` (`pad`, `cls`, `sep`, `unk`, `mask`, `bos`,
    /// `eos`), if the tokenizer has one.
    OptionalInt specialTokenId(String role, List<String> tokens) throws ModelFormatException {
        for (Path file : tokenConfigFiles()) {
            Optional<String> declared = declaredToken(file, role + "_token");
            if (declared.isPresent()) {
                int id = tokens.indexOf(declared.get());
                if (id >= 0) {
                    return OptionalInt.of(id);
                }
            }
        }
        for (String spelling : SPELLINGS.getOrDefault(role, List.of())) {
            int id = tokens.indexOf(spelling);
            if (id >= 0) {
                return OptionalInt.of(id);
            }
        }
        return OptionalInt.empty();
    }

    /// The files that may declare special tokens, in the order they are asked.
    private List<Path> tokenConfigFiles() {
        return List.of(folder.resolve("special_tokens_map.json"), folder.resolve("tokenizer_config.json"));
    }

    private static Optional<String> declaredToken(Path file, String key) throws ModelFormatException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonElement value;
        try {
            value = JsonText.parseObject(Utf8Text.read(file, ModelFormatException::new), file, ModelFormatException::new)
                    .get(key);
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (value.isJsonPrimitive()) {
            return Optional.of(value.getAsString());
        }
        JsonObject object = value.getAsJsonObject();
        return object.has("content") ? Optional.of(object.get("content").getAsString()) : Optional.empty();
    }
}
