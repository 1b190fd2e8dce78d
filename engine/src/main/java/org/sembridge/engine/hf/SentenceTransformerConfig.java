package org.sembridge.engine.hf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import com.google.gson.JsonElement;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.confinement.FolderConfinement;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.Utf8Text;

/// How a sentence-transformers folder turns hidden states into sentence embeddings: the
/// `modules.json` pipeline `Transformer -> Pooling [-> Normalize]`.
///
/// Read from `modules.json`, the Pooling module's `config.json` (CLS, mean or max; other
/// modes are refused by name) and `sentence_bert_config.json` (`max_seq_length`). A plain
/// Hugging Face folder without `modules.json` gets **CLS pooling followed by L2
/// normalisation**, the convention of BAAI/bge-m3, the bridge of the SemBridge paper; such a
/// config reports `declared() == false` so that callers can say it was assumed.
///
/// @param pooling how the token vectors are pooled
/// @param normalize whether the pooled vector is divided by its L2 norm
/// @param maxSeqLength `max_seq_length` of `sentence_bert_config.json`, when present
/// @param transformerDirectory the folder holding the transformer's `config.json` (the
///     Transformer module's path; the folder itself when that path is empty)
/// @param declared whether the folder declared this pipeline (has `modules.json`)
public record SentenceTransformerConfig(
        PoolingMode pooling,
        boolean normalize,
        OptionalInt maxSeqLength,
        Path transformerDirectory,
        boolean declared) {

    /// File name of the sentence-transformers module list.
    public static final String MODULES_FILE = "modules.json";

    private static final String TRANSFORMER = "Transformer";
    private static final String POOLING = "Pooling";
    private static final String NORMALIZE = "Normalize";
    private static final List<String> UNSUPPORTED_POOLING_KEYS = List.of(
            "pooling_mode_mean_sqrt_len_tokens", "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken");

    /// Reads the pipeline of `folder`, or returns the CLS + normalise default when the folder
    /// has no `modules.json`.
    ///
    /// @throws ModelFormatException naming the file when `modules.json` is malformed, lists a
    ///     module other than Transformer, Pooling and Normalize, has no Pooling module, or the
    ///     pooling config selects no mode, several modes or an unsupported one, or a module
    ///     path leaves the folder ([FolderConfinement])
    public static SentenceTransformerConfig read(Path folder) throws ModelFormatException {
        Path modulesFile = folder.resolve(MODULES_FILE);
        if (!Files.isRegularFile(modulesFile)) {
            return new SentenceTransformerConfig(PoolingMode.CLS, true, maxSeqLength(folder), folder, false);
        }
        FolderConfinement<ModelFormatException> confinement = FolderConfinement.ofModelFolder(folder);
        Path transformer = folder;
        PoolingMode pooling = null;
        boolean normalize = false;
        for (Module module : modules(modulesFile)) {
            Path moduleFolder = module.path() == null ? folder
                    : confinement.resolve(modulesFile, module.entry(), module.path());
            switch (module.kind()) {
                case TRANSFORMER -> transformer = moduleFolder;
                case POOLING -> pooling = poolingMode(moduleFolder.resolve("config.json"));
                case NORMALIZE -> normalize = true;
                default -> throw new ModelFormatException(modulesFile + ": module " + module.type()
                        + " is not supported; supported modules: Transformer, Pooling, Normalize");
            }
        }
        if (pooling == null) {
            throw new ModelFormatException(modulesFile + ": no sentence_transformers.models.Pooling module; "
                    + "a sentence encoder needs one to produce one vector per text");
        }
        return new SentenceTransformerConfig(pooling, normalize, maxSeqLength(transformer), transformer, true);
    }

    /// One entry of `modules.json`: its position, its type and its unresolved `path` value
    /// (`null` when the entry has none: the folder itself).
    private record Module(int index, String type, JsonElement path) {
        String kind() {
            return type.substring(type.lastIndexOf('.') + 1);
        }

        /// Where the path is in `modules.json`, for messages.
        String entry() {
            return "modules[" + index + "].path";
        }
    }

    private static List<Module> modules(Path modulesFile) throws ModelFormatException {
        JsonElement root;
        try {
            root = JsonText.parse(Utf8Text.read(modulesFile, ModelFormatException::new), modulesFile,
                    ModelFormatException::new);
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new ModelFormatException(modulesFile + ": expected a JSON list of modules, found "
                    + JsonText.kind(root));
        }
        List<Module> modules = new ArrayList<>();
        for (JsonElement entry : root.getAsJsonArray()) {
            JsonFile module = JsonFile.parse(modulesFile, entry.toString());
            String type = module.optString("type").orElseThrow(() -> new ModelFormatException(
                    modulesFile + ": module " + entry + " has no \"type\""));
            modules.add(new Module(modules.size(), type, module.root().get("path")));
        }
        return modules;
    }

    private static PoolingMode poolingMode(Path poolingConfig) throws ModelFormatException {
        if (!Files.isRegularFile(poolingConfig)) {
            throw new ModelFormatException(poolingConfig + ": missing; the Pooling module of "
                    + MODULES_FILE + " needs its config.json");
        }
        JsonFile json = JsonFile.read(poolingConfig);
        for (String key : UNSUPPORTED_POOLING_KEYS) {
            if (json.optBoolean(key, false)) {
                throw new ModelFormatException(poolingConfig + ": " + key
                        + " is not supported; supported pooling modes: cls, mean, max");
            }
        }
        List<PoolingMode> selected = new ArrayList<>();
        for (PoolingMode mode : PoolingMode.values()) {
            if (json.optBoolean(mode.configKey(), false)) {
                selected.add(mode);
            }
        }
        if (selected.size() != 1) {
            throw new ModelFormatException(poolingConfig + ": expected exactly one of pooling_mode_cls_token, "
                    + "pooling_mode_mean_tokens, pooling_mode_max_tokens to be true, found " + selected.size()
                    + (selected.isEmpty() ? "" : " " + selected));
        }
        return selected.getFirst();
    }

    private static OptionalInt maxSeqLength(Path transformerDirectory) throws ModelFormatException {
        Path file = transformerDirectory.resolve("sentence_bert_config.json");
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        return JsonFile.read(file).optInt("max_seq_length");
    }
}
