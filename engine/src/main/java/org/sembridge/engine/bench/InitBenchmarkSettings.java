package org.sembridge.engine.bench;

import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.EntmaxSolver;

/// What an [InitBenchmark] aligns: the source side shared by every scale, and the SemBridge
/// settings.
///
/// @param sourceCount source tokens `nS` (BERT's vocabulary: 30,522), `>= 1`
/// @param bridgeDimension bridge vector width `D` (bge-m3: 1,024), `>= 1`
/// @param modelDimension embedding width `d` of the source model (BERT-base: 768), `>= 1`
/// @param alpha entmax order, `1 < alpha <= 8` (the paper: 4); softmax (1) has dense weights and
///     another reconstruction path, so it is not benchmarked here
/// @param topK candidates per row tried first, `>= 1` (default [AlignmentOptions#DEFAULT_TOP_K])
/// @param seed seed of the synthetic vectors ([SyntheticBridgeSpace])
public record InitBenchmarkSettings(int sourceCount, int bridgeDimension, int modelDimension, double alpha, int topK,
        long seed) {

    /// The paper's sizes: 30,522 sources, `D` 1,024, `d` 768, `alpha` 4, `K` 64.
    public static InitBenchmarkSettings paper(long seed) {
        return new InitBenchmarkSettings(30_522, 1024, 768, 4.0, AlignmentOptions.DEFAULT_TOP_K, seed);
    }

    /// Validates the ranges.
    ///
    /// @throws IllegalArgumentException when a value is outside its range
    public InitBenchmarkSettings {
        if (sourceCount < 1 || bridgeDimension < 1 || modelDimension < 1 || topK < 1) {
            throw new IllegalArgumentException("sourceCount, bridgeDimension, modelDimension and topK must be >= 1, "
                    + "got " + sourceCount + ", " + bridgeDimension + ", " + modelDimension + ", " + topK);
        }
        if (!(alpha > EntmaxSolver.MIN_ALPHA && alpha <= EntmaxSolver.MAX_ALPHA)) {
            throw new IllegalArgumentException("alpha must be in (" + EntmaxSolver.MIN_ALPHA + ", "
                    + EntmaxSolver.MAX_ALPHA + "], got " + alpha);
        }
    }

    /// The search options: this `alpha` and `topK`, the default block bound.
    public AlignmentOptions alignmentOptions() {
        return AlignmentOptions.of(alpha).withTopK(topK);
    }
}
