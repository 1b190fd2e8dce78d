package org.sembridge.engine.run;

import java.util.ArrayList;
import java.util.List;

import org.sembridge.engine.hf.DecoderTying;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.vocab.OverlapMap;

/// The vocabulary-sized matrices of the adapted model: overlap rows copied from the source, new
/// rows from the plan, the decoder bias by [BiasMode].
///
/// @param embeddings `E_t`, `nT x d`
/// @param decoderWeight the untied decoder weight `nT x d`, else `null`
/// @param bias the decoder bias `[nT]`, else `null`
/// @param alignments the plan's alignments of the new tokens (empty for statistical methods)
record TargetMatrices(FloatMatrix embeddings, FloatMatrix decoderWeight, float[] bias,
        List<TokenAlignment> alignments) {

    /// Builds the target matrices.
    ///
    /// @param newIds the target ids the plan built, ascending
    /// @param newRows the plan's rows for `source.planMatrices()`, same order (empty when
    ///     `newIds` is empty)
    static TargetMatrices assemble(SourceMatrices source, OverlapMap overlap, int[] newIds, List<FloatMatrix> newRows,
            BiasMode mode) {
        int next = 0;
        FloatMatrix embeddings = rows(source.embeddings(), overlap, newIds, newIds.length == 0 ? null
                : newRows.get(next++));
        FloatMatrix decoder = null;
        if (source.decoderWeight() != null) {
            decoder = rows(source.decoderWeight(), overlap, newIds, newIds.length == 0 ? null : newRows.get(next++));
        }
        float[] bias = null;
        if (source.decoderBias() != null) {
            bias = switch (mode) {
                case INDEX -> byIndex(source.decoderBias(), overlap.targetSize());
                case ZERO -> new float[overlap.targetSize()];
                case MAPPED -> rows(new FloatMatrix(source.decoderBias().length, 1, source.decoderBias()), overlap,
                        newIds, newIds.length == 0 ? null : newRows.get(next)).values();
            };
        }
        return new TargetMatrices(embeddings, decoder, bias, List.of());
    }

    /// The same matrices with the plan's alignments.
    TargetMatrices withAlignments(List<TokenAlignment> newAlignments) {
        return new TargetMatrices(embeddings, decoderWeight, bias, List.copyOf(newAlignments));
    }

    /// The bias written for target token `id` (0 when the model has none).
    float biasOf(int id) {
        return bias == null ? 0.0f : bias[id];
    }

    /// The tensors that replace the source's vocabulary-sized ones, under the source's names.
    List<AdaptedModelWriter.ReplacedTensor> replacedTensors(SourceMatrices source) {
        VocabularyTensors names = source.tensors();
        long rows = embeddings.rows();
        long[] matrixShape = {rows, embeddings.columns()};
        List<AdaptedModelWriter.ReplacedTensor> replaced = new ArrayList<>(3);
        replaced.add(new AdaptedModelWriter.ReplacedTensor(names.embeddings(), matrixShape, embeddings.values()));
        names.decoderWeight().ifPresent(name -> replaced.add(new AdaptedModelWriter.ReplacedTensor(name, matrixShape,
                names.tying() == DecoderTying.UNTIED ? decoderWeight.values() : embeddings.values())));
        names.decoderBias().ifPresent(name -> replaced.add(new AdaptedModelWriter.ReplacedTensor(name,
                new long[] {rows}, bias)));
        return replaced;
    }

    /// HF `resize_token_embeddings` semantics: entry `x` kept for `x < nS`, zero beyond.
    private static float[] byIndex(float[] sourceBias, int targetSize) {
        float[] bias = new float[targetSize];
        System.arraycopy(sourceBias, 0, bias, 0, Math.min(sourceBias.length, targetSize));
        return bias;
    }

    /// Row `x` of the result is `matrix[src(x)]` for overlap tokens, `newRows[k]` for `newIds[k]`.
    private static FloatMatrix rows(FloatMatrix matrix, OverlapMap overlap, int[] newIds, FloatMatrix newRows) {
        int columns = matrix.columns();
        FloatMatrix result = FloatMatrix.zeros(overlap.targetSize(), columns);
        for (int id = 0; id < overlap.targetSize(); id++) {
            int sourceId = overlap.sourceId(id);
            if (sourceId >= 0) {
                System.arraycopy(matrix.values(), sourceId * columns, result.values(), id * columns, columns);
            }
        }
        for (int k = 0; k < newIds.length; k++) {
            System.arraycopy(newRows.values(), k * columns, result.values(), newIds[k] * columns, columns);
        }
        return result;
    }
}
