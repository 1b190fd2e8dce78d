package org.sembridge.engine.encoder;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

import org.sembridge.engine.hf.HiddenActivation;
import org.sembridge.engine.linalg.OpenBlas;

/// One post-LayerNorm encoder layer of the host forward pass ([HostEncoder]), the same function
/// as [TransformerLayer]:
///
/// ```
/// q, k, v = x Wq^T + bq, x Wk^T + bk, x Wv^T + bv          OpenBLAS + one Java pass
/// c = MultiHead(q, k, v)                                    HostAttention
/// a = LayerNorm(c Wo^T + bo + x)                            OpenBLAS + one Java pass
/// y = LayerNorm(act(a W1^T + b1) W2^T + b2 + a)             OpenBLAS, Java, OpenBLAS, Java
/// ```
///
/// Every bias, activation, residual and LayerNorm is folded into one parallel Java pass over the
/// product's rows (a row is copied to a Java array, transformed, copied back). Buffers: `q`
/// takes both output products, `k` the attended rows `a` once attention is done.
final class HostTransformerLayer {

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final OpenBlas blas;
    private final HostLinear query;
    private final HostLinear key;
    private final HostLinear value;
    private final HostLinear attentionOutput;
    private final HostNorm attentionNorm;
    private final HostLinear intermediate;
    private final HostLinear output;
    private final HostNorm outputNorm;
    private final HiddenActivation activation;
    private final HostAttention attention;

    private HostTransformerLayer(OpenBlas blas, HostLinear query, HostLinear key, HostLinear value,
            HostLinear attentionOutput, HostNorm attentionNorm, HostLinear intermediate, HostLinear output,
            HostNorm outputNorm, HiddenActivation activation, int heads) {
        this.blas = blas;
        this.query = query;
        this.key = key;
        this.value = value;
        this.attentionOutput = attentionOutput;
        this.attentionNorm = attentionNorm;
        this.intermediate = intermediate;
        this.output = output;
        this.outputNorm = outputNorm;
        this.activation = activation;
        this.attention = new HostAttention(blas, heads, query.out());
    }

    /// The host view of a layer's parts, or empty when a weight cannot be read in place.
    static Optional<HostTransformerLayer> of(OpenBlas blas, LinearProjection query, LinearProjection key,
            LinearProjection value, LinearProjection attentionOutput, LayerNormalization attentionNorm,
            LinearProjection intermediate, LinearProjection output, LayerNormalization outputNorm,
            HiddenActivation activation, int heads) {
        Optional<HostLinear> q = HostLinear.of(query);
        Optional<HostLinear> k = HostLinear.of(key);
        Optional<HostLinear> v = HostLinear.of(value);
        Optional<HostLinear> o = HostLinear.of(attentionOutput);
        Optional<HostLinear> in = HostLinear.of(intermediate);
        Optional<HostLinear> out = HostLinear.of(output);
        if (q.isEmpty() || k.isEmpty() || v.isEmpty() || o.isEmpty() || in.isEmpty() || out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HostTransformerLayer(blas, q.get(), k.get(), v.get(), o.get(),
                HostNorm.of(attentionNorm), in.get(), out.get(), HostNorm.of(outputNorm), activation, heads));
    }

    /// Transforms `buffers.x()` in place: `texts` texts of padded length `length`, text `i`
    /// having `tokens[i]` real tokens.
    void forward(HostBuffers buffers, int texts, int length, int[] tokens, StageClock clock) {
        int rows = buffers.rows();
        int hidden = query.out();
        query.multiply(blas, buffers.x(), rows, buffers.q());
        key.multiply(blas, buffers.x(), rows, buffers.k());
        value.multiply(blas, buffers.x(), rows, buffers.v());
        ParallelRows.forEach(rows, 3 * hidden, (from, to) -> {
            float[] row = new float[hidden];
            for (int r = from; r < to; r++) {
                addBias(buffers.q(), r, row, query.bias());
                addBias(buffers.k(), r, row, key.bias());
                addBias(buffers.v(), r, row, value.bias());
            }
        });
        clock.lap(ForwardStage.QKV_PROJECTIONS);
        attention.apply(buffers.q(), buffers.k(), buffers.v(), buffers.context(), texts, length, tokens,
                buffers.scores(), clock);
        attentionOutput.multiply(blas, buffers.context(), rows, buffers.q());
        clock.lap(ForwardStage.ATTENTION_OUTPUT);
        residualNorm(buffers.q(), attentionOutput.bias(), buffers.x(), attentionNorm, buffers.k(), rows);
        clock.lap(ForwardStage.RESIDUAL_NORM);
        intermediate.multiply(blas, buffers.k(), rows, buffers.inner());
        clock.lap(ForwardStage.FEED_FORWARD_IN);
        int width = intermediate.out();
        ParallelRows.forEach(rows, width, (from, to) -> {
            float[] row = new float[width];
            for (int r = from; r < to; r++) {
                long offset = (long) r * width * Float.BYTES;
                MemorySegment.copy(buffers.inner(), FLOAT, offset, row, 0, width);
                HostActivation.apply(activation, row, width, intermediate.bias());
                MemorySegment.copy(row, 0, buffers.inner(), FLOAT, offset, width);
            }
        });
        clock.lap(ForwardStage.ACTIVATION);
        output.multiply(blas, buffers.inner(), rows, buffers.q());
        clock.lap(ForwardStage.FEED_FORWARD_OUT);
        residualNorm(buffers.q(), output.bias(), buffers.k(), outputNorm, buffers.x(), rows);
        clock.lap(ForwardStage.RESIDUAL_NORM);
    }

    private static void addBias(MemorySegment matrix, int r, float[] row, float[] bias) {
        int width = bias.length;
        long offset = (long) r * width * Float.BYTES;
        MemorySegment.copy(matrix, FLOAT, offset, row, 0, width);
        for (int i = 0; i < width; i++) {
            row[i] += bias[i];
        }
        MemorySegment.copy(row, 0, matrix, FLOAT, offset, width);
    }

    /// `out = LayerNorm(product + bias + residual)` row by row, in parallel.
    private static void residualNorm(MemorySegment product, float[] bias, MemorySegment residual, HostNorm norm,
            MemorySegment out, int rows) {
        int width = bias.length;
        ParallelRows.forEach(rows, width, (from, to) -> {
            float[] row = new float[width];
            float[] skip = new float[width];
            for (int r = from; r < to; r++) {
                long offset = (long) r * width * Float.BYTES;
                MemorySegment.copy(product, FLOAT, offset, row, 0, width);
                MemorySegment.copy(residual, FLOAT, offset, skip, 0, width);
                for (int i = 0; i < width; i++) {
                    row[i] = row[i] + bias[i] + skip[i];
                }
                norm.apply(row);
                MemorySegment.copy(row, 0, out, FLOAT, offset, width);
            }
        });
    }
}
