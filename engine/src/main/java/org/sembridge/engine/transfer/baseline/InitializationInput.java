package org.sembridge.engine.transfer.baseline;

import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.transfer.FloatMatrix;

/// What an [EmbeddingInitializer] may look at.
///
/// @param sourceEmbeddings the source input embedding matrix `E_s` (`nS x d`); statistical
///     baselines fit their statistics on it
/// @param sourceBridge bridge vectors of every source token (`nS x D`), or `null` when the
///     initializer does not [need the bridge][EmbeddingInitializer#needsBridge()]
/// @param targetBridge bridge vectors of every target token (`nT x D`), or `null` likewise
/// @param newTargetIds target ids to initialise (those without an overlap copy), ascending
/// @param overlapSourceIds the distinct source ids that some target token copies (FOCUS builds
///     new tokens from these only), ascending
/// @param seed seed of every random choice (random and Gaussian baselines)
/// @param device where matrix products run
public record InitializationInput(FloatMatrix sourceEmbeddings, FloatMatrix sourceBridge, FloatMatrix targetBridge,
        int[] newTargetIds, int[] overlapSourceIds, long seed, SelectedDevice device) {
}
