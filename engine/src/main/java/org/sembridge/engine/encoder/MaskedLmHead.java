package org.sembridge.engine.encoder;

import ai.djl.ndarray.NDArray;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.HiddenActivation;
import org.sembridge.engine.hf.ModelConfig;
import org.sembridge.engine.hf.ModelFamily;

/// The masked-language-model head: `logits = LayerNorm(act(W h + b)) D^T + bias`, one score per
/// vocabulary token and position.
///
/// The activation is the config's `hidden_act` for BERT (`BertPredictionHeadTransform`), exact
/// GELU for RoBERTa and XLM-R (`RobertaLMHead` calls `gelu` whatever the config says), and
/// `activation` for DistilBERT. `D` is the word-embedding table when the decoder is tied, else
/// the stored decoder weight.
final class MaskedLmHead {

    private final LinearProjection transform;
    private final HiddenActivation activation;
    private final LayerNormalization norm;
    private final LinearProjection decoder;

    private MaskedLmHead(LinearProjection transform, HiddenActivation activation, LayerNormalization norm,
            LinearProjection decoder) {
        this.transform = transform;
        this.activation = activation;
        this.norm = norm;
        this.decoder = decoder;
    }

    /// Loads the head; `decoderWeight` is the tied word table or the uploaded decoder weight.
    static MaskedLmHead load(EncoderWeights weights, ModelConfig config, NDArray decoderWeight)
            throws ModelFormatException, OperationCancelledException {
        boolean roberta = config.family() == ModelFamily.ROBERTA || config.family() == ModelFamily.XLM_ROBERTA;
        return new MaskedLmHead(
                weights.linear(EncoderPart.HEAD_TRANSFORM, 0),
                roberta ? HiddenActivation.GELU : config.hiddenAct(),
                weights.norm(EncoderPart.HEAD_NORM, 0, config.layerNormEps()),
                new LinearProjection(decoderWeight, weights.decoderBias()));
    }

    /// Logits `[..., vocab]` of hidden states `[..., hidden]`, in the manager of `hidden`.
    NDArray forward(NDArray hidden) {
        return forward(hidden, StageClock.NONE);
    }

    /// As [#forward(NDArray)], reporting each stage's end to `clock`.
    NDArray forward(NDArray hidden, StageClock clock) {
        NDArray logits = decoder.apply(states(hidden, clock));
        clock.lap(ForwardStage.DECODER);
        return logits;
    }

    /// The head's states before the decoder, `LayerNorm(act(W h + b))` (`[..., hidden]`), in the
    /// manager of `hidden`, reporting each stage's end to `clock`.
    NDArray states(NDArray hidden, StageClock clock) {
        NDArray transformed = transform.apply(hidden);
        clock.lap(ForwardStage.HEAD_TRANSFORM);
        NDArray normalised = norm.apply(ActivationKernel.apply(activation, transformed));
        clock.lap(ForwardStage.HEAD_ACTIVATION_NORM);
        return normalised;
    }

    /// The decoder `D` (`[vocab, hidden]`) with its bias (`[vocab]`), owned by the model.
    LinearProjection decoder() {
        return decoder;
    }
}
