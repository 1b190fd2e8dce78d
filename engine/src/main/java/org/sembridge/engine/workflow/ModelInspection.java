package org.sembridge.engine.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelSummary;
import org.sembridge.engine.hf.SentenceTransformerConfig;
import org.sembridge.engine.hf.TokenizerSummary;
import org.sembridge.engine.provenance.CacheRoot;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.run.ModelFolderCheck;

/// The "inspect model folders" job: what a model folder or a tokenizer holds, its content hash,
/// whether an (adapted) model folder is consistent, and which device a request resolves to; for
/// `sembridge info` and the workbench's models page.
///
/// Describing reads `config.json`, the safetensors headers and the tokenizer, never a weight.
/// The content hashes are the ones a run's `run.json` records for its inputs (SHA-256 over the
/// model's or tokenizer's files), memoised by size and modification time under the cache root
/// (`<root>/file-hashes`), so describing the same folder again is instant.
public final class ModelInspection {

    private final ContentHash hashes;

    private ModelInspection(ContentHash hashes) {
        this.hashes = hashes;
    }

    /// The job with the hash memo of the default cache root (`$SEMBRIDGE_CACHE`, else
    /// `$XDG_CACHE_HOME/sembridge`, else `~/.cache/sembridge`).
    public static ModelInspection atDefaultLocation() {
        return withCache(CacheRoot.resolve());
    }

    /// The job with its hash memo under `cacheRoot` (`<root>/file-hashes`).
    public static ModelInspection withCache(Path cacheRoot) {
        return new ModelInspection(ContentHash.withMemo(cacheRoot.toAbsolutePath().resolve(CacheRoot.FILE_HASHES)));
    }

    /// What the model folder `folder` holds.
    ///
    /// @throws ModelFormatException naming the folder and the file when it is not a readable
    ///     Hugging Face model folder (config, safetensors headers, tokenizer, `modules.json`)
    public ModelDescription describeModel(Path folder) throws ModelFormatException {
        ModelSummary s = HfModelFolder.open(folder).describe();
        SentenceTransformerConfig sentence = s.sentenceTransformer();
        Optional<ModelDescription.Pooling> pooling = sentence != null && sentence.declared()
                ? Optional.of(new ModelDescription.Pooling(sentence.pooling().name().toLowerCase(Locale.ROOT),
                        sentence.normalize()))
                : Optional.empty();
        return new ModelDescription(s.directory(), s.family().modelType(), s.architectures(), s.layers(),
                s.hiddenSize(), s.heads(), s.intermediateSize(), s.vocabSize(), s.maxTokens(), s.declaredDtype(),
                s.elementsByStorageDtype(), s.parameterCount(), s.hasMlmHead(),
                s.decoderTying().name().toLowerCase(Locale.ROOT), s.decoderTying().isTied(),
                s.decoderTying().description(), s.tokenizerFile(), pooling);
    }

    /// What the tokenizer in `folderOrFile` (a folder with `tokenizer.json` or `vocab.txt`, or a
    /// `tokenizer.json` file) holds, and how it splits `sampleText`.
    ///
    /// @throws ModelFormatException naming the path when it holds no usable tokenizer
    public TokenizerDescription describeTokenizer(Path folderOrFile, String sampleText)
            throws ModelFormatException {
        TokenizerSummary s = TokenizerSummary.describe(folderOrFile, sampleText);
        return new TokenizerDescription(s.source(), s.vocabSize(),
                s.scheme().name().toLowerCase(Locale.ROOT).replace('_', '-'), s.specialTokens(), s.sampleTokens());
    }

    /// The SHA-256 (hex) of a model: of its model files when `folderOrFile` is a folder, of the
    /// file itself otherwise (a bridge-vector file).
    ///
    /// @throws IOException naming the file that cannot be read
    public String modelHash(Path folderOrFile) throws IOException {
        return Files.isRegularFile(folderOrFile) ? hashes.ofFile(folderOrFile) : hashes.ofModelFolder(folderOrFile);
    }

    /// The SHA-256 (hex) of a tokenizer: of its tokenizer files when `folderOrFile` is a folder,
    /// of the file itself otherwise (a `tokenizer.json`).
    ///
    /// @throws IOException naming the file that cannot be read
    public String tokenizerHash(Path folderOrFile) throws IOException {
        return Files.isRegularFile(folderOrFile) ? hashes.ofFile(folderOrFile)
                : hashes.ofTokenizerFolder(folderOrFile);
    }

    /// Checks that the model folder `folder` (e.g. an adapted model, `RUN/model`) is consistent:
    /// every vocabulary-sized tensor, the tokenizer, the special ids and the positions agree
    /// (see [ModelFolderCheck]).
    ///
    /// @throws ModelFormatException naming the folder and every disagreement found
    public ModelFolderCheck.Report check(Path folder) throws ModelFormatException {
        return ModelFolderCheck.requireConsistent(folder);
    }

    /// Resolves `choice` to a device; loads the PyTorch engine (about 2 s the first time).
    ///
    /// @throws SemBridgeException for [DeviceChoice#GPU] when no GPU is usable, with the reason
    public static DeviceDescription describeDevice(DeviceChoice choice) throws SemBridgeException {
        SelectedDevice device = choice.select();
        return new DeviceDescription(device.name(), device.reason());
    }
}
