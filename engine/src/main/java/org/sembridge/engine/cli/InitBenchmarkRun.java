package org.sembridge.engine.cli;

import java.util.List;
import org.sembridge.engine.bench.BenchmarkEnvironment;
import org.sembridge.engine.bench.BridgeThroughput;
import org.sembridge.engine.bench.FullMatrixComparison;
import org.sembridge.engine.bench.InitBenchmarkSettings;
import org.sembridge.engine.bench.InitScaleResult;
import org.sembridge.engine.bench.ReferenceTiming;
import org.sembridge.engine.transfer.AlignmentStatistics;

/// One run of `sembridge bench init` as its `--json` document reports it ([InitBenchmarkJson]
/// writes and reads it): the settings, the environment with the run's totals, one [Scale] per
/// measured scale, and the optional full-matrix comparison and bridge throughput. The nested
/// records hold the figures as reported (seconds, bytes, ratios), taken from the bench
/// package's results by their `of` methods, so that a report read back compares field by field.
///
/// @param settings the benchmark settings
/// @param environment the device, threads and load average at the start
/// @param loadAverageEnd the one-minute load average after the run
/// @param totalSeconds wall seconds of the whole run
/// @param freeHeapReturnedAtCollections whether this JVM returns free heap at collections
/// @param keptNativeScratchBytes off-heap scratch the OpenBLAS path keeps between calls, resident
///     when each step's memory window opened and so not in its +RSS; 0 with `--cold-scratch`,
///     where each step allocates it inside its window
/// @param openblas the OpenBLAS configuration, or `unavailable`
/// @param scales one per measured scale, in order
/// @param fullMatrix the full-matrix comparison, null with `--skip-naive`
/// @param bridge the bridge throughput, null with `--skip-bridge`
record InitBenchmarkRun(InitBenchmarkSettings settings, BenchmarkEnvironment environment, double loadAverageEnd,
        double totalSeconds, boolean freeHeapReturnedAtCollections, long keptNativeScratchBytes, String openblas,
        List<Scale> scales, FullMatrix fullMatrix, Bridge bridge) {

    /// Copies the list.
    InitBenchmarkRun {
        scales = List.copyOf(scales);
    }

    /// One scale (`scales[i]`) as reported.
    ///
    /// @param name the scale's name, `paper` or `xlmr`
    /// @param targetCount target rows of the scale
    /// @param measuredRows target rows measured
    /// @param extrapolated whether times were extrapolated to all rows
    /// @param extrapolationFactor all rows over measured rows
    /// @param sourceCount source rows
    /// @param bridgeDimension dimension of the bridge vectors
    /// @param stepSeconds wall seconds of the step, measured rows
    /// @param similaritySeconds wall seconds of the similarity blocks alone, measured rows
    /// @param allRowsStepSeconds step seconds extrapolated to all rows
    /// @param allRowsSimilaritySeconds similarity seconds extrapolated to all rows
    /// @param stepCpuSeconds process CPU seconds of the step
    /// @param similarityCpuSeconds process CPU seconds of the similarity blocks, `-1` when not measured
    /// @param ratio step over similarity, wall clock
    /// @param outputBytes bytes of the output matrix
    /// @param stepGemmSeconds seconds of the step's own block products, `-1` on DJL
    /// @param blockGflopsPerSecond GFLOP/s of those block products
    /// @param similarityBackend `djl` or `openblas`
    /// @param reference the OpenBLAS reference, null where OpenBLAS is unavailable
    /// @param cpuRatio step over similarity, CPU
    /// @param similarityGflopsPerSecond GFLOP/s of the similarity blocks alone, `-1` when not measured
    /// @param stepExtraRssBytes peak resident bytes the step added
    /// @param similarityExtraRssBytes peak resident bytes the similarity blocks added
    /// @param peakWasReset whether the kernel reset the peak before each window
    /// @param inputBytes bytes of the synthetic inputs
    /// @param fullMatrixBytes bytes a materialised similarity matrix would hold
    /// @param statistics how the rows were solved
    record Scale(String name, int targetCount, int measuredRows, boolean extrapolated, double extrapolationFactor,
            int sourceCount, int bridgeDimension, double stepSeconds, double similaritySeconds,
            double allRowsStepSeconds, double allRowsSimilaritySeconds, double stepCpuSeconds,
            double similarityCpuSeconds, double ratio, long outputBytes, double stepGemmSeconds,
            double blockGflopsPerSecond, String similarityBackend, Reference reference, double cpuRatio,
            double similarityGflopsPerSecond, long stepExtraRssBytes, long similarityExtraRssBytes,
            boolean peakWasReset, long inputBytes, long fullMatrixBytes, Rows statistics) {

        /// The figures of `r`.
        static Scale of(InitScaleResult r) {
            return new Scale(r.scale().name(), r.scale().targetCount(), r.scale().measuredRows(),
                    r.scale().extrapolated(), r.scale().extrapolationFactor(), r.similarityOnly().sourceCount(),
                    r.similarityOnly().dimension(), r.stepSeconds(), r.similaritySeconds(), r.fullStepSeconds(),
                    r.fullSimilaritySeconds(), r.step().cpuSeconds(),
                    r.similarity() == null ? -1 : r.similarity().cpuSeconds(), r.ratio(), r.outputBytes(),
                    r.statistics().gemmNanos() < 0 ? -1 : r.statistics().gemmNanos() / 1e9, r.blockGigaflopsPerSecond(),
                    r.statistics().gemmNanos() < 0 ? "djl" : "openblas", r.reference() == null ? null : Reference.of(r),
                    r.cpuRatio(), r.similarity() == null ? -1 : r.similarityOnly().gigaflopsPerSecond(),
                    r.stepExtraBytes(), r.similarityExtraBytes(), r.peakWasReset(), r.inputBytes(), r.fullMatrixBytes(),
                    Rows.of(r));
        }
    }

    /// The OpenBLAS reference of one scale (`reference`, and the two ratios next to it).
    ///
    /// @param seconds wall seconds of the reference, measured rows
    /// @param allRowsSeconds reference seconds extrapolated to all rows
    /// @param gemmSeconds seconds of its sgemm calls
    /// @param selectSeconds seconds of its top-K selection
    /// @param gemmGflopsPerSecond GFLOP/s of its sgemm calls
    /// @param topK its K
    /// @param core the OpenBLAS core
    /// @param threads OpenBLAS threads
    /// @param stepToReference step over reference (written next to `reference`)
    /// @param blocksToReferenceGemm block GFLOP/s over reference GEMM GFLOP/s (written next to `reference`)
    record Reference(double seconds, double allRowsSeconds, double gemmSeconds, double selectSeconds,
            double gemmGflopsPerSecond, int topK, String core, int threads, double stepToReference,
            double blocksToReferenceGemm) {

        /// The reference figures of `r`, which has a reference.
        static Reference of(InitScaleResult r) {
            ReferenceTiming t = r.reference();
            return new Reference(t.seconds(), r.fullReferenceSeconds(), t.gemmSeconds(), t.selectSeconds(),
                    t.gemmGigaflopsPerSecond(), t.k(), t.coreName(), t.threads(), r.referenceRatio(),
                    r.blockToReferenceGemm());
        }
    }

    /// How one scale's rows were solved (`statistics`).
    ///
    /// @param rows rows aligned
    /// @param exactOnTopK rows exact on the top K
    /// @param widened rows exact on the widened K
    /// @param fullRow rows solved on the full row
    /// @param topK K
    /// @param widerK the widened K
    /// @param blocks similarity blocks
    /// @param solveSeconds seconds of the entmax solves
    /// @param meanSupport mean support size
    /// @param maxSupport largest support size
    record Rows(int rows, int exactOnTopK, int widened, int fullRow, int topK, int widerK, int blocks,
            double solveSeconds, double meanSupport, int maxSupport) {

        /// The statistics of `r`.
        static Rows of(InitScaleResult r) {
            AlignmentStatistics s = r.statistics();
            return new Rows(s.rows(), s.rowsExactOnTopK(), s.rowsExactOnWiderK(), s.rowsOnFullRow(), s.topK(),
                    s.widerK(), s.blocks(), s.solveNanos() / 1e9, r.meanSupport(), r.maxSupport());
        }
    }

    /// The full-matrix comparison (`full_matrix`).
    ///
    /// @param rows rows compared
    /// @param sourceCount source rows
    /// @param matrixBytes bytes of the materialised matrix
    /// @param fullMatrixSeconds wall seconds of the full-matrix route
    /// @param topKSeconds wall seconds of the top-K route
    /// @param fullMatrixCpuSeconds CPU seconds of the full-matrix route
    /// @param topKCpuSeconds CPU seconds of the top-K route
    /// @param timeRatio full over top-K, wall
    /// @param cpuRatio full over top-K, CPU
    /// @param fullMatrixExtraRssBytes peak resident bytes the full-matrix route added
    /// @param topKExtraRssBytes peak resident bytes the top-K route added
    /// @param maxWeightDifference largest weight difference between the routes
    /// @param rowsWithOtherSupport rows whose support differs
    /// @param maxEmbeddingDifference largest embedding difference
    record FullMatrix(int rows, int sourceCount, long matrixBytes, double fullMatrixSeconds, double topKSeconds,
            double fullMatrixCpuSeconds, double topKCpuSeconds, double timeRatio, double cpuRatio,
            long fullMatrixExtraRssBytes, long topKExtraRssBytes, double maxWeightDifference, int rowsWithOtherSupport,
            double maxEmbeddingDifference) {

        /// The figures of `c`.
        static FullMatrix of(FullMatrixComparison c) {
            return new FullMatrix(c.rows(), c.sourceCount(), c.matrixBytes(), c.fullMatrix().wallSeconds(),
                    c.topK().wallSeconds(), c.fullMatrix().cpuSeconds(), c.topK().cpuSeconds(), c.timeRatio(),
                    c.cpuRatio(), c.fullMatrixExtraBytes(), c.topKExtraBytes(), c.maxWeightDifference(),
                    c.rowsWithOtherSupport(), c.maxEmbeddingDifference());
        }
    }

    /// The bridge encoder's throughput (`bridge`).
    ///
    /// @param layers encoder layers
    /// @param hidden hidden size
    /// @param heads attention heads
    /// @param intermediate feed-forward width
    /// @param vocab vocabulary size
    /// @param folderBytes bytes of the model folder
    /// @param writeSeconds seconds to write it
    /// @param loadSeconds seconds to load it
    /// @param texts strings embedded
    /// @param pieces pieces embedded, specials included
    /// @param maxPieces longest string in pieces
    /// @param batchSize strings per batch
    /// @param embedSeconds seconds of embedding
    /// @param textsPerSecond strings per second
    /// @param piecesPerSecond pieces per second
    /// @param estimateTokens vocabulary entries estimated
    /// @param estimateSeconds estimated seconds for them
    /// @param estimateMinutes the same in minutes
    /// @param gflopsPerSecond useful GFLOP/s of the encoder
    /// @param matmulGflopsPerSecond GFLOP/s of a plain matmul of its sizes
    /// @param matmulRatio encoder over matmul GFLOP/s
    record Bridge(int layers, int hidden, int heads, int intermediate, int vocab, long folderBytes, double writeSeconds,
            double loadSeconds, int texts, long pieces, int maxPieces, int batchSize, double embedSeconds,
            double textsPerSecond, double piecesPerSecond, int estimateTokens, double estimateSeconds,
            double estimateMinutes, double gflopsPerSecond, double matmulGflopsPerSecond, double matmulRatio) {

        /// The figures of `b`.
        static Bridge of(BridgeThroughput b) {
            return new Bridge(b.shape().layers(), b.shape().hidden(), b.shape().heads(), b.shape().intermediate(),
                    b.shape().vocab(), b.folderBytes(), b.writeNanos() / 1e9, b.loadNanos() / 1e9, b.texts(),
                    b.pieces(), b.maxPieces(), b.batchSize(), b.embedNanos() / 1e9, b.textsPerSecond(),
                    b.piecesPerSecond(), b.estimate().textsToEmbed(), b.estimate().seconds(),
                    b.estimate().seconds() / 60, b.gflopsPerSecond(), b.matMul().gflopsPerSecond(), b.matMulRatio());
        }
    }
}
