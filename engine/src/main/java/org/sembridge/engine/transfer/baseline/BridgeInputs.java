package org.sembridge.engine.transfer.baseline;

import org.sembridge.engine.InputFormatException;

/// Checks the bridge part of an [InitializationInput] for the initializers that
/// [need it][EmbeddingInitializer#needsBridge()], before any tensor is allocated.
final class BridgeInputs {

    private BridgeInputs() {
    }

    /// Checks that both bridge matrices are present, share their dimension, and that the source
    /// bridge has one row per source embedding row.
    ///
    /// @param method the method name for messages, e.g. `focus`
    /// @throws InputFormatException on a dimension or row count mismatch (for instance a bridge
    ///     cache made with another encoder or for another model)
    /// @throws IllegalArgumentException when a bridge matrix is `null` (a caller bug: the method
    ///     says it needs the bridge)
    static void require(InitializationInput input, String method) throws InputFormatException {
        if (input.sourceBridge() == null || input.targetBridge() == null) {
            throw new IllegalArgumentException(method + " needs bridge vectors of both vocabularies, found "
                    + (input.sourceBridge() == null ? "no source" : "source") + " and "
                    + (input.targetBridge() == null ? "no target" : "target") + " bridge vectors");
        }
        int sourceDimension = input.sourceBridge().columns();
        int targetDimension = input.targetBridge().columns();
        if (sourceDimension != targetDimension) {
            throw new InputFormatException("bridge vectors for " + method + " do not match: the target bridge has "
                    + "dimension " + targetDimension + ", the source bridge " + sourceDimension
                    + "; expected the same bridge encoder for both vocabularies");
        }
        int sourceRows = input.sourceBridge().rows();
        int embeddingRows = input.sourceEmbeddings().rows();
        if (sourceRows != embeddingRows) {
            throw new InputFormatException("source bridge for " + method + " has " + sourceRows
                    + " vectors, expected one per row of the source embedding matrix (" + embeddingRows + ")");
        }
    }
}
