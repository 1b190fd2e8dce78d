package org.sembridge.engine.encoder;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.sembridge.engine.hf.ModelConfig;
import org.sembridge.engine.hf.TokenBatch;
import org.sembridge.engine.linalg.OpenBlas;

/// The CPU forward pass of the encoder layers outside libtorch: OpenBLAS `sgemm` ([OpenBlas],
/// FFM) for every matrix product, Java loops parallel over rows for the rest, on off-heap
/// memory. It computes what [EmbeddingLayer] and the [TransformerLayer]s compute with DJL, for
/// every family (BERT, RoBERTa, XLM-R, DistilBERT), from the same loaded weights read in place
/// ([HostTensors]: no second copy of the model).
///
/// Why: libtorch's CPU build multiplies with its bundled oneMKL, which on our AMD EPYC (AVX-512)
/// CPUs reaches less than half the GFLOP/s of OpenBLAS's SkylakeX kernels for the same shapes
/// (`bench encode` prints both), and runs each element-wise step as a separate pass with a fresh
/// temporary. Here each product writes into a buffer that lives for the whole batch, and its bias,
/// activation, residual and LayerNorm follow in one pass over the rows ([HostTransformerLayer]);
/// attention reads and writes the heads in place ([HostAttention]).
///
/// Memory: one shared arena per batch ([HostBuffers], bounded by the batch's rows), closed before
/// the call returns, also on failure; [#liveBytes()] counts what is allocated at the moment (0
/// between calls), which the leak tests check. Precision: float32 like the DJL path; sums are
/// taken in another order, and GELU uses a more accurate `erfc` ([HostActivation]), so results
/// agree with the DJL path to about 1e-6 relative, within the 1e-4 the numpy reference tests
/// demand. The MLM head and sentence pooling stay in DJL (a small share of the work); the SPLADE
/// decoder already runs on OpenBLAS ([MaxPooledDecoder]).
///
/// Used by [EncoderModel] on a CPU where OpenBLAS loads and every weight is float32 host memory
/// readable in place; elsewhere (a GPU, no OpenBLAS) the DJL path runs: one code path per device.
/// Not thread-safe (one batch at a time, like the model).
final class HostEncoder {

    private static final AtomicLong LIVE_BYTES = new AtomicLong();

    private final OpenBlas blas;
    private final HostEmbeddings embeddings;
    private final List<HostTransformerLayer> layers;
    private final int hidden;
    private final int intermediate;
    private final int heads;

    private HostEncoder(OpenBlas blas, HostEmbeddings embeddings, List<HostTransformerLayer> layers,
            ModelConfig config) {
        this.blas = blas;
        this.embeddings = embeddings;
        this.layers = List.copyOf(layers);
        this.hidden = config.hiddenSize();
        this.intermediate = config.intermediateSize();
        this.heads = config.numHeads();
    }

    /// The host pass over a loaded model's layers, or empty when OpenBLAS is not loaded or a
    /// weight cannot be read in place.
    static Optional<HostEncoder> of(EmbeddingLayer embeddingLayer, List<TransformerLayer> transformerLayers,
            ModelConfig config) {
        Optional<OpenBlas> blas = OpenBlas.available();
        if (blas.isEmpty()) {
            return Optional.empty();
        }
        Optional<HostEmbeddings> embeddings = HostEmbeddings.of(embeddingLayer);
        if (embeddings.isEmpty()) {
            return Optional.empty();
        }
        List<HostTransformerLayer> layers = new ArrayList<>();
        for (TransformerLayer layer : transformerLayers) {
            Optional<HostTransformerLayer> host = layer.onHost(blas.get());
            if (host.isEmpty()) {
                return Optional.empty();
            }
            layers.add(host.get());
        }
        return Optional.of(new HostEncoder(blas.get(), embeddings.get(), layers, config));
    }

    /// Off-heap bytes held by host passes in progress (all models); 0 between calls.
    static long liveBytes() {
        return LIVE_BYTES.get();
    }

    /// A short description for logs and benchmark reports, e.g. `OpenBLAS SkylakeX (2 threads) + Java`.
    String label() {
        return "OpenBLAS " + blas.coreName() + " (" + blas.threads() + " threads) + Java";
    }

    /// Last hidden states of `batch` (already checked by the model), `[size * length * hidden]`
    /// row-major, padding positions included, reporting each stage's end to `clock`.
    float[] hiddenStates(TokenBatch batch, int[] tokens, StageClock clock) {
        int length = batch.length();
        int rows = Math.multiplyExact(batch.size(), length);
        long bytes = HostBuffers.bytes(rows, hidden, intermediate, heads, length);
        try (Arena arena = Arena.ofShared()) {
            LIVE_BYTES.addAndGet(bytes);
            try {
                HostBuffers buffers = HostBuffers.allocate(arena, rows, hidden, intermediate, heads, length);
                embeddings.forward(batch, buffers.x());
                clock.lap(ForwardStage.EMBEDDINGS);
                for (HostTransformerLayer layer : layers) {
                    layer.forward(buffers, batch.size(), length, tokens, clock);
                }
                return buffers.x().asSlice(0, (long) rows * hidden * Float.BYTES).toArray(ValueLayout.JAVA_FLOAT);
            } finally {
                LIVE_BYTES.addAndGet(-bytes);
            }
        }
    }
}
