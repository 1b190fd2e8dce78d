package org.sembridge.engine.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.ModelConfig;

/// The input layer: `LayerNorm(word[ids] + position[pos] + tokenType[0])`.
///
/// Position ids are `0 .. n-1` (BERT, DistilBERT) or, for RoBERTa and XLM-R,
/// `cumsum(ids != pad) * (ids != pad) + pad`, as transformers'
/// `create_position_ids_from_input_ids` (padding positions get `pad`). Every text is a single
/// segment, so the token-type row 0 is added everywhere; DistilBERT has no token types.
final class EmbeddingLayer {

    private final NDArray words;
    private final NDArray positions;
    private final NDArray tokenTypes;
    private final LayerNormalization norm;
    private final boolean paddingOffsetPositions;
    private final long padTokenId;

    private EmbeddingLayer(NDArray words, NDArray positions, NDArray tokenTypes, LayerNormalization norm,
            boolean paddingOffsetPositions, long padTokenId) {
        this.words = words;
        this.positions = positions;
        this.tokenTypes = tokenTypes;
        this.norm = norm;
        this.paddingOffsetPositions = paddingOffsetPositions;
        this.padTokenId = padTokenId;
    }

    static EmbeddingLayer load(EncoderWeights weights, ModelConfig config, boolean hasTokenTypes)
            throws ModelFormatException, OperationCancelledException {
        return new EmbeddingLayer(
                weights.table(EncoderPart.WORD_EMBEDDINGS),
                weights.table(EncoderPart.POSITION_EMBEDDINGS),
                hasTokenTypes ? weights.table(EncoderPart.TOKEN_TYPE_EMBEDDINGS) : null,
                weights.norm(EncoderPart.EMBEDDING_NORM, 0, config.layerNormEps()),
                config.family().offsetsPositionsByPadding(),
                config.padTokenId());
    }

    /// The word-embedding table `[vocab, hidden]` (shared with a tied decoder).
    NDArray wordTable() {
        return words;
    }

    /// The position table `[positions, hidden]`.
    NDArray positionTable() {
        return positions;
    }

    /// The token-type table (`[types, hidden]`; row 0 is added), null for DistilBERT.
    NDArray tokenTypeTable() {
        return tokenTypes;
    }

    /// The LayerNorm after the sum.
    LayerNormalization norm() {
        return norm;
    }

    /// Whether position ids are offset by padding (RoBERTa, XLM-R), see the class comment.
    boolean paddingOffsetPositions() {
        return paddingOffsetPositions;
    }

    /// The padding token id (the position offset of RoBERTa-family models).
    long padTokenId() {
        return padTokenId;
    }

    /// Embeds `ids` `[batch, length]` (INT64, in `scope`) to `[batch, length, hidden]` in `scope`.
    NDArray forward(NDManager scope, NDArray ids) {
        NDArray sum = lookup(ids, words).add(lookup(positionIds(scope, ids), positions));
        if (tokenTypes != null) {
            sum = sum.add(tokenTypes.get(scope, new NDIndex("0")));
        }
        return norm.apply(sum);
    }

    private NDArray positionIds(NDManager scope, NDArray ids) {
        long length = ids.getShape().get(1);
        if (!paddingOffsetPositions) {
            return scope.arange(0f, (float) length, 1f, DataType.INT64);
        }
        NDArray notPad = ids.neq(padTokenId).toType(DataType.INT64, false);
        return notPad.cumSum(1).mul(notPad).add(padTokenId);
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }
}
