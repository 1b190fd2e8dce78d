package org.sembridge.engine.bench;

/// The measured encoding speed of one model, with its analytic FLOP count and the plain
/// matrix product it is compared against.
///
/// Derived figures use the median batch time `t`: texts/s `= batchSize / t`, tokens/s
/// `= batchSize tokensPerText / t`, GFLOP/s `= flopsPerBatch / t / 1e9`. The batch time is the
/// whole `SparseEncoder.encode` call: tokenisation, forward pass, SPLADE pooling and the
/// sparse vectors, so GFLOP/s is what a user gets, not what the kernels do.
///
/// @param model a name for the table, e.g. `splade-tiny-en`
/// @param shape the model's sizes
/// @param settings what was measured
/// @param flopsPerText FLOPs of the forward pass of one text ([EncoderShape#forwardFlops(int)])
/// @param batches wall-clock time of the measured batches
/// @param matMul the plain matrix product of the same FLOPs per round on the same device
/// @param device the device name, `cpu()` or `gpu(0)`
/// @param blasReference the same product by OpenBLAS outside libtorch ([BlasMatMulReference]),
///     null on a GPU or where OpenBLAS is not available
public record EncodeBenchmarkResult(String model, EncoderShape shape, EncodeBenchmarkSettings settings,
        long flopsPerText, TimingSummary batches, MatMulMeasurement matMul, String device,
        MatMulMeasurement blasReference) {

    /// Achieved GFLOP/s over the OpenBLAS reference's GFLOP/s; `-1` without it.
    public double blasRatio() {
        return blasReference == null ? -1 : gflopsPerSecond() / blasReference.gflopsPerSecond();
    }

    /// FLOPs of one batch, `batchSize * flopsPerText`.
    public long flopsPerBatch() {
        return settings.batchSize() * flopsPerText;
    }

    /// Texts encoded per second.
    public double textsPerSecond() {
        return settings.batchSize() / batches.medianSeconds();
    }

    /// Tokens encoded per second, special tokens included.
    public double tokensPerSecond() {
        return settings.tokensPerBatch() / batches.medianSeconds();
    }

    /// Achieved GFLOP/s of the forward pass.
    public double gflopsPerSecond() {
        return flopsPerBatch() / batches.medianSeconds() / 1e9;
    }

    /// Achieved GFLOP/s over the plain matrix product's GFLOP/s; 1 means the model runs as fast
    /// as a bare product of its sizes.
    public double matMulRatio() {
        return gflopsPerSecond() / matMul.gflopsPerSecond();
    }
}
