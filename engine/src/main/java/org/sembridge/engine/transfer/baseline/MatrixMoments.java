package org.sembridge.engine.transfer.baseline;

import java.util.stream.IntStream;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.transfer.FloatMatrix;

/// First and second moments of a matrix's rows (the rows being samples), in `double`, for the
/// statistical baselines.
///
/// Spreads are the unbiased estimates (divisor `n - 1`, as `torch.std`, `torch.cov` and
/// `numpy.cov` by default); with vocabulary-sized `n` the divisor hardly matters. Sums run in a
/// fixed order, so the results do not depend on the thread count.
final class MatrixMoments {

    /// Rows per block of the covariance (one cancellation check each).
    static final int BLOCK_ROWS = 1024;

    private MatrixMoments() {
    }

    /// `mean_j = (1/n) sum_r M[r, j]`, `O(n c)`.
    ///
    /// @throws IllegalArgumentException when the matrix has no rows
    static double[] columnMeans(FloatMatrix matrix) {
        requireRows(matrix, 1);
        int c = matrix.columns();
        double[] sums = new double[c];
        float[] values = matrix.values();
        for (int r = 0; r < matrix.rows(); r++) {
            for (int j = 0; j < c; j++) {
                sums[j] += values[r * c + j];
            }
        }
        for (int j = 0; j < c; j++) {
            sums[j] /= matrix.rows();
        }
        return sums;
    }

    /// `sd_j = sqrt(sum_r (M[r, j] - mean_j)^2 / (n - 1))`, `O(n c)`.
    ///
    /// @throws IllegalArgumentException when the matrix has fewer than 2 rows
    static double[] columnStandardDeviations(FloatMatrix matrix, double[] means) {
        requireRows(matrix, 2);
        int c = matrix.columns();
        double[] squares = new double[c];
        float[] values = matrix.values();
        for (int r = 0; r < matrix.rows(); r++) {
            for (int j = 0; j < c; j++) {
                double deviation = values[r * c + j] - means[j];
                squares[j] += deviation * deviation;
            }
        }
        for (int j = 0; j < c; j++) {
            squares[j] = Math.sqrt(squares[j] / (matrix.rows() - 1));
        }
        return squares;
    }

    /// The standard deviation of all `n c` entries taken as one sample (around their common
    /// mean, divisor `n c - 1`), `O(n c)`.
    ///
    /// @throws IllegalArgumentException when the matrix has fewer than 2 entries
    static double entryStandardDeviation(FloatMatrix matrix) {
        float[] values = matrix.values();
        if (values.length < 2) {
            throw new IllegalArgumentException("a " + matrix.rows() + " x " + matrix.columns()
                    + " matrix has too few entries to estimate a spread; expected at least 2");
        }
        double sum = 0.0;
        for (float value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double squares = 0.0;
        for (float value : values) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (values.length - 1.0));
    }

    /// The `c x c` covariance `sum_r (M[r] - mean)(M[r] - mean)^T / (n - 1)`, row-major and
    /// symmetric. Cost `n c^2 / 2` multiply-adds (BERT's 30,522 x 768: 9 billion), in blocks of
    /// [#BLOCK_ROWS] rows, each block centred into a `double` buffer and accumulated in parallel
    /// over the rows of the result (each entry sums its terms in a fixed order, so the result does
    /// not depend on the thread count).
    ///
    /// @throws OperationCancelledException when `cancel` is cancelled (checked per block)
    /// @throws IllegalArgumentException when the matrix has fewer than 2 rows
    static double[] covariance(FloatMatrix matrix, double[] means, String stage, CancellationToken cancel)
            throws OperationCancelledException {
        requireRows(matrix, 2);
        int n = matrix.rows();
        int c = matrix.columns();
        float[] values = matrix.values();
        double[] covariance = new double[c * c];
        double[] centred = new double[Math.min(n, BLOCK_ROWS) * c];
        for (int first = 0; first < n; first += BLOCK_ROWS) {
            cancel.throwIfCancelled(stage);
            int count = Math.min(BLOCK_ROWS, n - first);
            for (int r = 0; r < count; r++) {
                for (int j = 0; j < c; j++) {
                    centred[r * c + j] = values[(first + r) * c + j] - means[j];
                }
            }
            IntStream.range(0, c).parallel().forEach(i -> accumulateRow(covariance, centred, count, c, i));
        }
        for (int i = 0; i < c; i++) {
            for (int j = 0; j <= i; j++) {
                covariance[i * c + j] /= n - 1;
                covariance[j * c + i] = covariance[i * c + j];
            }
        }
        return covariance;
    }

    /// `covariance[i, j] += sum_r x[r, i] x[r, j]` for `j <= i` over the `count` centred rows:
    /// four samples per pass over row `i` (one load and store of each entry per four
    /// multiply-adds; the JIT vectorises the loop over `j`), in a fixed order.
    private static void accumulateRow(double[] covariance, double[] centred, int count, int c, int i) {
        int row = i * c;
        int r = 0;
        for (; r + 3 < count; r += 4) {
            int s0 = r * c;
            int s1 = s0 + c;
            int s2 = s1 + c;
            int s3 = s2 + c;
            double x0 = centred[s0 + i];
            double x1 = centred[s1 + i];
            double x2 = centred[s2 + i];
            double x3 = centred[s3 + i];
            for (int j = 0; j <= i; j++) {
                covariance[row + j] += x0 * centred[s0 + j] + x1 * centred[s1 + j] + x2 * centred[s2 + j]
                        + x3 * centred[s3 + j];
            }
        }
        for (; r < count; r++) {
            int sample = r * c;
            double xi = centred[sample + i];
            for (int j = 0; j <= i; j++) {
                covariance[row + j] += xi * centred[sample + j];
            }
        }
    }

    private static void requireRows(FloatMatrix matrix, int minimum) {
        if (matrix.rows() < minimum) {
            throw new IllegalArgumentException("a " + matrix.rows() + " x " + matrix.columns() + " matrix has too "
                    + "few rows to fit a distribution; expected at least " + minimum);
        }
    }
}
