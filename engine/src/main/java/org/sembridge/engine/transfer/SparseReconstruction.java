package org.sembridge.engine.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// SemBridge step 5 for sparse weights (`alpha > 1`): `E_t[x] = sum_i p_x,i E_s[i]`, a convex
/// combination of the few source rows in each token's support.
///
/// Pure Java: per row `O(|support| d)` multiply-adds accumulated in `double` and rounded once to
/// `float` (error at most half an ulp of the result plus the `float` rounding of the weights,
/// about `6e-8` relative). Rows run in parallel on the common fork-join pool, in blocks of
/// [#BLOCK_ROWS] with a cancellation check and a progress report per block; each parallel task
/// takes 64 rows and reuses one accumulator for them, so the only allocation that grows with the
/// rows is the result itself.
///
/// The same call maps any per-source-token quantity: a `nS x 1` matrix of decoder biases gives
/// `bias_t[x] = sum_i p_x,i bias_s[i]` (method.md step 6, "mapped" mode).
public final class SparseReconstruction {

    /// Rows per cancellation check.
    public static final int BLOCK_ROWS = 4096;

    /// Rows per parallel task, each with one reused `double` accumulator of `d` entries.
    private static final int CHUNK_ROWS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(SparseReconstruction.class);
    private static final String STAGE = "reconstructing target embeddings";

    private SparseReconstruction() {
    }

    /// Reconstructs one embedding row per alignment.
    ///
    /// @param alignments sparse alignments (not `truncated`), source ids in `[0, nS)`
    /// @param sourceEmbeddings the source embedding matrix `E_s`, `nS x d`
    /// @return `alignments.size() x d`, row `r` for `alignments.get(r)`
    /// @throws OperationCancelledException when `cancel` is cancelled; nothing is returned
    /// @throws IllegalArgumentException when an alignment is truncated (softmax: use
    ///     [DenseSoftmaxReconstruction]) or names a source id outside `E_s`
    public static FloatMatrix reconstruct(List<TokenAlignment> alignments, FloatMatrix sourceEmbeddings,
            ProgressListener progress, CancellationToken cancel) throws OperationCancelledException {
        for (TokenAlignment alignment : alignments) {
            requireSparse(alignment, sourceEmbeddings.rows());
        }
        long start = System.nanoTime();
        int d = sourceEmbeddings.columns();
        float[] source = sourceEmbeddings.values();
        float[] out = new float[Math.multiplyExact(alignments.size(), d)];
        progress.onProgress(STAGE, 0, alignments.size());
        for (int first = 0; first < alignments.size(); first += BLOCK_ROWS) {
            cancel.throwIfCancelled(STAGE);
            int from = first;
            int to = Math.min(alignments.size(), first + BLOCK_ROWS);
            int chunks = (to - from + CHUNK_ROWS - 1) / CHUNK_ROWS;
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                // One accumulator per chunk of rows, not per row: a fresh double[d] per row was
                // 1.5 GB of garbage at 250,002 x 768, and the collector grew the heap for it.
                double[] sum = new double[d];
                int end = Math.min(to, from + (chunk + 1) * CHUNK_ROWS);
                for (int r = from + chunk * CHUNK_ROWS; r < end; r++) {
                    reconstructRow(alignments.get(r), source, d, sum, out, r * d);
                }
            });
            progress.onProgress(STAGE, to, alignments.size());
        }
        LOG.info("reconstructed {} target embeddings of dimension {} from sparse weights in {} s",
                alignments.size(), d, String.format("%.3f", (System.nanoTime() - start) / 1e9));
        return new FloatMatrix(alignments.size(), d, out);
    }

    /// `out[at .. at + d) = sum_k weights[k] E_s[sourceIds[k]]`, accumulated in `sum` (`double`,
    /// overwritten) in support order and rounded once.
    private static void reconstructRow(TokenAlignment alignment, float[] source, int d, double[] sum, float[] out,
            int at) {
        Arrays.fill(sum, 0.0);
        for (int k = 0; k < alignment.size(); k++) {
            double weight = alignment.weights()[k];
            int offset = alignment.sourceIds()[k] * d;
            for (int c = 0; c < d; c++) {
                sum[c] += weight * source[offset + c];
            }
        }
        for (int c = 0; c < d; c++) {
            out[at + c] = (float) sum[c];
        }
    }

    private static void requireSparse(TokenAlignment alignment, int sourceCount) {
        if (alignment.truncated()) {
            throw new IllegalArgumentException("target token " + alignment.targetId()
                    + " has truncated softmax weights (alpha = 1); reconstruct it with DenseSoftmaxReconstruction");
        }
        for (int id : alignment.sourceIds()) {
            if (id < 0 || id >= sourceCount) {
                throw new IllegalArgumentException("target token " + alignment.targetId() + " uses source id " + id
                        + ", outside the source embedding matrix [0, " + sourceCount + ")");
            }
        }
    }
}
