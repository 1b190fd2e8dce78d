package org.sembridge.engine.run;

import java.util.List;
import java.util.Optional;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.DecoderTying;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.hf.TensorSpec;

/// The vocabulary-sized tensors of a source checkpoint, which a transfer replaces: the word
/// embeddings always, the MLM decoder weight when it is stored (tied-and-stored or untied), the
/// decoder bias when the model has an MLM head.
///
/// @param embeddings the stored name of the word-embedding matrix `[nS, d]`
/// @param decoderWeight the stored name of the decoder weight `[nS, d]`, if stored
/// @param decoderBias the stored name of the decoder bias `[nS]`, if present
/// @param tying how the decoder relates to the embeddings
record VocabularyTensors(String embeddings, Optional<String> decoderWeight, Optional<String> decoderBias,
        DecoderTying tying) {

    /// Finds the tensors in `weights` (names as stored, whichever accepted spelling is used).
    static VocabularyTensors of(ModelWeights weights) throws ModelFormatException {
        String embeddings = stored(weights, weights.layout().spec(EncoderPart.WORD_EMBEDDINGS, 0, false))
                .orElseThrow(() -> new IllegalStateException("validated weights lack the word embeddings"));
        Optional<String> decoderWeight = Optional.empty();
        Optional<String> decoderBias = Optional.empty();
        if (weights.layout().hasMlmHead()) {
            decoderWeight = stored(weights, weights.layout().decoderWeight());
            decoderBias = stored(weights, weights.layout().spec(EncoderPart.DECODER, 0, true));
        }
        return new VocabularyTensors(embeddings, decoderWeight, decoderBias, weights.decoderTying());
    }

    /// The names, in checkpoint order of importance, for `run.json`.
    List<String> names() {
        return java.util.stream.Stream.of(Optional.of(embeddings), decoderWeight, decoderBias)
                .flatMap(Optional::stream).toList();
    }

    private static Optional<String> stored(ModelWeights weights, TensorSpec spec) {
        return spec.names().stream().filter(name -> weights.checkpoint().find(name).isPresent()).findFirst();
    }
}
