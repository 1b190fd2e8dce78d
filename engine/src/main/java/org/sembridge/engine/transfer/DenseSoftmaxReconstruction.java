package org.sembridge.engine.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// SemBridge step 5 for `alpha = 1`: `E_t[x] = softmax(s_x) E_s`, where every source token has a
/// positive weight, so the reconstruction is dense.
///
/// Per block of target rows on the device: `P = softmax(T_block S^T)` (row-wise, max-shifted,
/// `float32`) then `P E_s`. Cost `O(nT nS (D + d))` multiply-adds, twice the similarity GEMM when
/// `d = D`; device memory: the normalised sources (`nS x D`), `E_s` (`nS x d`) and two
/// `block x nS` matrices. Precision: `float32` throughout, relative error around `1e-6`.
public final class DenseSoftmaxReconstruction {

    private static final Logger LOG = LoggerFactory.getLogger(DenseSoftmaxReconstruction.class);
    private static final String STAGE = "reconstructing target embeddings (softmax)";

    private final BlockedCosineSimilarity similarity;

    /// A reconstruction on `device` whose similarity blocks stay within `maxBlockBytes`.
    public DenseSoftmaxReconstruction(SelectedDevice device, long maxBlockBytes) {
        this.similarity = new BlockedCosineSimilarity(device, maxBlockBytes);
    }

    /// Reconstructs the requested target rows.
    ///
    /// @param targets target bridge vectors, `nT x D`
    /// @param sources source bridge vectors, `nS x D`
    /// @param targetRows rows of `targets` to build, each in `[0, nT)`
    /// @param sourceEmbeddings `E_s`, `nS x d`
    /// @return `targetRows.length x d`, row `r` for `targetRows[r]`
    /// @throws OperationCancelledException when `cancel` is cancelled; nothing is returned
    /// @throws IllegalArgumentException on mismatched shapes or a zero bridge vector
    public FloatMatrix reconstruct(FloatMatrix targets, FloatMatrix sources, int[] targetRows,
            FloatMatrix sourceEmbeddings, ProgressListener progress, CancellationToken cancel)
            throws OperationCancelledException {
        if (sourceEmbeddings.rows() != sources.rows()) {
            throw new IllegalArgumentException("source embedding matrix has " + sourceEmbeddings.rows()
                    + " rows but there are " + sources.rows() + " source bridge vectors");
        }
        long start = System.nanoTime();
        int d = sourceEmbeddings.columns();
        float[] out = new float[Math.multiplyExact(targetRows.length, d)];
        try (NDManager scope = NDManager.newBaseManager(similarity.device().device())) {
            NDArray embeddings = scope.create(sourceEmbeddings.values(), new Shape(sourceEmbeddings.rows(), d));
            similarity.forEachBlock(targets, sources, targetRows, STAGE, progress, cancel,
                    (similarities, firstRow, rowCount) -> {
                        NDArray rows = similarities.softmax(1).matMul(embeddings);
                        return () -> System.arraycopy(rows.toFloatArray(), 0, out, firstRow * d, rowCount * d);
                    });
        }
        LOG.info("reconstructed {} target embeddings of dimension {} from dense softmax weights over {} sources "
                        + "on {} in {} s", targetRows.length, d, sources.rows(), similarity.device().name(),
                String.format("%.3f", (System.nanoTime() - start) / 1e9));
        return new FloatMatrix(targetRows.length, d, out);
    }
}
