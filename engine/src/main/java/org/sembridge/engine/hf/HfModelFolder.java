package org.sembridge.engine.hf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.sembridge.engine.ModelFormatException;

/// A Hugging Face model folder on disk: `config.json`, safetensors weights and a tokenizer,
/// optionally wrapped in a sentence-transformers pipeline (`modules.json`).
///
/// [#open] checks the folder's layout and parses `config.json` without reading weights:
///
/// - the transformer lives in the folder itself or, for sentence-transformers folders whose
///   Transformer module has a path (`0_Transformer`), in that subfolder;
/// - weights come from `model.safetensors` or the shards of `model.safetensors.index.json`;
/// - pickled PyTorch checkpoints (`pytorch_model.bin`, `*.bin`, `*.pt`, `*.pth`, `*.ckpt`) are
///   **never** loaded, because unpickling runs arbitrary code; a folder with only those is
///   refused with the one-line Python command that converts it to safetensors;
/// - the tokenizer is `tokenizer.json`, else `vocab.txt` (+ `tokenizer_config.json`).
///
/// The folder is a description, not an open resource: [#openWeights()] and
/// [#openTokenizer()] return handles the caller closes.
public final class HfModelFolder {

    /// File name of the model configuration.
    public static final String CONFIG_FILE = "config.json";

    private static final List<String> PICKLE_SUFFIXES = List.of(".bin", ".pt", ".pth", ".ckpt", ".pkl");

    private final Path directory;
    private final Path modelDirectory;
    private final ModelConfig config;
    private final SentenceTransformerConfig sentenceTransformer;
    private final Path weightSource;
    private final Path tokenizerFile;

    private HfModelFolder(Path directory, Path modelDirectory, ModelConfig config,
            SentenceTransformerConfig sentenceTransformer, Path weightSource, Path tokenizerFile) {
        this.directory = directory;
        this.modelDirectory = modelDirectory;
        this.config = config;
        this.sentenceTransformer = sentenceTransformer;
        this.weightSource = weightSource;
        this.tokenizerFile = tokenizerFile;
    }

    /// Opens a model folder.
    ///
    /// @throws ModelFormatException naming the folder or file when the folder does not exist,
    ///     `config.json` is missing or invalid, there are no safetensors weights (with the
    ///     conversion command when only pickled checkpoints exist), or there is no tokenizer
    public static HfModelFolder open(Path directory) throws ModelFormatException {
        if (!Files.exists(directory)) {
            throw new ModelFormatException("model folder " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new ModelFormatException(directory + " is not a folder; give the model folder that holds "
                    + CONFIG_FILE + ", " + SafetensorsCheckpoint.SINGLE_FILE + " and " + TextTokenizer.TOKENIZER_FILE);
        }
        SentenceTransformerConfig pipeline = SentenceTransformerConfig.read(directory);
        Path modelDirectory = pipeline.transformerDirectory();
        Path configFile = modelDirectory.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new ModelFormatException(modelDirectory + ": no " + CONFIG_FILE + "; a Hugging Face model folder needs "
                    + CONFIG_FILE + ", " + SafetensorsCheckpoint.SINGLE_FILE + " and " + TextTokenizer.TOKENIZER_FILE
                    + " (or vocab.txt)");
        }
        ModelConfig config = ModelConfig.read(configFile);
        Path weights = weightSource(modelDirectory, config);
        Path tokenizer = tokenizerFile(modelDirectory);
        return new HfModelFolder(directory, modelDirectory, config, pipeline, weights, tokenizer);
    }

    /// The folder as given.
    public Path directory() {
        return directory;
    }

    /// The folder holding `config.json`, the weights and the tokenizer.
    public Path modelDirectory() {
        return modelDirectory;
    }

    /// The `config.json` file.
    public Path configFile() {
        return modelDirectory.resolve(CONFIG_FILE);
    }

    /// The parsed and validated `config.json`.
    public ModelConfig config() {
        return config;
    }

    /// The sentence-embedding pipeline (declared by `modules.json`, or the CLS + normalise
    /// default).
    public SentenceTransformerConfig sentenceTransformer() {
        return sentenceTransformer;
    }

    /// `model.safetensors` or `model.safetensors.index.json`.
    public Path weightSource() {
        return weightSource;
    }

    /// `tokenizer.json` or `vocab.txt`.
    public Path tokenizerFile() {
        return tokenizerFile;
    }

    /// The most tokens per text: the position limit of the model, lowered by the
    /// sentence-transformers `max_seq_length` and by the tokenizer's `model_max_length` when
    /// they are smaller.
    public int maxTokens() throws ModelFormatException {
        int limit = config.maxTokens();
        if (sentenceTransformer.maxSeqLength().isPresent()) {
            limit = Math.min(limit, sentenceTransformer.maxSeqLength().getAsInt());
        }
        Path tokenizerConfig = modelDirectory.resolve(WordPieceTokenizerJson.CONFIG_FILE);
        if (Files.isRegularFile(tokenizerConfig)) {
            double modelMax = JsonFile.read(tokenizerConfig).optDouble("model_max_length", Double.MAX_VALUE);
            if (modelMax >= 2 && modelMax < limit) {
                limit = (int) modelMax;
            }
        }
        return limit;
    }

    /// Opens and validates the weights against `config.json`; the caller closes them.
    public ModelWeights openWeights() throws ModelFormatException {
        return ModelWeights.open(config, configFile(), weightSource);
    }

    /// Loads the tokenizer with [#maxTokens()] and the model's padding id; the caller closes it.
    ///
    /// @throws ModelFormatException naming both files when the tokenizer has more token ids
    ///     than the model's `vocab_size` (the two do not belong together); fewer is fine (some
    ///     models pad their embedding matrix)
    public TextTokenizer openTokenizer() throws ModelFormatException {
        try (PendingTokenizer pending = startTokenizer()) {
            return pending.await();
        }
    }

    /// Starts loading the tokenizer as [#openTokenizer()] does, the native library's part on a
    /// thread of its own ([TextTokenizer#start]), so that the caller can load the weights
    /// meanwhile; the size check against `vocab_size` is done before this returns. The caller
    /// closes the pending tokenizer (and the tokenizer it hands over).
    ///
    /// @throws ModelFormatException as [#openTokenizer()], except the native library's
    ///     failures, which [PendingTokenizer#await()] reports
    public PendingTokenizer startTokenizer() throws ModelFormatException {
        PendingTokenizer pending = TextTokenizer.start(modelDirectory, maxTokens(), config.padTokenId());
        if (pending.vocabSize() > config.vocabSize()) {
            pending.close();
            throw new ModelFormatException(pending.source() + " has " + pending.vocabSize() + " token ids, but "
                    + configFile() + " says vocab_size=" + config.vocabSize()
                    + "; the tokenizer and the model do not belong together");
        }
        return pending;
    }

    /// Validates the weights and the tokenizer (as [#openTokenizer()] does for encoding: the
    /// JSON, its vocabulary, the native library's parse, and its size against `vocab_size`) and
    /// summarises the folder (sizes, dtypes, decoder tying, parameter count). Reads tensor data
    /// only to compare a stored decoder with the embeddings.
    public ModelSummary describe() throws ModelFormatException {
        openTokenizer().close();
        try (ModelWeights weights = openWeights()) {
            return new ModelSummary(directory, config.family(), config.architectures(), config.numLayers(),
                    config.hiddenSize(), config.numHeads(), config.intermediateSize(), config.vocabSize(), maxTokens(),
                    config.torchDtype(), weights.checkpoint().elementsByDtype(), weights.parameterCount(),
                    weights.layout().hasMlmHead(), weights.decoderTying(), weights.checkpoint().files(),
                    tokenizerFile, sentenceTransformer);
        }
    }

    private static Path weightSource(Path dir, ModelConfig config) throws ModelFormatException {
        Path single = dir.resolve(SafetensorsCheckpoint.SINGLE_FILE);
        if (Files.isRegularFile(single)) {
            return single;
        }
        Path index = dir.resolve(SafetensorsCheckpoint.INDEX_FILE);
        if (Files.isRegularFile(index)) {
            return index;
        }
        List<String> pickles = pickledCheckpoints(dir);
        if (!pickles.isEmpty()) {
            boolean mlm = config.architectures().stream().anyMatch(a -> a.endsWith("ForMaskedLM"));
            String auto = mlm ? "AutoModelForMaskedLM" : "AutoModel";
            throw new ModelFormatException(dir + ": only pickled PyTorch checkpoints found (" + String.join(", ", pickles)
                    + "); SemBridge never loads pickles, because unpickling can run arbitrary code. Convert the folder "
                    + "to safetensors once with: python -c \"from transformers import " + auto + " as A; m = "
                    + "A.from_pretrained('" + dir + "'); m.save_pretrained('" + dir + "', safe_serialization=True)\"");
        }
        throw new ModelFormatException(dir + ": no " + SafetensorsCheckpoint.SINGLE_FILE + " and no "
                + SafetensorsCheckpoint.INDEX_FILE + "; the model weights must be in safetensors format");
    }

    private static List<String> pickledCheckpoints(Path dir) throws ModelFormatException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> PICKLE_SUFFIXES.stream().anyMatch(s -> name.toLowerCase(Locale.ROOT).endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ModelFormatException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static Path tokenizerFile(Path dir) throws ModelFormatException {
        Path json = dir.resolve(TextTokenizer.TOKENIZER_FILE);
        if (Files.isRegularFile(json)) {
            return json;
        }
        Path vocab = dir.resolve(WordPieceTokenizerJson.VOCAB_FILE);
        if (Files.isRegularFile(vocab)) {
            return vocab;
        }
        String hint = Files.isRegularFile(dir.resolve("sentencepiece.bpe.model"))
                || Files.isRegularFile(dir.resolve("spiece.model"))
                ? "; only a SentencePiece model is present: write tokenizer.json once with: python -c \"from "
                        + "transformers import AutoTokenizer; AutoTokenizer.from_pretrained('" + dir
                        + "').save_pretrained('" + dir + "')\""
                : "";
        throw new ModelFormatException(dir + ": no " + TextTokenizer.TOKENIZER_FILE + " and no "
                + WordPieceTokenizerJson.VOCAB_FILE + hint);
    }
}
