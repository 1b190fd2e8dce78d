package org.sembridge.engine.bench;

/// The speed of a plain matrix product `[rows, inner] x [inner, columns]`, repeated
/// `repetitions` times per timed round: the practical ceiling of the device for dense float32
/// work of the model's sizes.
///
/// @param rows rows of the left factor (texts x tokens of one batch)
/// @param inner the shared dimension (the hidden size)
/// @param columns columns of the right factor (the feed-forward width)
/// @param repetitions products per round, chosen so a round does the FLOPs of one batch
/// @param rounds wall-clock time of the measured rounds
public record MatMulMeasurement(long rows, long inner, long columns, int repetitions, TimingSummary rounds) {

    /// FLOPs of one product, `2 rows inner columns`.
    public long productFlops() {
        return 2 * rows * inner * columns;
    }

    /// FLOPs of one round, `repetitions * productFlops()`.
    public long roundFlops() {
        return repetitions * productFlops();
    }

    /// Achieved speed in GFLOP/s: `roundFlops / median round seconds / 1e9`.
    public double gflopsPerSecond() {
        return roundFlops() / rounds.medianSeconds() / 1e9;
    }
}
