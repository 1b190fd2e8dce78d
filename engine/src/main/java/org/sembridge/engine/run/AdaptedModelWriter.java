package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.confinement.FolderConfinement;
import org.sembridge.engine.export.AtomicFiles;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.hf.SafetensorsCheckpoint;
import org.sembridge.engine.hf.SentenceTransformerConfig;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.safetensors.SafetensorsWriter;
import org.sembridge.engine.safetensors.TensorInfo;

/// Writes the adapted model of a run (`OUT/model/`) in the source's own layout, so that this
/// engine and Hugging Face transformers load it like the source:
///
/// - `config.json`: the source's, with `vocab_size` set to the target vocabulary size and the
///   special-token ids (`pad_token_id`, `bos_token_id`, ... where the config has them) set to the
///   target tokenizer's ([ConfigEdit]s say what changed and why);
/// - `model.safetensors`: every source tensor under its own name and dtype, in file order, except
///   the vocabulary-sized ones (word embeddings, a stored decoder weight, the decoder bias), which
///   are replaced by `F32` tensors of the target size; `__metadata__` is kept (`format: pt`). A
///   sharded source is written as one file;
/// - the target tokenizer's files ([TargetTokenizerFolder#TOKENIZER_FILES] when present), never
///   the source's;
/// - for a sentence-transformers source, `modules.json`, `sentence_bert_config.json`,
///   `config_sentence_transformers.json` and every non-transformer module folder (`1_Pooling`, ...).
///
/// Memory: the whole checkpoint is held in the heap while `model.safetensors` is written (the
/// writer needs every tensor's bytes); 440 MB for a BERT-base model.
final class AdaptedModelWriter {

    /// Folder of the adapted model inside a run folder.
    static final String MODEL_DIR = "model";

    private static final List<String> SENTENCE_TRANSFORMER_FILES = List.of(SentenceTransformerConfig.MODULES_FILE,
            "sentence_bert_config.json", "config_sentence_transformers.json");

    /// Config keys holding special-token ids, with the role whose target id they get.
    private static final Map<String, String> SPECIAL_ID_KEYS = specialIdKeys();

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /// A vocabulary-sized source tensor and its replacement.
    ///
    /// @param name the tensor name in the source checkpoint
    /// @param shape the new shape (`[nT, d]` or `[nT]`)
    /// @param values the new values, row-major
    record ReplacedTensor(String name, long[] shape, float[] values) {
    }

    private final FileWriteGate gate;

    AdaptedModelWriter(FileWriteGate gate) {
        this.gate = gate;
    }

    private static Map<String, String> specialIdKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("pad_token_id", "pad");
        keys.put("bos_token_id", "bos");
        keys.put("eos_token_id", "eos");
        keys.put("cls_token_id", "cls");
        keys.put("sep_token_id", "sep");
        keys.put("unk_token_id", "unk");
        keys.put("mask_token_id", "mask");
        return keys;
    }

    /// Writes the adapted model into `modelRoot` (created if missing).
    ///
    /// @param targetTokens the target vocabulary by id
    /// @param replaced the replaced vocabulary-sized tensors; each must exist in the source
    /// @return the changes made to `config.json`
    /// @throws IOException when a file cannot be written
    /// @throws ModelFormatException when a source file cannot be read
    List<ConfigEdit> write(Path modelRoot, HfModelFolder source, ModelWeights weights, TargetTokenizerFolder target,
            List<String> targetTokens, List<ReplacedTensor> replaced) throws IOException, ModelFormatException {
        Path transformerDir = modelRoot.resolve(source.directory().relativize(source.modelDirectory()).toString());
        List<ConfigEdit> edits = writeConfig(source, target, targetTokens, transformerDir.resolve(HfModelFolder.CONFIG_FILE));
        writeWeights(weights, replaced, transformerDir.resolve(SafetensorsCheckpoint.SINGLE_FILE));
        FolderConfinement<ModelFormatException> targetFolder = FolderConfinement.ofModelFolder(target.folder());
        for (Path file : target.files()) {
            targetFolder.requireInside(file, target.folder(), "tokenizer file");
            copy(file, transformerDir.resolve(file.getFileName().toString()));
        }
        copySentenceTransformerFiles(source, modelRoot);
        return edits;
    }

    private List<ConfigEdit> writeConfig(HfModelFolder source, TargetTokenizerFolder target, List<String> targetTokens,
            Path destination) throws IOException, ModelFormatException {
        JsonObject config = readJsonObject(source.configFile());
        List<ConfigEdit> edits = new ArrayList<>();
        int targetSize = targetTokens.size();
        edits.add(new ConfigEdit("vocab_size", String.valueOf(config.get("vocab_size")), String.valueOf(targetSize),
                "the target vocabulary size"));
        config.addProperty("vocab_size", targetSize);
        for (Map.Entry<String, String> entry : SPECIAL_ID_KEYS.entrySet()) {
            JsonElement old = config.get(entry.getKey());
            if (old == null || old.isJsonNull()) {
                continue;
            }
            ConfigEdit edit = specialIdEdit(source, target, targetTokens, entry.getKey(), entry.getValue(), old);
            if (!edit.sourceValue().equals(edit.writtenValue()) || !edit.note().isEmpty()) {
                edits.add(edit);
            }
            config.add(entry.getKey(), JsonParser.parseString(edit.writtenValue()));
        }
        gate.beforeWrite(destination);
        AtomicFiles.writeString(destination, PRETTY.toJson(config) + "\n");
        return edits;
    }

    private static ConfigEdit specialIdEdit(HfModelFolder source, TargetTokenizerFolder target,
            List<String> targetTokens, String key, String role, JsonElement old) throws ModelFormatException {
        String oldText = old.toString();
        OptionalInt id = target.specialTokenId(role, targetTokens);
        boolean oldInRange = old.isJsonPrimitive() && old.getAsJsonPrimitive().isNumber()
                && old.getAsInt() >= 0 && old.getAsInt() < targetTokens.size();
        if (id.isEmpty()) {
            return oldInRange
                    ? new ConfigEdit(key, oldText, oldText, "the target tokenizer has no " + role
                            + " token; the source id is kept")
                    : new ConfigEdit(key, oldText, "0", "the target tokenizer has no " + role
                            + " token and the source id is outside the target vocabulary; set to 0");
        }
        String newText = new JsonPrimitive(id.getAsInt()).toString();
        if (key.equals("pad_token_id") && source.config().family().offsetsPositionsByPadding()
                && !newText.equals(oldText) && oldInRange) {
            return new ConfigEdit(key, oldText, oldText, source.config().family().modelType()
                    + " derives position ids from pad_token_id; changing it from " + oldText + " to the target's "
                    + newText + " would shift every position embedding, so the source id is kept (padding is masked)");
        }
        return new ConfigEdit(key, oldText, newText, newText.equals(oldText) ? "" : "the target tokenizer's " + role
                + " token " + targetTokens.get(id.getAsInt()));
    }

    private void writeWeights(ModelWeights weights, List<ReplacedTensor> replaced, Path destination)
            throws IOException, ModelFormatException {
        Map<String, ReplacedTensor> byName = new LinkedHashMap<>();
        replaced.forEach(tensor -> byName.put(tensor.name(), tensor));
        Set<String> used = new HashSet<>();
        SafetensorsWriter writer = new SafetensorsWriter();
        boolean first = true;
        for (Path file : weights.checkpoint().files()) {
            try (SafetensorsFile shard = SafetensorsFile.open(file)) {
                if (first) {
                    shard.metadata().forEach(writer::putMetadata);
                    first = false;
                }
                for (TensorInfo tensor : shard.tensors()) {
                    ReplacedTensor replacement = byName.get(tensor.name());
                    if (replacement != null) {
                        writer.addFloats(tensor.name(), replacement.shape(), replacement.values());
                        used.add(tensor.name());
                    } else {
                        writer.add(tensor.name(), tensor.dtype(), tensor.shape(), shard.readRawBytes(tensor.name()));
                    }
                }
            }
        }
        if (!used.equals(byName.keySet())) {
            throw new IllegalArgumentException("replaced tensors " + byName.keySet() + " are not all in the source "
                    + "checkpoint; found " + used);
        }
        writer.putMetadata("format", "pt");
        gate.beforeWrite(destination);
        writer.write(destination);
    }

    /// Copies the sentence-transformers files and every module folder other than the
    /// transformer's. Module paths and every file found in a module folder go through
    /// [FolderConfinement]: nothing from outside the source folder is ever copied, and nothing
    /// is written outside `modelRoot`.
    private void copySentenceTransformerFiles(HfModelFolder source, Path modelRoot)
            throws IOException, ModelFormatException {
        Path modules = source.directory().resolve(SentenceTransformerConfig.MODULES_FILE);
        if (!Files.isRegularFile(modules)) {
            return;
        }
        FolderConfinement<ModelFormatException> confinement = FolderConfinement.ofModelFolder(source.directory());
        copyPipelineFiles(confinement, modelRoot);
        JsonElement list;
        try {
            list = JsonParser.parseString(Files.readString(modules, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new ModelFormatException(modules + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!list.isJsonArray()) {
            throw new ModelFormatException(modules + ": expected a JSON list of modules");
        }
        for (int i = 0; i < list.getAsJsonArray().size(); i++) {
            JsonElement module = list.getAsJsonArray().get(i);
            JsonElement path = module.isJsonObject() ? module.getAsJsonObject().get("path") : null;
            if (path == null || path.isJsonNull() || path.isJsonPrimitive() && path.getAsString().isEmpty()) {
                continue;
            }
            String entry = "modules[" + i + "].path";
            Path folder = confinement.resolve(modules, entry, path);
            if (Files.isDirectory(folder) && !folder.normalize().equals(source.modelDirectory().normalize())) {
                copyTree(confinement, modules, entry, folder, modelRoot.resolve(source.directory().relativize(folder)));
            }
        }
    }

    /// Copies `modules.json`, `sentence_bert_config.json` and `config_sentence_transformers.json`.
    private void copyPipelineFiles(FolderConfinement<ModelFormatException> confinement, Path modelRoot)
            throws IOException, ModelFormatException {
        for (String name : SENTENCE_TRANSFORMER_FILES) {
            Path file = confinement.folder().resolve(name);
            if (Files.isRegularFile(file)) {
                confinement.requireInside(file, confinement.folder(), "file");
                copy(file, modelRoot.resolve(name));
            }
        }
    }

    private void copyTree(FolderConfinement<ModelFormatException> confinement, Path modules, String entry, Path from,
            Path to) throws IOException, ModelFormatException {
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            confinement.requireInside(file, modules, entry);
            copy(file, to.resolve(from.relativize(file).toString()));
        }
    }

    private void copy(Path from, Path to) throws IOException {
        gate.beforeWrite(to);
        AtomicFiles.write(to, out -> Files.copy(from, out));
    }

    private static JsonObject readJsonObject(Path file) throws ModelFormatException {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new ModelFormatException(file + ": expected a JSON object");
            }
            return root.getAsJsonObject();
        } catch (IOException | JsonParseException e) {
            throw new ModelFormatException(file + ": cannot be read as JSON: " + e.getMessage(), e);
        }
    }
}
