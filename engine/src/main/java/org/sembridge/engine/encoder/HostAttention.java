package org.sembridge.engine.encoder;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.sembridge.engine.linalg.FloatDot;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.linalg.SingleThreadedBlas;

/// Multi-head self-attention of the host forward pass ([HostEncoder]): per text and head,
/// `softmax(Q K^T / sqrt(d)) V` over the text's real tokens, written into the context rows.
///
/// Q, K, V and the context are `[rows, hidden]` row-major, head `h` being the columns
/// `[h d, (h + 1) d)`, so every product reads and writes its head in place through the leading
/// dimension `hidden`: no split or merge copies. Padding keys are left out of the products;
/// that equals the additive mask of [TransformerLayer] exactly (its `-1e9` makes their weights
/// exactly 0 after the softmax). Padding query rows are computed as there (they attend to the
/// real tokens) so that every row of the hidden states matches the DJL path.
///
/// Two strategies, chosen per batch by its padded length `L`:
/// - `L >= ` [#BLAS_MIN_LENGTH]: OpenBLAS computes the `[L, n]` scores of every (text, head) pair
///   (`alpha = 1 / sqrt(d)`), Java their softmax rows, OpenBLAS the `[L, d]` contexts, each
///   phase parallel over the pairs with single-threaded OpenBLAS calls (see [#withBlas]);
/// - shorter texts (bridge strings of a few tokens): the products are too small for a BLAS call
///   to pay off, so Java computes each (text, head) pair whole, pairs in parallel.
final class HostAttention {

    /// The shortest padded length whose products go to OpenBLAS.
    static final int BLAS_MIN_LENGTH = 32;

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final OpenBlas blas;
    private final int heads;
    private final int headSize;
    private final int hidden;
    private final float scale;

    HostAttention(OpenBlas blas, int heads, int hidden) {
        if (heads < 1 || hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
        }
        this.blas = blas;
        this.heads = heads;
        this.headSize = hidden / heads;
        this.hidden = hidden;
        this.scale = (float) (1 / Math.sqrt(headSize));
    }

    /// Floats of the score scratch that [#apply] needs for `texts` texts of padded length `length`:
    /// the `[L, n]` scores of every text and head (the DJL path's `[texts, heads, L, L]` scores).
    static long scoreFloats(int texts, int heads, int length) {
        return (long) texts * heads * length * length;
    }

    /// Computes the context rows of `texts` texts of padded length `length`, text `i` having
    /// `tokens[i]` real tokens (a prefix); `scores` holds at least [#scoreFloats] floats.
    void apply(MemorySegment q, MemorySegment k, MemorySegment v, MemorySegment context, int texts, int length,
            int[] tokens, MemorySegment scores, StageClock clock) {
        if (length >= BLAS_MIN_LENGTH) {
            withBlas(q, k, v, context, texts, length, tokens, scores, clock);
        } else {
            // one scratch per range of pairs, not per pair: the pairs of a bridge batch are many and
            // small, and fresh arrays per pair were most of the encoder's garbage
            ParallelRows.forEach(texts * heads, length * headSize, (from, to) -> {
                PairScratch scratch = new PairScratch(length, headSize);
                for (int pair = from; pair < to; pair++) {
                    inJava(q, k, v, context, (long) (pair / heads) * length, length, tokens[pair / heads],
                            pair % heads, scratch);
                }
            });
            // the whole attention of this strategy counts as scores; the other stages report ~0
            clock.lap(ForwardStage.ATTENTION_SCORES);
            clock.lap(ForwardStage.SCALE_MASK_SOFTMAX);
            clock.lap(ForwardStage.ATTENTION_CONTEXT);
        }
        // the heads are written in place: no merge copy (reported as ~0 for the profile's table)
        clock.lap(ForwardStage.HEAD_MERGE);
    }

    /// The OpenBLAS strategy in three phases (scores, softmax, context), each parallel over the
    /// (text, head) pairs on the Java threads. A pair's products are small (`L x n x d`), and
    /// OpenBLAS would split each over its threads and synchronise them per call, so the phases run
    /// in a [SingleThreadedBlas] period (the Java threads give the parallelism), which restores the
    /// thread count when the last overlapping period ends.
    private void withBlas(MemorySegment q, MemorySegment k, MemorySegment v, MemorySegment context, int texts,
            int length, int[] tokens, MemorySegment scores, StageClock clock) {
        int pairs = texts * heads;
        long block = (long) length * length;
        try (SingleThreadedBlas single = SingleThreadedBlas.open(blas)) {
            IntStream.range(0, pairs).parallel().forEach(pair -> {
                int text = pair / heads;
                int n = tokens[text];
                long at = ((long) text * length * hidden + (long) (pair % heads) * headSize) * Float.BYTES;
                blas.sgemm(false, true, length, n, headSize, scale, q.asSlice(at), hidden, k.asSlice(at), hidden, 0f,
                        scores.asSlice(pair * block * Float.BYTES), n);
            });
            clock.lap(ForwardStage.ATTENTION_SCORES);
            ParallelRows.forEach(pairs, length * length, (from, to) -> {
                float[] row = new float[length];
                for (int pair = from; pair < to; pair++) {
                    int n = tokens[pair / heads];
                    for (int t = 0; t < length; t++) {
                        long offset = (pair * block + (long) t * n) * Float.BYTES;
                        MemorySegment.copy(scores, FLOAT, offset, row, 0, n);
                        softmax(row, n);
                        MemorySegment.copy(row, 0, scores, FLOAT, offset, n);
                    }
                }
            });
            clock.lap(ForwardStage.SCALE_MASK_SOFTMAX);
            IntStream.range(0, pairs).parallel().forEach(pair -> {
                int text = pair / heads;
                int n = tokens[text];
                long at = ((long) text * length * hidden + (long) (pair % heads) * headSize) * Float.BYTES;
                blas.sgemm(false, false, length, headSize, n, 1f, scores.asSlice(pair * block * Float.BYTES), n,
                        v.asSlice(at), hidden, 0f, context.asSlice(at), hidden);
            });
            clock.lap(ForwardStage.ATTENTION_CONTEXT);
        }
    }

    /// One (text, head) pair on the calling thread, in `scratch` (sized for the batch's length).
    private void inJava(MemorySegment q, MemorySegment k, MemorySegment v, MemorySegment context, long firstRow,
            int length, int n, int h, PairScratch scratch) {
        int d = headSize;
        float[] queries = scratch.queries;
        float[] keys = scratch.keys;
        float[] values = scratch.values;
        float[] weights = scratch.weights;
        float[] out = scratch.out;
        for (int t = 0; t < length; t++) {
            long at = ((firstRow + t) * hidden + (long) h * d) * Float.BYTES;
            MemorySegment.copy(q, FLOAT, at, queries, t * d, d);
            if (t < n) {
                MemorySegment.copy(k, FLOAT, at, keys, t * d, d);
                MemorySegment.copy(v, FLOAT, at, values, t * d, d);
            }
        }
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < n; j++) {
                weights[j] = FloatDot.dot(queries, t * d, keys, j * d, d) * scale;
            }
            softmax(weights, n);
            Arrays.fill(out, 0f);
            for (int j = 0; j < n; j++) {
                float w = weights[j];
                for (int c = 0; c < d; c++) {
                    out[c] += w * values[j * d + c];
                }
            }
            MemorySegment.copy(out, 0, context, FLOAT, ((firstRow + t) * hidden + (long) h * d) * Float.BYTES, d);
        }
    }

    /// The working arrays of [#inJava] for one thread's range of pairs: a head's queries, keys and
    /// values of up to `length` tokens, one score row and one context row.
    private static final class PairScratch {
        final float[] queries;
        final float[] keys;
        final float[] values;
        final float[] weights;
        final float[] out;

        PairScratch(int length, int headSize) {
            queries = new float[length * headSize];
            keys = new float[length * headSize];
            values = new float[length * headSize];
            weights = new float[length];
            out = new float[headSize];
        }
    }

    /// Softmax of `row[0 .. n)` in place (maximum subtracted first; `exp` by [VectorKernels#expShifted]
    /// where the Vector API is present, else in double).
    static void softmax(float[] row, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, row[i]);
        }
        double sum;
        if (HostActivation.VECTOR_API) {
            sum = VectorKernels.expShifted(row, n, max);
        } else {
            sum = 0;
            for (int i = 0; i < n; i++) {
                float e = (float) Math.exp(row[i] - max);
                row[i] = e;
                sum += e;
            }
        }
        float inverse = (float) (1 / sum);
        for (int i = 0; i < n; i++) {
            row[i] *= inverse;
        }
    }
}
