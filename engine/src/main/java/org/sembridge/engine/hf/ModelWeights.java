package org.sembridge.engine.hf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.safetensors.DType;
import org.sembridge.engine.safetensors.TensorInfo;

/// The weights of an encoder checkpoint, checked against its `config.json` and read by role
/// ([EncoderPart]) rather than by name.
///
/// [#open] validates before any tensor data is read: every tensor the forward pass needs is
/// present under one of its accepted names, every shape (optional tensors included, when
/// stored) equals the one `config.json` implies, and the word embeddings have `vocab_size`
/// rows. Reads check that every value is finite. A DistilBERT checkpoint
/// with `sinusoidal_pos_embds` may omit its position table, which is then computed
/// (`sin`/`cos` of `pos / 10000^(2 floor(j/2) / dim)`, as transformers does).
public final class ModelWeights implements AutoCloseable {

    private final ModelConfig config;
    private final Path configFile;
    private final SafetensorsCheckpoint checkpoint;
    private final WeightLayout layout;
    private DecoderTying decoderTying;

    private ModelWeights(ModelConfig config, Path configFile, SafetensorsCheckpoint checkpoint, WeightLayout layout) {
        this.config = config;
        this.configFile = configFile;
        this.checkpoint = checkpoint;
        this.layout = layout;
    }

    /// Opens and validates a checkpoint against its config.
    ///
    /// @param config the parsed config
    /// @param configFile where `config` came from, for messages
    /// @param checkpointSource `model.safetensors` or `model.safetensors.index.json`
    /// @throws ModelFormatException naming the file, the tensor, the expected and the found
    ///     shape on the first disagreement
    public static ModelWeights open(ModelConfig config, Path configFile, Path checkpointSource)
            throws ModelFormatException {
        SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(checkpointSource);
        try {
            WeightLayout layout = WeightLayout.detect(config, checkpoint.names(), checkpointSource);
            ModelWeights weights = new ModelWeights(config, configFile, checkpoint, layout);
            weights.validate();
            return weights;
        } catch (ModelFormatException | RuntimeException e) {
            checkpoint.close();
            throw e;
        }
    }

    /// The config the weights were checked against.
    public ModelConfig config() {
        return config;
    }

    /// The naming scheme in use.
    public WeightLayout layout() {
        return layout;
    }

    /// The underlying checkpoint (names, dtypes, files).
    public SafetensorsCheckpoint checkpoint() {
        return checkpoint;
    }

    /// Reads one tensor as `float`, row-major.
    ///
    /// @param part the parameter block
    /// @param layer the layer for per-layer parts
    /// @param bias the bias (norm: shift) rather than the weight (norm: gain)
    /// @throws ModelFormatException naming file and tensor when it is missing or holds a NaN
    ///     or infinity
    public float[] read(EncoderPart part, int layer, boolean bias) throws ModelFormatException {
        TensorSpec spec = layout.spec(part, layer, bias);
        Optional<String> name = presentName(spec);
        if (name.isEmpty() && part == EncoderPart.POSITION_EMBEDDINGS && config.sinusoidalPositions()) {
            return sinusoidalTable(config.maxPositionEmbeddings(), config.hiddenSize());
        }
        return checkpoint.readFiniteFloats(name.orElse(spec.name()));
    }

    /// Reads one tensor like [#read(EncoderPart, int, boolean)], with the same checks, into `dest`
    /// (float32 in the platform's byte order, at least the spec's element count) instead of a new
    /// array, for tensors bound for native memory.
    ///
    /// @throws ModelFormatException as [#read(EncoderPart, int, boolean)]
    public void read(EncoderPart part, int layer, boolean bias, MemorySegment dest) throws ModelFormatException {
        TensorSpec spec = layout.spec(part, layer, bias);
        Optional<String> name = presentName(spec);
        if (name.isEmpty() && part == EncoderPart.POSITION_EMBEDDINGS && config.sinusoidalPositions()) {
            float[] table = sinusoidalTable(config.maxPositionEmbeddings(), config.hiddenSize());
            MemorySegment.copy(table, 0, dest, ValueLayout.JAVA_FLOAT, 0, table.length);
            return;
        }
        checkpoint.readFiniteFloats(name.orElse(spec.name()), dest);
    }

    /// Reads the word-embedding matrix `[vocab_size, hidden]`, row-major.
    public float[] readWordEmbeddings() throws ModelFormatException {
        return read(EncoderPart.WORD_EMBEDDINGS, 0, false);
    }

    /// How the MLM decoder relates to the word embeddings; compares the two matrices when the
    /// decoder weight is stored (read once, then remembered).
    public synchronized DecoderTying decoderTying() throws ModelFormatException {
        if (decoderTying == null) {
            decoderTying = computeDecoderTying();
        }
        return decoderTying;
    }

    /// Parameters stored in the checkpoint: the elements of its floating-point tensors (`F32`,
    /// `F16`, `BF16`, `F64`), pooler and other unused tensors included, as Hugging Face's
    /// `num_parameters()` counts them. Integer buffers (`embeddings.position_ids`, I64) are not
    /// parameters and are left out (all-MiniLM-L6-v2: 22,713,216, not 22,713,728).
    public long parameterCount() {
        long count = 0;
        for (var entry : checkpoint.elementsByDtype().entrySet()) {
            if (DType.fromSafetensorsName(entry.getKey()).map(DType::isFloatingPoint).orElse(false)) {
                count += entry.getValue();
            }
        }
        return count;
    }

    /// Unmaps the checkpoint; idempotent.
    @Override
    public void close() {
        checkpoint.close();
    }

    private DecoderTying computeDecoderTying() throws ModelFormatException {
        if (!layout.hasMlmHead()) {
            return DecoderTying.NO_HEAD;
        }
        TensorSpec decoder = layout.decoderWeight();
        if (presentName(decoder).isEmpty()) {
            return DecoderTying.TIED_NOT_STORED;
        }
        float[] decoderValues = checkpoint.readFiniteFloats(decoder.name());
        return Arrays.equals(decoderValues, readWordEmbeddings()) ? DecoderTying.TIED_STORED_EQUAL : DecoderTying.UNTIED;
    }

    private void validate() throws ModelFormatException {
        checkNoExtraLayers();
        for (TensorSpec spec : layout.tensors()) {
            Optional<String> name = presentName(spec);
            if (name.isPresent()) {
                TensorInfo found = checkpoint.require(name.get());
                checkFloatingPoint(found);
                checkShape(spec, found);
            } else if (!spec.optional()) {
                throw missing(spec);
            }
        }
        TensorSpec decoder = layout.decoderWeight();
        if (layout.hasMlmHead() && presentName(decoder).isEmpty() && !config.tieWordEmbeddings()) {
            throw new ModelFormatException(configFile + " says tie_word_embeddings=false, but "
                    + checkpoint.source() + " has no decoder weight '" + decoder.name() + "'");
        }
    }

    /// Refuses a checkpoint with layers beyond the config's layer count: the forward pass would
    /// silently skip them and compute a different (wrong) model.
    private void checkNoExtraLayers() throws ModelFormatException {
        boolean distil = config.family() == ModelFamily.DISTILBERT;
        Pattern layerTensor = Pattern.compile(Pattern.quote(layout.encoderPrefix()
                + (distil ? "transformer.layer." : "encoder.layer.")) + "(\\d{1,9})\\..*");
        List<String> extra = new ArrayList<>();
        int highest = -1;
        for (String name : checkpoint.names()) {
            Matcher matcher = layerTensor.matcher(name);
            if (matcher.matches()) {
                int layer = Integer.parseInt(matcher.group(1));
                if (layer >= config.numLayers()) {
                    extra.add(name);
                    highest = Math.max(highest, layer);
                }
            }
        }
        if (extra.isEmpty()) {
            return;
        }
        extra.sort(null);
        String key = distil ? "n_layers" : "num_hidden_layers";
        throw new ModelFormatException(checkpoint.source() + " has " + extra.size() + " tensors of layers "
                + config.numLayers() + " to " + highest + " ('" + extra.getFirst() + "'"
                + (extra.size() > 1 ? " and " + (extra.size() - 1) + " more" : "") + "), but " + configFile + " says "
                + key + "=" + config.numLayers() + ", so they would be ignored; set " + key + " to " + (highest + 1)
                + " or remove those tensors");
    }

    private ModelFormatException missing(TensorSpec spec) {
        String context = "; " + configFile + " (model_type " + config.family().modelType() + ", "
                + config.numLayers() + " layers" + (layout.hasMlmHead() ? ", with MLM head" : "") + ") needs it";
        try {
            checkpoint.require(spec.name());
            return new ModelFormatException("tensor '" + spec.name() + "' not found in " + checkpoint.source() + context);
        } catch (ModelFormatException e) {
            return new ModelFormatException(e.getMessage() + context, e);
        }
    }

    /// Refuses a weight stored as integers or booleans: the forward pass needs floats, and `info`
    /// would otherwise leave it out of the parameter count without a word.
    private void checkFloatingPoint(TensorInfo found) throws ModelFormatException {
        if (!found.dtype().isFloatingPoint()) {
            throw new ModelFormatException(checkpoint.fileOf(found.name()) + ": tensor '" + found.name()
                    + "' is a model weight and must be floating point (F32, F16, BF16 or F64), found "
                    + found.dtype().safetensorsName());
        }
    }

    private void checkShape(TensorSpec spec, TensorInfo found) throws ModelFormatException {
        if (spec.matches(found.shape())) {
            return;
        }
        Path file = checkpoint.fileOf(found.name());
        long[] expected = spec.shape();
        boolean rowsOnly = found.shape().length == expected.length && expected.length == 2
                && found.shape()[1] == expected[1];
        if (spec.name().endsWith("word_embeddings.weight") && rowsOnly) {
            throw new ModelFormatException(configFile + " says vocab_size=" + config.vocabSize()
                    + ", but the word embeddings '" + found.name() + "' in " + file + " have " + found.shape()[0]
                    + " rows; config.json and the checkpoint must agree (was the vocabulary resized without "
                    + "updating config.json?)");
        }
        throw new ModelFormatException("tensor '" + found.name() + "' in " + file + " has shape "
                + Arrays.toString(found.shape()) + ", but " + configFile + " implies " + Arrays.toString(expected)
                + " from " + spec.shapeSource());
    }

    private Optional<String> presentName(TensorSpec spec) {
        return spec.names().stream().filter(checkpoint.names()::contains).findFirst();
    }

    /// The fixed sinusoidal position table of DistilBERT / the original transformer,
    /// `[positions, dim]`, row-major: `sin(pos / 10000^(2 floor(j/2) / dim))` at even `j`,
    /// `cos(...)` at odd `j`, computed in double and rounded to float.
    static float[] sinusoidalTable(int positions, int dim) {
        float[] table = new float[positions * dim];
        for (int pos = 0; pos < positions; pos++) {
            for (int j = 0; j < dim; j++) {
                double angle = pos / Math.pow(10000, 2.0 * (j / 2) / dim);
                table[pos * dim + j] = (float) (j % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return table;
    }
}
