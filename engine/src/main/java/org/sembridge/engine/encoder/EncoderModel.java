package org.sembridge.engine.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.DecoderTying;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelConfig;
import org.sembridge.engine.hf.ModelFamily;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.hf.TensorSpec;
import org.sembridge.engine.hf.TokenBatch;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A BERT-family encoder loaded onto one device: embeddings, `N` transformer layers and
/// optionally the MLM head, as float32 NDArrays owned by one `NDManager`.
///
/// The forward pass is written in DJL NDArray operations (no TorchScript) and reproduces
/// transformers' `*Model` / `*ForMaskedLM` in eval mode; the reference tests hold it to a
/// relative error of 1e-4 against an independent numpy implementation. On a CPU where the bundled
/// OpenBLAS loads, the embeddings and layers of a model at least [LayerPath#MIN_HOST_HIDDEN] wide
/// run on the host instead ([HostEncoder]: OpenBLAS products and Java loops over the same
/// weights, read in place), several times closer to the CPU's matrix-product speed than libtorch
/// there; narrower models keep DJL, whose fixed costs are lower ([LayerPath#forShape], from
/// measurements). The MLM head and pooling stay in DJL. A GPU always takes DJL. The system
/// property `sembridge.encoder.layers=djl|host` (e.g.
/// `SEMBRIDGE_JAVA_OPTS=-Dsembridge.encoder.layers=djl bin/sembridge bench encode`) overrides the
/// rule on the CPU, to measure one path against the other; `djl` then leaves OpenBLAS out of the
/// layers altogether.
///
/// Memory: the weights live in the model manager, which is capped after loading, so no
/// operation can attach to it by mistake. Each forward pass runs in a sub-manager of the
/// caller's scope, each layer in a sub-manager of its own, so at most one layer's temporaries
/// exist at a time; only the returned float arrays survive. Close the model to free the device
/// memory. Not thread-safe: use one model per engine thread.
public final class EncoderModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EncoderModel.class);

    /// The system property that overrides [LayerPath#forShape] on a CPU: `djl` or `host`.
    static final String LAYERS_PROPERTY = "sembridge.encoder.layers";

    /// Additive attention-mask value of padding positions (0 on tokens).
    private static final float MASKED = -1e9f;

    private final NDManager manager;
    private final ModelConfig config;
    private final SelectedDevice device;
    private final EmbeddingLayer embeddings;
    private final List<TransformerLayer> layers;
    private final MaskedLmHead head;
    private final DecoderTying decoderTying;
    /// The layers on the host (CPU with OpenBLAS, weights readable in place); null for DJL.
    private final HostEncoder host;
    /// Whether [#host] runs the layers (tests switch it off to compare with the DJL path).
    private boolean hostLayers;
    /// Set by [#close()]: the host layers' weight views are then invalid.
    private boolean closed;

    private EncoderModel(NDManager manager, ModelConfig config, SelectedDevice device, EmbeddingLayer embeddings,
            List<TransformerLayer> layers, MaskedLmHead head, DecoderTying decoderTying) {
        this.manager = manager;
        this.config = config;
        this.device = device;
        this.embeddings = embeddings;
        this.layers = List.copyOf(layers);
        this.head = head;
        this.decoderTying = decoderTying;
        Optional<LayerPath> override = layersOverride();
        LayerPath path = override.orElse(LayerPath.forShape(config.hiddenSize()));
        // The host pass is built whenever it may run (tests switch between the two paths); a `djl`
        // override leaves OpenBLAS out of the layers altogether.
        this.host = device.isGpu() || override.orElse(null) == LayerPath.DJL ? null
                : HostEncoder.of(embeddings, this.layers, config).orElse(null);
        this.hostLayers = host != null && path == LayerPath.HOST;
    }

    /// The [#LAYERS_PROPERTY] override; a value other than `djl` or `host` is reported once per
    /// model load and ignored (the shape then decides).
    private static Optional<LayerPath> layersOverride() {
        try {
            return LayerPath.parse(System.getProperty(LAYERS_PROPERTY));
        } catch (IllegalArgumentException e) {
            LOG.warn("{}; the model's width decides instead", e.getMessage());
            return Optional.empty();
        }
    }

    /// Loads the encoder only (no MLM head), e.g. for a bridge sentence encoder.
    ///
    /// @throws ModelFormatException when the weights disagree with `config.json` (see
    ///     [ModelWeights#open]) or hold NaN/Inf
    public static EncoderModel loadEncoder(HfModelFolder folder, SelectedDevice device) throws ModelFormatException {
        return Uncancellable.run(cancel -> load(folder, device, false, ProgressListener.NONE, cancel));
    }

    /// As [#loadEncoder(HfModelFolder, SelectedDevice)], reporting progress in weight elements
    /// and checking `cancel` once per tensor.
    ///
    /// @throws OperationCancelledException when cancelled; nothing stays allocated
    public static EncoderModel loadEncoder(HfModelFolder folder, SelectedDevice device, ProgressListener progress,
            CancellationToken cancel) throws ModelFormatException, OperationCancelledException {
        return load(folder, device, false, progress, cancel);
    }

    /// Loads the encoder and its masked-language-model head, e.g. for SPLADE.
    ///
    /// @throws ModelFormatException when the checkpoint has no MLM head (naming the expected
    ///     head tensor), or the weights disagree with `config.json` or hold NaN/Inf
    public static EncoderModel loadMaskedLm(HfModelFolder folder, SelectedDevice device) throws ModelFormatException {
        return Uncancellable.run(cancel -> load(folder, device, true, ProgressListener.NONE, cancel));
    }

    /// As [#loadMaskedLm(HfModelFolder, SelectedDevice)], reporting progress in weight elements
    /// and checking `cancel` once per tensor.
    ///
    /// @throws OperationCancelledException when cancelled; nothing stays allocated
    public static EncoderModel loadMaskedLm(HfModelFolder folder, SelectedDevice device, ProgressListener progress,
            CancellationToken cancel) throws ModelFormatException, OperationCancelledException {
        return load(folder, device, true, progress, cancel);
    }

    private static EncoderModel load(HfModelFolder folder, SelectedDevice device, boolean withHead,
            ProgressListener progress, CancellationToken cancel) throws ModelFormatException, OperationCancelledException {
        long start = System.nanoTime();
        ModelConfig config = folder.config();
        try (ModelWeights weights = folder.openWeights()) {
            if (withHead && !weights.layout().hasMlmHead()) {
                throw new ModelFormatException(folder.weightSource() + " has no masked-language-model head: tensor '"
                        + weights.layout().spec(EncoderPart.HEAD_TRANSFORM, 0, false).name()
                        + "' not found; a sparse (SPLADE) encoder needs a *ForMaskedLM checkpoint");
            }
            DecoderTying tying = withHead ? weights.decoderTying() : DecoderTying.NO_HEAD;
            long expected = uploadSize(weights, withHead, tying);
            NDManager manager = NDManager.newBaseManager(device.device(), "PyTorch");
            try {
                EncoderWeights uploader = new EncoderWeights(weights, manager, progress, cancel, expected);
                EmbeddingLayer embeddings = EmbeddingLayer.load(uploader, config,
                        config.family() != ModelFamily.DISTILBERT);
                List<TransformerLayer> layers = new ArrayList<>();
                for (int layer = 0; layer < config.numLayers(); layer++) {
                    layers.add(TransformerLayer.load(uploader, config, layer));
                }
                MaskedLmHead head = null;
                if (withHead) {
                    NDArray decoder = tying.isTied() ? embeddings.wordTable()
                            : uploader.upload(EncoderPart.DECODER, 0, false);
                    head = MaskedLmHead.load(uploader, config, decoder);
                }
                manager.cap();
                EncoderModel model = new EncoderModel(manager, config, device, embeddings, layers, head, tying);
                LOG.info("Loaded {} {} from {} on {}: {} layers, hidden {}, vocab {}, {} M parameters, {}, layers on {}"
                                + " in {} ms", config.family().modelType(), withHead ? "masked LM" : "encoder",
                        folder.directory(), device, config.numLayers(), config.hiddenSize(), config.vocabSize(),
                        String.format("%.1f", uploader.uploadedElements() / 1e6),
                        withHead ? "decoder " + tying.description() : "no head", model.layersBackend(),
                        (System.nanoTime() - start) / 1_000_000);
                return model;
            } catch (ModelFormatException | OperationCancelledException | RuntimeException | Error e) {
                manager.close();
                throw e;
            }
        }
    }

    /// Elements that loading uploads: every tensor of the encoder (and head), the position table
    /// even when computed, the decoder weight only when untied.
    private static long uploadSize(ModelWeights weights, boolean withHead, DecoderTying tying) {
        return weights.layout().tensors().stream()
                .filter(spec -> withHead || !spec.part().head())
                .filter(spec -> !spec.optional() || spec.part() == EncoderPart.POSITION_EMBEDDINGS
                        || tying == DecoderTying.UNTIED)
                .mapToLong(TensorSpec::elementCount)
                .sum();
    }

    /// The model's configuration.
    public ModelConfig config() {
        return config;
    }

    /// The device holding the weights.
    public SelectedDevice device() {
        return device;
    }

    /// Whether the MLM head was loaded.
    public boolean hasMlmHead() {
        return head != null;
    }

    /// How the loaded decoder relates to the word embeddings ([DecoderTying#NO_HEAD] for an
    /// encoder loaded without head).
    public DecoderTying decoderTying() {
        return decoderTying;
    }

    /// Where the embeddings and layers run: `OpenBLAS <kernels> (<n> threads) + Java` on the host
    /// ([HostEncoder]) or `DJL <device>`.
    public String layersBackend() {
        return hostLayers ? host.label() : "DJL " + device.name();
    }

    /// Last hidden states `[batch][length][hidden]` of a token batch (padding positions
    /// included; they carry no meaning).
    public float[][][] hiddenStates(TokenBatch batch) {
        checkBatch(batch);
        int[] tokens = hostLayers ? hostTokenCounts(batch) : null;
        if (tokens != null) {
            return unflatten(host.hiddenStates(batch, tokens, StageClock.NONE), batch.size(), batch.length(),
                    config.hiddenSize());
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray hidden = encode(scope, batch);
            return unflatten(hidden.toFloatArray(), batch.size(), batch.length(), config.hiddenSize());
        }
    }

    /// MLM logits `[batch][length][vocab]` of a token batch. Meant for inspection and tests:
    /// the array has `batch * length * vocab` floats.
    ///
    /// @throws IllegalStateException when the model was loaded without its head
    public float[][][] maskedLmLogits(TokenBatch batch) {
        requireHead();
        try (NDManager scope = manager.newSubManager()) {
            NDArray logits = head.forward(encode(scope, batch));
            return unflatten(logits.toFloatArray(), batch.size(), batch.length(), config.vocabSize());
        }
    }

    /// The manager owning the weights; forward passes use sub-managers of it.
    NDManager manager() {
        return manager;
    }

    /// Runs the encoder on `batch`; the hidden states `[batch, length, hidden]` live in `scope`.
    NDArray encode(NDManager scope, TokenBatch batch) {
        return encode(scope, batch, StageClock.NONE);
    }

    /// As [#encode(NDManager, TokenBatch)], reporting each stage's end to `clock`. The host layers
    /// ([HostEncoder]) compute the states when they are in use and the batch's attention mask is
    /// a prefix of ones per text (always for tokenizer batches); they then enter `scope` as one array.
    NDArray encode(NDManager scope, TokenBatch batch, StageClock clock) {
        checkBatch(batch);
        int[] tokens = hostLayers ? hostTokenCounts(batch) : null;
        if (tokens != null) {
            float[] hidden = host.hiddenStates(batch, tokens, clock);
            return scope.create(hidden, new Shape(batch.size(), batch.length(), config.hiddenSize()));
        }
        NDArray ids = scope.create(batch.ids());
        NDArray additiveMask = scope.create(batch.attentionMask()).toType(DataType.FLOAT32, false)
                .sub(1f).mul(-MASKED).reshape(batch.size(), 1, 1, batch.length());
        NDArray hidden = embeddings.forward(scope, ids);
        clock.lap(ForwardStage.EMBEDDINGS);
        for (TransformerLayer layer : layers) {
            try (NDManager layerScope = scope.newSubManager()) {
                hidden.attach(layerScope);
                hidden = layer.forward(hidden, additiveMask, clock);
                hidden.attach(scope);
            }
        }
        return hidden;
    }

    /// MLM logits of hidden states, in the manager of `hidden`.
    NDArray logits(NDArray hidden) {
        return logits(hidden, StageClock.NONE);
    }

    /// As [#logits(NDArray)], reporting each stage's end to `clock`.
    NDArray logits(NDArray hidden, StageClock clock) {
        requireHead();
        return head.forward(hidden, clock);
    }

    /// The MLM head's states before the decoder (`[..., hidden]`) of hidden states, in the
    /// manager of `hidden` ([MaskedLmHead#states]).
    NDArray headStates(NDArray hidden, StageClock clock) {
        requireHead();
        return head.states(hidden, clock);
    }

    /// The MLM decoder (`[vocab, hidden]` and bias), owned by this model's manager.
    LinearProjection decoder() {
        requireHead();
        return head.decoder();
    }

    /// Whether the layers run on the host ([HostEncoder]) rather than in DJL.
    boolean hostLayers() {
        return hostLayers;
    }

    /// Runs the layers on the host (when available) or in DJL: the switch the tests comparing the
    /// two paths use. Returns whether the host layers are now in use.
    boolean useHostLayers(boolean enabled) {
        hostLayers = enabled && host != null && !closed;
        return hostLayers;
    }

    /// Frees every weight on the device; idempotent. The host layers read those weights in place,
    /// so they are switched off first: a closed model fails like the DJL path does.
    @Override
    public void close() {
        closed = true;
        hostLayers = false;
        manager.close();
    }

    private void requireHead() {
        if (head == null) {
            throw new IllegalStateException("the model was loaded without its MLM head (use loadMaskedLm)");
        }
    }

    private void checkBatch(TokenBatch batch) {
        if (batch.size() == 0 || batch.length() == 0) {
            throw new IllegalArgumentException("empty token batch");
        }
        if (batch.length() > config.maxTokens()) {
            throw new IllegalArgumentException("batch length " + batch.length() + " exceeds the model's "
                    + config.maxTokens() + " positions");
        }
        for (long[] row : batch.ids()) {
            for (long id : row) {
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("token id " + id + " outside the vocabulary [0, "
                            + config.vocabSize() + ")");
                }
            }
        }
    }

    private static float[][][] unflatten(float[] flat, int batch, int length, int width) {
        float[][][] out = new float[batch][length][width];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                System.arraycopy(flat, (b * length + t) * width, out[b][t], 0, width);
            }
        }
        return out;
    }

    /// Real tokens per text for the host layers: right padding and at least one token per text,
    /// else null (the DJL path then applies the mask as given).
    private static int[] hostTokenCounts(TokenBatch batch) {
        int[] counts = batch.realTokenCounts();
        return counts == null || Arrays.stream(counts).anyMatch(count -> count == 0) ? null : counts;
    }
}
