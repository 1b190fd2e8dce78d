package org.sembridge.engine.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.DecoderTying;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.safetensors.TensorInfo;
import org.sembridge.engine.transfer.FloatMatrix;

/// The vocabulary-sized matrices of the source model that a transfer maps: the word embeddings,
/// an untied decoder weight, and the decoder bias (as `nS x 1`) when it is mapped.
///
/// The plan sees only the rows of tokens the source tokenizer defines (`tokenizerSize`, usually
/// all `nS` rows; some checkpoints pad `vocab_size` beyond the tokenizer): those are the rows
/// with a bridge vector. Overlap copies and the `index` bias mode use the full matrices.
///
/// @param tensors the stored names and the decoder tying
/// @param embeddings `E_s`, `nS x d`
/// @param decoderWeight the untied decoder weight `nS x d`, else `null`
/// @param decoderBias the decoder bias `[nS]`, else `null`
/// @param otherRows the other vocabulary-sized tensors ([VocabularyTensors#otherRows()]), each
///     as `nS x (product of its other dimensions)`, in the same order
/// @param tokenizerSize tokens of the source tokenizer, `<= nS`
/// @param biasMode how the bias is carried over
record SourceMatrices(VocabularyTensors tensors, FloatMatrix embeddings, FloatMatrix decoderWeight,
        float[] decoderBias, List<FloatMatrix> otherRows, int tokenizerSize, BiasMode biasMode) {

    SourceMatrices {
        otherRows = List.copyOf(otherRows);
    }

    /// Reads the matrices of `weights`.
    ///
    /// @throws ModelFormatException when a tensor cannot be read or the tokenizer has more
    ///     tokens than the embedding matrix has rows
    static SourceMatrices read(ModelWeights weights, int tokenizerSize, BiasMode biasMode)
            throws ModelFormatException {
        VocabularyTensors tensors = VocabularyTensors.of(weights);
        int rows = weights.config().vocabSize();
        int hidden = weights.config().hiddenSize();
        if (tokenizerSize > rows) {
            throw new ModelFormatException(weights.checkpoint().source() + ": the source tokenizer has "
                    + tokenizerSize + " tokens but the embedding matrix " + tensors.embeddings() + " only " + rows
                    + " rows (vocab_size); they must agree");
        }
        FloatMatrix embeddings = new FloatMatrix(rows, hidden, weights.readWordEmbeddings());
        FloatMatrix decoder = null;
        if (tensors.tying() == DecoderTying.UNTIED) {
            decoder = new FloatMatrix(rows, hidden,
                    weights.checkpoint().readFiniteFloats(tensors.decoderWeight().orElseThrow()));
        }
        float[] bias = tensors.decoderBias().isPresent()
                ? weights.checkpoint().readFiniteFloats(tensors.decoderBias().get())
                : null;
        List<FloatMatrix> other = new ArrayList<>();
        for (TensorInfo info : tensors.otherRows()) {
            String name = info.name();
            long[] shape = info.shape();
            long columns = 1;
            for (int i = 1; i < shape.length; i++) {
                columns *= shape[i];
            }
            if ((long) rows * columns > Integer.MAX_VALUE) {
                throw new ModelFormatException(weights.checkpoint().fileOf(name) + ": tensor '" + name + "' of shape "
                        + Arrays.toString(shape) + " has vocab_size=" + rows + " rows but more than 2^31 - 1 values; "
                        + "vocabulary-sized tensors this large are not supported");
            }
            other.add(new FloatMatrix(rows, (int) columns, weights.checkpoint().readFiniteFloats(name)));
        }
        return new SourceMatrices(tensors, embeddings, decoder, bias, other, tokenizerSize, biasMode);
    }

    /// Whether the decoder bias is mapped with the plan.
    boolean mapsBias() {
        return decoderBias != null && biasMode == BiasMode.MAPPED;
    }

    /// `E_s` restricted to the tokenizer's tokens: what the plan is computed on.
    FloatMatrix planEmbeddings() {
        if (embeddings.rows() == tokenizerSize) {
            return embeddings;
        }
        return new FloatMatrix(tokenizerSize, embeddings.columns(),
                Arrays.copyOf(embeddings.values(), tokenizerSize * embeddings.columns()));
    }

    /// The matrices mapped like the embeddings, in this order: embeddings, the untied decoder (if
    /// any), the bias as `nS x 1` (if mapped), then [#otherRows()].
    List<FloatMatrix> mappedMatrices() {
        List<FloatMatrix> matrices = new ArrayList<>(3);
        matrices.add(embeddings);
        if (decoderWeight != null) {
            matrices.add(decoderWeight);
        }
        if (mapsBias()) {
            matrices.add(new FloatMatrix(decoderBias.length, 1, decoderBias));
        }
        matrices.addAll(otherRows);
        return matrices;
    }
}
