package org.sembridge.engine.projection;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import smile.linalg.Transpose;
import smile.linalg.UPLO;
import smile.tensor.DenseMatrix;
import smile.tensor.EVD;
import smile.tensor.ScalarType;

/// Scores of a point set on its leading principal components: the eigenvectors of the sample
/// covariance `C = Xc^T Xc / (n - 1)` (`Xc` = the centred vectors) with the largest eigenvalues.
///
/// `C` comes from one native `dgemm`, its eigenvectors from LAPACK's symmetric solver (both
/// through Smile's `DenseMatrix`), the scores `Xc v` from plain double loops. Cost `n d^2 + d^3`
/// flops and `8 (n d + d^2)` bytes: about a second for 10,000 x 768.
///
/// Signs: an eigenvector is defined up to sign; each is flipped so that its entry of largest
/// absolute value (the first such entry on ties) is positive, which makes the result independent
/// of the LAPACK build. Dimensions beyond the data's (`d < components`) are scored 0.
final class PrincipalComponents {

    private static final String STAGE = "principal components";

    private PrincipalComponents() {
    }

    /// The scores of every vector on the first `components` principal components.
    ///
    /// @param vectors n x d finite vectors, n >= 1
    /// @return n x `components` scores (centred: every column has mean 0)
    static double[][] scores(float[][] vectors, int components, ProgressListener progress, CancellationToken cancel)
            throws NativeLibraryException, OperationCancelledException {
        NativeLinearAlgebra.requireAvailable();
        int n = vectors.length;
        int d = vectors[0].length;
        double[] mean = new double[d];
        for (float[] vector : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += vector[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        progress.onProgress(STAGE, 0, 3);
        cancel.throwIfCancelled(STAGE);

        DenseMatrix centred = DenseMatrix.zeros(ScalarType.Float64, n, d);
        MemorySegment memory = centred.memory();
        long ld = centred.ld();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                memory.setAtIndex(ValueLayout.JAVA_DOUBLE, j * ld + i, vectors[i][j] - mean[j]);
            }
        }
        DenseMatrix covariance = DenseMatrix.zeros(ScalarType.Float64, d, d);
        DenseMatrix.mm(1.0 / Math.max(1, n - 1), Transpose.TRANSPOSE, centred, Transpose.NO_TRANSPOSE, centred, 0.0,
                covariance);
        progress.onProgress(STAGE, 1, 3);
        cancel.throwIfCancelled(STAGE);

        EVD evd = covariance.withUplo(UPLO.LOWER).eigen();
        progress.onProgress(STAGE, 2, 3);
        cancel.throwIfCancelled(STAGE);

        double[][] axes = leadingAxes(evd, d, Math.min(components, d));
        double[][] scores = new double[n][components];
        for (int i = 0; i < n; i++) {
            float[] vector = vectors[i];
            for (int c = 0; c < axes.length; c++) {
                double[] axis = axes[c];
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += (vector[j] - mean[j]) * axis[j];
                }
                scores[i][c] = sum;
            }
        }
        progress.onProgress(STAGE, 3, 3);
        return scores;
    }

    /// The `count` eigenvectors with the largest eigenvalues (ties: lower index first), sign-fixed.
    private static double[][] leadingAxes(EVD evd, int d, int count) {
        int size = evd.wr().size();
        boolean[] taken = new boolean[size];
        double[][] axes = new double[count][];
        for (int c = 0; c < count; c++) {
            int best = -1;
            for (int e = 0; e < size; e++) {
                if (!taken[e] && (best < 0 || evd.wr().get(e) > evd.wr().get(best))) {
                    best = e;
                }
            }
            taken[best] = true;
            double[] axis = new double[d];
            int largest = 0;
            for (int j = 0; j < d; j++) {
                axis[j] = evd.Vr().get(j, best);
                if (Math.abs(axis[j]) > Math.abs(axis[largest])) {
                    largest = j;
                }
            }
            if (axis[largest] < 0) {
                for (int j = 0; j < d; j++) {
                    axis[j] = -axis[j];
                }
            }
            axes[c] = axis;
        }
        return axes;
    }
}
