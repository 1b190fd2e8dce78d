package org.sembridge.engine.run;

import java.util.ArrayList;
import java.util.List;

import org.sembridge.engine.hf.DecoderTying;
import org.sembridge.engine.transfer.FloatMatrix;

/// The vocabulary-sized matrices of the adapted model: the mapped matrices from the
/// [MatrixTransfer], the decoder bias by [BiasMode].
///
/// @param embeddings `E_t`, `nT x d`
/// @param decoderWeight the untied decoder weight `nT x d`, else `null`
/// @param bias the decoder bias `[nT]`, else `null`
/// @param otherRows the other vocabulary-sized tensors, `nT x k` each, in
///     [SourceMatrices#otherRows()] order
record TargetMatrices(FloatMatrix embeddings, FloatMatrix decoderWeight, float[] bias, List<FloatMatrix> otherRows) {

    TargetMatrices {
        otherRows = List.copyOf(otherRows);
    }

    /// Builds the target matrices from `mapped`, the transfer of `source.mappedMatrices()` (same
    /// order), and the bias mode.
    static TargetMatrices of(SourceMatrices source, List<FloatMatrix> mapped, int targetSize) {
        int next = 0;
        FloatMatrix embeddings = mapped.get(next++);
        FloatMatrix decoder = source.decoderWeight() == null ? null : mapped.get(next++);
        float[] bias = null;
        if (source.decoderBias() != null) {
            bias = switch (source.biasMode()) {
                case INDEX -> byIndex(source.decoderBias(), targetSize);
                case ZERO -> new float[targetSize];
                case MAPPED -> mapped.get(next).values();
            };
        }
        if (source.mapsBias()) {
            next++;
        }
        return new TargetMatrices(embeddings, decoder, bias, mapped.subList(next, mapped.size()));
    }

    /// The bias written for target token `id` (0 when the model has none).
    float biasOf(int id) {
        return bias == null ? 0.0f : bias[id];
    }

    /// The tensors that replace the source's vocabulary-sized ones, under every name the source
    /// stores them under (each decoder-bias alias gets the same values).
    List<AdaptedModelWriter.ReplacedTensor> replacedTensors(SourceMatrices source) {
        VocabularyTensors names = source.tensors();
        long rows = embeddings.rows();
        long[] matrixShape = {rows, embeddings.columns()};
        List<AdaptedModelWriter.ReplacedTensor> replaced = new ArrayList<>(3);
        replaced.add(new AdaptedModelWriter.ReplacedTensor(names.embeddings(), matrixShape, embeddings.values()));
        names.decoderWeight().ifPresent(name -> replaced.add(new AdaptedModelWriter.ReplacedTensor(name, matrixShape,
                names.tying() == DecoderTying.UNTIED ? decoderWeight.values() : embeddings.values())));
        for (String name : names.decoderBiases()) {
            replaced.add(new AdaptedModelWriter.ReplacedTensor(name, new long[] {rows}, bias));
        }
        for (int i = 0; i < otherRows.size(); i++) {
            String name = names.otherRows().get(i).name();
            long[] shape = names.otherRows().get(i).shape().clone();
            shape[0] = rows;
            replaced.add(new AdaptedModelWriter.ReplacedTensor(name, shape, otherRows.get(i).values()));
        }
        return replaced;
    }

    /// Hugging Face `resize_token_embeddings` semantics: entry `x` kept for `x < nS`, zero beyond.
    private static float[] byIndex(float[] sourceBias, int targetSize) {
        float[] bias = new float[targetSize];
        System.arraycopy(sourceBias, 0, bias, 0, Math.min(sourceBias.length, targetSize));
        return bias;
    }
}
