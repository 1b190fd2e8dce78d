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
import java.util.Optional;
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
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelConfig;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.hf.SafetensorsCheckpoint;
import org.sembridge.engine.hf.SentenceTransformerConfig;
import org.sembridge.engine.hf.TensorSpec;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.safetensors.SafetensorsWriter;
import org.sembridge.engine.safetensors.TensorInfo;

/// Writes the adapted model of a run (`OUT/model/`) in the source's own layout, so that this
/// engine and Hugging Face transformers load it like the source:
///
/// - `config.json`: the source's, with `vocab_size` set to the target vocabulary size and the
///   special-token ids (`pad_token_id` always, `bos_token_id`, ... where the config has them) set
///   to the target tokenizer's ([ConfigEdit]s say what changed and why). For the RoBERTa family,
///   whose position ids start after the padding id, a changed `pad_token_id` moves the position
///   table ([PositionTableShift]) and sets `max_position_embeddings` to its new row count, so that
///   every real token keeps its trained position row and no target token (`[UNK]` at the
///   source's padding id 1) is taken for padding;
/// - `model.safetensors`: every source tensor under its own name and dtype, in file order, except
///   the vocabulary-sized ones under every stored name ([VocabularyTensors]: word embeddings, a
///   stored decoder weight, each decoder-bias alias, any other tensor with `vocab_size` rows) and a
///   moved position table, which are replaced by `F32` tensors of the new size (a stored
///   `position_ids` buffer by `0 .. rows-1` as `I64`); `__metadata__` is kept (`format: pt`). A
///   sharded source is written as one file;
/// - the target tokenizer's files ([TargetTokenizerFolder#TOKENIZER_FILES] when present), never
///   the source's; `tokenizer_config.json` gets `model_max_length` capped at the source's usable
///   positions ([org.sembridge.engine.hf.ModelConfig#maxTokens()]), written when the target has
///   no such file, so that transformers never indexes past the position table;
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

    private static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    private static final String MODEL_MAX_LENGTH = "model_max_length";
    private static final String MAX_POSITIONS = "max_position_embeddings";
    /// The position-id buffer older checkpoints store after the encoder prefix.
    private static final String POSITION_IDS = "embeddings.position_ids";

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /// A source tensor and its replacement: `F32` values, or `I64` integers for an index buffer.
    ///
    /// @param name the tensor name in the source checkpoint
    /// @param shape the new shape (`[nT, d]` or `[nT]`)
    /// @param values the new values, row-major, or `null` for integers
    /// @param integers the new integer values (written as `I64`), or `null` for floats
    record ReplacedTensor(String name, long[] shape, float[] values, long[] integers) {

        /// A float replacement.
        ReplacedTensor(String name, long[] shape, float[] values) {
            this(name, shape, values, null);
        }

        /// An `I64` replacement.
        static ReplacedTensor ofIntegers(String name, long[] shape, long[] integers) {
            return new ReplacedTensor(name, shape, null, integers);
        }
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
        Optional<PositionTableShift> shift = positionShift(source.config(), target, targetTokens);
        List<ConfigEdit> edits = writeConfig(source, target, targetTokens, shift,
                transformerDir.resolve(HfModelFolder.CONFIG_FILE));
        List<ReplacedTensor> all = new ArrayList<>(replaced);
        if (shift.isPresent()) {
            all.addAll(shiftedPositions(weights, shift.get()));
        }
        writeWeights(weights, all, transformerDir.resolve(SafetensorsCheckpoint.SINGLE_FILE));
        boolean tokenizerConfigWritten = false;
        FolderConfinement<ModelFormatException> targetFolder = FolderConfinement.ofModelFolder(target.folder());
        for (Path file : target.files()) {
            targetFolder.requireInside(file, target.folder(), "tokenizer file");
            Path destination = transformerDir.resolve(file.getFileName().toString());
            if (file.getFileName().toString().equals(TOKENIZER_CONFIG)) {
                JsonObject tokenizerConfig = JsonText.readObject(file, ModelFormatException::new);
                edits.add(writeTokenizerConfig(tokenizerConfig, source.config().maxTokens(), destination));
                tokenizerConfigWritten = true;
            } else {
                copy(file, destination);
            }
        }
        if (!tokenizerConfigWritten) {
            edits.add(writeTokenizerConfig(new JsonObject(), source.config().maxTokens(),
                    transformerDir.resolve(TOKENIZER_CONFIG)));
        }
        copySentenceTransformerFiles(source, modelRoot);
        return edits;
    }

    /// The move of the position table, when the source is of the RoBERTa family and the target
    /// tokenizer has a padding token whose id differs from the source's.
    private static Optional<PositionTableShift> positionShift(ModelConfig config, TargetTokenizerFolder target,
            List<String> targetTokens) throws ModelFormatException {
        if (!config.family().offsetsPositionsByPadding()) {
            return Optional.empty();
        }
        OptionalInt pad = target.specialTokenId("pad", targetTokens);
        if (pad.isEmpty() || pad.getAsInt() == config.padTokenId()) {
            return Optional.empty();
        }
        return Optional.of(new PositionTableShift(config.padTokenId(), pad.getAsInt(),
                config.maxPositionEmbeddings()));
    }

    /// The moved position table and, when stored, the `position_ids` buffer of the new length.
    private static List<ReplacedTensor> shiftedPositions(ModelWeights weights, PositionTableShift shift)
            throws ModelFormatException {
        TensorSpec spec = weights.layout().spec(EncoderPart.POSITION_EMBEDDINGS, 0, false);
        String name = spec.names().stream().filter(weights.checkpoint().names()::contains).findFirst()
                .orElseThrow(() -> new ModelFormatException(weights.checkpoint().source() + ": no position table '"
                        + spec.name() + "' to move to the new padding id"));
        int hidden = weights.config().hiddenSize();
        List<ReplacedTensor> replaced = new ArrayList<>(2);
        replaced.add(new ReplacedTensor(name, new long[] {shift.targetRows(), hidden},
                shift.shift(weights.read(EncoderPart.POSITION_EMBEDDINGS, 0, false), hidden)));
        String buffer = weights.layout().encoderPrefix() + POSITION_IDS;
        if (weights.checkpoint().names().contains(buffer)) {
            long[] ids = new long[shift.targetRows()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
            }
            replaced.add(ReplacedTensor.ofIntegers(buffer, new long[] {1, ids.length}, ids));
        }
        return replaced;
    }

    /// Writes `tokenizer_config.json` with `model_max_length` at most `usablePositions`.
    private ConfigEdit writeTokenizerConfig(JsonObject json, int usablePositions, Path destination)
            throws IOException {
        JsonElement old = json.get(MODEL_MAX_LENGTH);
        String oldText = old == null ? "absent" : old.toString();
        boolean keep = old != null && old.isJsonPrimitive() && old.getAsJsonPrimitive().isNumber()
                && old.getAsDouble() >= 1 && old.getAsDouble() <= usablePositions;
        String note;
        if (keep) {
            note = "";
        } else {
            json.addProperty(MODEL_MAX_LENGTH, usablePositions);
            note = "capped at the source's " + usablePositions + " usable positions, so that transformers never "
                    + "indexes past the position table";
        }
        gate.beforeWrite(destination);
        AtomicFiles.writeString(destination, PRETTY.toJson(json) + "\n");
        return new ConfigEdit(TOKENIZER_CONFIG + ": " + MODEL_MAX_LENGTH, oldText,
                json.get(MODEL_MAX_LENGTH).toString(), note);
    }

    private List<ConfigEdit> writeConfig(HfModelFolder source, TargetTokenizerFolder target, List<String> targetTokens,
            Optional<PositionTableShift> shift, Path destination) throws IOException, ModelFormatException {
        JsonObject config = JsonText.readObject(source.configFile(), ModelFormatException::new);
        List<ConfigEdit> edits = new ArrayList<>();
        int targetSize = targetTokens.size();
        edits.add(new ConfigEdit("vocab_size", String.valueOf(config.get("vocab_size")), String.valueOf(targetSize),
                "the target vocabulary size"));
        config.addProperty("vocab_size", targetSize);
        if (!config.has("pad_token_id") || config.get("pad_token_id").isJsonNull()) {
            config.addProperty("pad_token_id", source.config().padTokenId());
        }
        if (shift.isPresent()) {
            PositionTableShift s = shift.get();
            edits.add(new ConfigEdit(MAX_POSITIONS, String.valueOf(config.get(MAX_POSITIONS)),
                    String.valueOf(s.targetRows()), source.config().family().modelType()
                            + " position ids start after pad_token_id; the table moved by " + (s.targetPad()
                            - s.sourcePad()) + " rows with the padding id, so every real token keeps its trained "
                            + "position row and the usable positions stay " + (s.sourceRows() - s.sourcePad() - 1)));
            config.addProperty(MAX_POSITIONS, s.targetRows());
        }
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
                && !newText.equals(oldText)) {
            return new ConfigEdit(key, oldText, newText, "the target tokenizer's pad token "
                    + targetTokens.get(id.getAsInt()) + "; " + source.config().family().modelType()
                    + " derives position ids from pad_token_id, so the position table moved with it (see "
                    + MAX_POSITIONS + ")");
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
                    if (replacement != null && replacement.values() != null) {
                        writer.addFloats(tensor.name(), replacement.shape(), replacement.values());
                        used.add(tensor.name());
                    } else if (replacement != null) {
                        writer.addLongs(tensor.name(), replacement.shape(), replacement.integers());
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

}
