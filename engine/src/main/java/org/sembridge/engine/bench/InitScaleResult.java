package org.sembridge.engine.bench;

import org.sembridge.engine.transfer.AlignmentStatistics;
import org.sembridge.engine.transfer.SimilarityTiming;

/// The SemBridge step at one [InitScale], against the bare similarity product of the same rows
/// measured in the same run.
///
/// The step is what a transfer runs for its new target tokens: the top-K search (blocked GEMM,
/// device top-K, entmax on the candidates, the exactness check and its fallbacks) and the
/// reconstruction `E_t[x] = sum_i p_x,i E_s[i]`. The similarity-only run does the same GEMMs
/// and keeps nothing ([org.sembridge.engine.transfer.BlockedCosineSimilarity#timeSimilarityOnly]);
/// [#ratio()] is what the method adds on top of the product it cannot avoid.
///
/// @param scale the sizes and the rows measured
/// @param step wall and process CPU time of the step over the measured rows
/// @param similarity wall and process CPU time of the similarity-only run over the same rows; null
///     when it was skipped (then every figure derived from it is `-1`)
/// @param similarityOnly that run's shape and GFLOP/s
/// @param statistics how the search solved the rows
/// @param meanSupport source tokens per target token, mean over the measured rows
/// @param maxSupport the largest support
/// @param stepExtraBytes peak resident memory the step added over its inputs, `-1` unknown
/// @param similarityExtraBytes the same for the similarity-only run
/// @param inputBytes bytes of the inputs held during both: target and source bridge vectors and
///     the source embeddings, `4 (nT D + nS D + nS d)`
/// @param outputBytes bytes of the step's output matrix, the reconstructed rows `4 rows d`, which
///     the step's extra memory includes
/// @param peakWasReset whether the memory figures are exact peaks (else lower bounds, see
///     [ResidentMemoryWindow])
/// @param reference the external reference over the same rows (OpenBLAS GEMM + top-K), null
///     where OpenBLAS is not available
public record InitScaleResult(InitScale scale, ElapsedTime step, ElapsedTime similarity, SimilarityTiming similarityOnly,
        AlignmentStatistics statistics, double meanSupport, int maxSupport, long stepExtraBytes,
        long similarityExtraBytes, long inputBytes, long outputBytes, boolean peakWasReset,
        ReferenceTiming reference) {

    /// Step wall time over the reference's GEMM + top-K time (same rows, same run); `-1` without
    /// a reference. The goal is at most 1.3.
    public double referenceRatio() {
        return reference == null ? -1 : stepSeconds() / reference.seconds();
    }

    /// Reference seconds for all `targetCount` rows: measured, or extrapolated linearly; `-1`
    /// without a reference.
    public double fullReferenceSeconds() {
        return reference == null ? -1 : reference.seconds() * scale.extrapolationFactor();
    }

    /// GFLOP/s of the step's own block products (gather, normalise, GEMM) on the OpenBLAS path;
    /// `-1` on the DJL path.
    public double blockGigaflopsPerSecond() {
        return statistics.gemmNanos() <= 0 ? -1
                : 2.0 * statistics.rows() * similarityOnly.sourceCount() * similarityOnly.dimension()
                        / statistics.gemmNanos();
    }

    /// [#blockGigaflopsPerSecond()] over the reference's GEMM GFLOP/s; `-1` when either is
    /// unknown. The goal is at least 0.8.
    public double blockToReferenceGemm() {
        return reference == null || blockGigaflopsPerSecond() < 0 ? -1
                : blockGigaflopsPerSecond() / reference.gemmGigaflopsPerSecond();
    }

    /// Step seconds over the measured rows.
    public double stepSeconds() {
        return step.wallSeconds();
    }

    /// Similarity-only seconds over the measured rows.
    public double similaritySeconds() {
        return similarity == null ? -1 : similarity.wallSeconds();
    }

    /// Step seconds for all `targetCount` rows: measured, or extrapolated linearly.
    public double fullStepSeconds() {
        return stepSeconds() * scale.extrapolationFactor();
    }

    /// Similarity-only seconds for all rows: measured, or extrapolated linearly.
    public double fullSimilaritySeconds() {
        return similarity == null ? -1 : similaritySeconds() * scale.extrapolationFactor();
    }

    /// Step wall time over similarity-only wall time (same rows, same run); 1 means the method
    /// costs no more than the product.
    public double ratio() {
        return similarity == null ? -1 : (double) step.wallNanos() / similarity.wallNanos();
    }

    /// The same ratio of process CPU times, fair when the machine's load changed between the two
    /// runs; `-1` when the JVM cannot tell CPU time.
    public double cpuRatio() {
        return similarity == null || step.cpuNanos() <= 0 || similarity.cpuNanos() <= 0 ? -1
                : (double) step.cpuNanos() / similarity.cpuNanos();
    }

    /// Bytes a materialised `nT x nS` float32 similarity matrix of all target rows would take
    /// (the reference implementation's approach).
    public long fullMatrixBytes() {
        return 4L * scale.targetCount() * similarityOnly.sourceCount();
    }
}
