package org.sembridge.engine.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.DecoderTying;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.hf.TensorSpec;
import org.sembridge.engine.safetensors.TensorInfo;

/// The vocabulary-sized tensors of a source checkpoint, which a transfer replaces, under every
/// name they are stored under: the word embeddings always, the MLM decoder weight when it is
/// stored (tied-and-stored or untied), the decoder bias under each of its stored aliases, and
/// any other floating-point tensor whose first dimension is `vocab_size`.
///
/// Hugging Face checkpoints often store one parameter under two names: RoBERTa's
/// `lm_head.bias` is tied to `lm_head.decoder.bias`, BERT's `cls.predictions.bias` to
/// `cls.predictions.decoder.bias`. transformers loads both and refuses (or silently mis-sizes)
/// a checkpoint where only one has the new vocabulary size, so every alias gets the same new
/// values. Tensors not known to [org.sembridge.engine.hf.WeightLayout] whose first dimension is
/// the vocabulary (`[nS]`, `[nS, k]`, ...) are mapped row by row with the same plan as the
/// embeddings, so no vocabulary-sized tensor keeps the old size.
///
/// @param embeddings the stored name of the word-embedding matrix `[nS, d]`
/// @param decoderWeight the stored name of the decoder weight `[nS, d]`, if stored
/// @param decoderBiases every stored name of the decoder bias `[nS]` (empty without a head),
///     in [TensorSpec#names()] order; they hold one parameter and are read from the first
/// @param otherRows the other floating-point tensors with `nS` rows, in name order
/// @param tying how the decoder relates to the embeddings
record VocabularyTensors(String embeddings, Optional<String> decoderWeight, List<String> decoderBiases,
        List<TensorInfo> otherRows, DecoderTying tying) {

    VocabularyTensors {
        decoderBiases = List.copyOf(decoderBiases);
        otherRows = List.copyOf(otherRows);
    }

    /// Finds the tensors in `weights` (names as stored, whichever accepted spelling is used).
    static VocabularyTensors of(ModelWeights weights) throws ModelFormatException {
        String embeddings = stored(weights, weights.layout().spec(EncoderPart.WORD_EMBEDDINGS, 0, false)).stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("validated weights lack the word embeddings"));
        Optional<String> decoderWeight = Optional.empty();
        List<String> decoderBiases = List.of();
        if (weights.layout().hasMlmHead()) {
            decoderWeight = stored(weights, weights.layout().decoderWeight()).stream().findFirst();
            decoderBiases = stored(weights, weights.layout().spec(EncoderPart.DECODER, 0, true));
        }
        Set<String> known = new HashSet<>();
        weights.layout().tensors().forEach(spec -> known.addAll(spec.names()));
        known.add(embeddings);
        decoderWeight.ifPresent(known::add);
        known.addAll(decoderBiases);
        long rows = weights.config().vocabSize();
        List<TensorInfo> other = new ArrayList<>();
        for (String name : weights.checkpoint().names()) {
            TensorInfo info = weights.checkpoint().find(name).orElseThrow();
            if (!known.contains(name) && info.dtype().isFloatingPoint() && info.shape().length >= 1
                    && info.shape()[0] == rows) {
                other.add(info);
            }
        }
        other.sort(java.util.Comparator.comparing(TensorInfo::name));
        return new VocabularyTensors(embeddings, decoderWeight, decoderBiases, other, weights.decoderTying());
    }

    /// The name the decoder bias is read from: the first stored alias.
    Optional<String> decoderBias() {
        return decoderBiases.stream().findFirst();
    }

    /// Every replaced name, in checkpoint order of importance, for `run.json`.
    List<String> names() {
        return Stream.of(Stream.of(embeddings), decoderWeight.stream(), decoderBiases.stream(),
                otherRows.stream().map(TensorInfo::name))
                .flatMap(s -> s).toList();
    }

    private static List<String> stored(ModelWeights weights, TensorSpec spec) {
        return spec.names().stream().filter(name -> weights.checkpoint().find(name).isPresent()).toList();
    }
}
