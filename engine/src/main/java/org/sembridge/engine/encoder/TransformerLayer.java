package org.sembridge.engine.encoder;

import java.util.Optional;

import ai.djl.ndarray.NDArray;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.HiddenActivation;
import org.sembridge.engine.hf.ModelConfig;
import org.sembridge.engine.linalg.OpenBlas;

/// One post-LayerNorm transformer encoder layer (BERT, RoBERTa, XLM-R, DistilBERT):
///
/// ```
/// a = LayerNorm(x + Wo * MultiHead(x))
/// y = LayerNorm(a + W2 * act(W1 * a))
/// MultiHead: softmax(Q K^T / sqrt(d) + mask) V per head, d = hidden / heads
/// ```
///
/// The additive mask is 0 on tokens and -1e9 on padding, so padded keys get zero attention
/// weight (transformers uses the float32 minimum; after softmax both give exactly 0).
/// Dropout is absent (inference). Results live in the manager of `x`. Residual additions, the
/// score scaling and the mask are applied in place on fresh products, so no extra temporary of
/// the layer's largest shapes is made.
final class TransformerLayer {

    private final LinearProjection query;
    private final LinearProjection key;
    private final LinearProjection value;
    private final LinearProjection attentionOutput;
    private final LayerNormalization attentionNorm;
    private final LinearProjection intermediate;
    private final LinearProjection output;
    private final LayerNormalization outputNorm;
    private final HiddenActivation activation;
    private final int heads;

    private TransformerLayer(LinearProjection query, LinearProjection key, LinearProjection value,
            LinearProjection attentionOutput, LayerNormalization attentionNorm, LinearProjection intermediate,
            LinearProjection output, LayerNormalization outputNorm, HiddenActivation activation, int heads) {
        this.query = query;
        this.key = key;
        this.value = value;
        this.attentionOutput = attentionOutput;
        this.attentionNorm = attentionNorm;
        this.intermediate = intermediate;
        this.output = output;
        this.outputNorm = outputNorm;
        this.activation = activation;
        this.heads = heads;
    }

    static TransformerLayer load(EncoderWeights weights, ModelConfig config, int layer)
            throws ModelFormatException, OperationCancelledException {
        return new TransformerLayer(
                weights.linear(EncoderPart.QUERY, layer),
                weights.linear(EncoderPart.KEY, layer),
                weights.linear(EncoderPart.VALUE, layer),
                weights.linear(EncoderPart.ATTENTION_OUTPUT, layer),
                weights.norm(EncoderPart.ATTENTION_NORM, layer, config.layerNormEps()),
                weights.linear(EncoderPart.INTERMEDIATE, layer),
                weights.linear(EncoderPart.OUTPUT, layer),
                weights.norm(EncoderPart.OUTPUT_NORM, layer, config.layerNormEps()),
                config.hiddenAct(),
                config.numHeads());
    }

    /// The same layer for the host forward pass ([HostTransformerLayer]) over these weights read
    /// in place, or empty when one cannot be.
    Optional<HostTransformerLayer> onHost(OpenBlas blas) {
        return HostTransformerLayer.of(blas, query, key, value, attentionOutput, attentionNorm, intermediate, output,
                outputNorm, activation, heads);
    }

    /// Transforms `x` `[batch, length, hidden]` given the additive mask `[batch, 1, 1, length]`.
    NDArray forward(NDArray x, NDArray additiveMask) {
        return forward(x, additiveMask, StageClock.NONE);
    }

    /// As [#forward(NDArray, NDArray)], reporting each stage's end to `clock`.
    NDArray forward(NDArray x, NDArray additiveMask, StageClock clock) {
        NDArray projected = attentionOutput.apply(attention(x, additiveMask, clock));
        clock.lap(ForwardStage.ATTENTION_OUTPUT);
        NDArray attended = attentionNorm.apply(projected.addi(x));
        clock.lap(ForwardStage.RESIDUAL_NORM);
        NDArray expanded = intermediate.apply(attended);
        clock.lap(ForwardStage.FEED_FORWARD_IN);
        NDArray inner = ActivationKernel.apply(activation, expanded);
        clock.lap(ForwardStage.ACTIVATION);
        NDArray contracted = output.apply(inner);
        clock.lap(ForwardStage.FEED_FORWARD_OUT);
        NDArray result = outputNorm.apply(contracted.addi(attended));
        clock.lap(ForwardStage.RESIDUAL_NORM);
        return result;
    }

    private NDArray attention(NDArray x, NDArray additiveMask, StageClock clock) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        long hidden = x.getShape().get(2);
        long headSize = hidden / heads;
        NDArray q = query.apply(x).reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
        NDArray kT = key.apply(x).reshape(batch, length, heads, headSize).transpose(0, 2, 3, 1);
        NDArray v = value.apply(x).reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
        clock.lap(ForwardStage.QKV_PROJECTIONS);
        NDArray rawScores = q.matMul(kT);
        clock.lap(ForwardStage.ATTENTION_SCORES);
        NDArray weights = rawScores.divi(Math.sqrt(headSize)).addi(additiveMask).softmax(-1);
        clock.lap(ForwardStage.SCALE_MASK_SOFTMAX);
        NDArray context = weights.matMul(v);
        clock.lap(ForwardStage.ATTENTION_CONTEXT);
        NDArray merged = context.transpose(0, 2, 1, 3).reshape(batch, length, hidden);
        clock.lap(ForwardStage.HEAD_MERGE);
        return merged;
    }
}
