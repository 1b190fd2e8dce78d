package org.sembridge.engine.bench;

import org.sembridge.engine.bridge.EmbeddingEstimate;

/// How fast a bridge encoder of a given size embeds token strings, and what that means for a
/// vocabulary: the figure behind the estimate `init` shows before it embeds.
///
/// @param shape the encoder's sizes (a random model of that shape)
/// @param texts token strings embedded in the timed pass
/// @param pieces tokens of those strings, `[CLS]` and `[SEP]` included
/// @param maxPieces the most tokens of one string
/// @param batchSize strings per forward pass
/// @param folderBytes size of the written model folder
/// @param writeNanos time to write the random folder
/// @param loadNanos time to load it as a `BridgeEncoder`
/// @param embedNanos time of the timed pass (after an untimed warm-up batch)
/// @param estimate the extrapolation to `estimate.textsToEmbed()` strings, by the same formula as
///     `BridgeVectorStore#estimate` ([EmbeddingEstimate#seconds()])
/// @param flops encoder FLOPs of the timed strings, each at its own length
///     ([EncoderShape#encoderFlops(int)]; padding inside a batch is not counted)
/// @param matMul a plain matrix product on the same device, `[batch tokens, h] x [h, i]`, as the
///     reference speed
/// @param blasReference the same product by OpenBLAS outside libtorch ([BlasMatMulReference]), in
///     the same run; null on a GPU or without OpenBLAS
/// @param layersBackend where the encoder's layers ran (`EncoderModel#layersBackend()`)
public record BridgeThroughput(EncoderShape shape, int texts, long pieces, int maxPieces, int batchSize,
        long folderBytes, long writeNanos, long loadNanos, long embedNanos, EmbeddingEstimate estimate, long flops,
        MatMulMeasurement matMul, MatMulMeasurement blasReference, String layersBackend) {

    /// Useful GFLOP/s the bridge encoder achieved in the timed pass.
    public double gflopsPerSecond() {
        return flops / (embedNanos / 1e9) / 1e9;
    }

    /// [#gflopsPerSecond()] over the plain matrix product's GFLOP/s on the same device (goal
    /// `>= 0.5`).
    public double matMulRatio() {
        return gflopsPerSecond() / matMul.gflopsPerSecond();
    }

    /// [#gflopsPerSecond()] over the OpenBLAS product's GFLOP/s; NaN without one.
    public double blasRatio() {
        return blasReference == null ? Double.NaN : gflopsPerSecond() / blasReference.gflopsPerSecond();
    }

    /// Strings embedded per second.
    public double textsPerSecond() {
        return texts / (embedNanos / 1e9);
    }

    /// Tokens per second, specials included.
    public double piecesPerSecond() {
        return pieces / (embedNanos / 1e9);
    }

    /// Mean tokens per string.
    public double meanPieces() {
        return (double) pieces / texts;
    }
}
