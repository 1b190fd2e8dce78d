package org.sembridge.engine.encoder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.linalg.SingleThreadedBlas;

/// The MLM decoder and SPLADE max pooling fused on the CPU: the term weights
///
/// ```
/// w_v = log(1 + ReLU(max_t (h_t . D_v) + b_v))
/// ```
///
/// of one text's real-token head states `h_t` (`[tokens, hidden]`), computed a slice of the
/// vocabulary at a time, so the `[tokens, vocab]` logits never exist whole: OpenBLAS
/// (`cblas_sgemm`, [OpenBlas]) writes the logits of at most [#BLOCK_FLOATS] floats (1 MiB, in
/// the cache) for a group of texts and a slice of vocabulary columns, and the maximum over each
/// text's rows is folded into that text's `[vocab]` row at once. The bias and the activation
/// then touch `vocab` values per text, not `tokens x vocab`.
///
/// Equal to [SpladePooling#MAX] on the logits of [MaskedLmHead] within float tolerance: the
/// products are summed in another order than libtorch's (relative differences around 1e-6);
/// `max_t (a_t + b) = max_t a_t + b` holds exactly in floating point because rounding is
/// monotone. At 262,144 vocabulary entries the unfused path materialised 1 MiB per token and
/// ran three element-wise passes over it (selection, max, copy back); this one reads the decoder
/// table once per group of texts and keeps every intermediate in the cache. The vocabulary is
/// split into ranges that run on all cores at once, each thread multiplying and folding its own
/// columns ([#maxLogits(float[], int[])]).
///
/// The decoder table is read in place: [NDArray#toByteBuffer(boolean)] with `tryDirect` gives a
/// direct buffer over the libtorch tensor's memory (no copy), which stays valid while the model
/// is loaded; the owner ([SparseEncoder]) closes this before the model. CPU only: on a GPU the
/// table is not in host memory and [#of] is empty, as it is without OpenBLAS.
final class MaxPooledDecoder {

    /// Floats in one logits block (group rows x vocabulary slice): 1 MiB.
    static final int BLOCK_FLOATS = 1 << 18;
    /// Real tokens of the texts multiplied together: more texts per product amortise reading
    /// the decoder table; a longer text is multiplied alone.
    static final int GROUP_ROWS = 512;
    /// The narrowest vocabulary slice, so that each product stays a real matrix product.
    static final int MIN_SLICE = 256;
    /// The most texts multiplied together in one group.
    static final int GROUP_TEXTS = 16;
    /// Vocabulary ranges per thread ([#parts]).
    static final int PARTS_PER_THREAD = 4;
    /// The narrowest vocabulary range of one thread's task.
    static final int MIN_PART_COLUMNS = 4 * MIN_SLICE;

    /// The smallest vocabulary whose fold runs on the Vector API ([VectorKernels#maxOfRows]) when
    /// the module is present. That fold is about six times faster than the scalar one once C2 has
    /// compiled it, and far slower before: a small vocabulary's whole fold (the sample model's
    /// 3,457 columns: about 15 ms for the demo corpus) would not outlast the warm-up; at 262,144
    /// columns the fold is a fifth of the decoder's work. Both folds give the same bits.
    static final int VECTOR_FOLD_MIN_VOCAB = 1 << 15;

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final OpenBlas blas;
    private final MemorySegment table;
    private final float[] bias;
    private final int vocab;
    private final int hidden;
    /// Whether the fold runs on the Vector API ([VectorKernels#maxOfRows]).
    private final boolean vectorFold;

    private MaxPooledDecoder(OpenBlas blas, MemorySegment table, float[] bias, int vocab, int hidden,
            boolean vectorFold) {
        this.blas = blas;
        this.table = table;
        this.bias = bias;
        this.vocab = vocab;
        this.hidden = hidden;
        this.vectorFold = vectorFold && HostActivation.VECTOR_API;
    }

    /// The fused decoder over `decoder` (`weight [vocab, hidden]`, `bias [vocab]`, float32, on the
    /// CPU), or empty when OpenBLAS is not loaded or the table is not in host memory.
    static Optional<MaxPooledDecoder> of(LinearProjection decoder) {
        Optional<OpenBlas> blas = OpenBlas.available();
        NDArray weight = decoder.weight();
        if (blas.isEmpty() || !weight.getDevice().equals(Device.cpu()) || weight.getDataType() != DataType.FLOAT32
                || weight.getShape().dimension() != 2) {
            return Optional.empty();
        }
        ByteBuffer buffer = weight.toByteBuffer(true);
        if (!buffer.isDirect()) {
            return Optional.empty();
        }
        int vocab = Math.toIntExact(weight.getShape().get(0));
        int hidden = Math.toIntExact(weight.getShape().get(1));
        MemorySegment table = MemorySegment.ofBuffer(buffer);
        if (table.byteSize() < (long) vocab * hidden * Float.BYTES) {
            return Optional.empty();
        }
        float[] bias = decoder.bias() == null ? new float[vocab] : decoder.bias().toFloatArray();
        MaxPooledDecoder fused = new MaxPooledDecoder(blas.get(), table, bias, vocab, hidden,
                vocab >= VECTOR_FOLD_MIN_VOCAB);
        if (fused.vectorFold) {
            // compiled now, so that the first batch does not run the fold interpreted
            VectorKernels.compileMaxOfRows();
        }
        return Optional.of(fused);
    }

    /// This decoder with the Vector API fold on or off (it stays off without the module): for
    /// tests comparing the two folds on small tables.
    MaxPooledDecoder withVectorFold(boolean enabled) {
        return new MaxPooledDecoder(blas, table, bias, vocab, hidden, enabled);
    }

    /// Whether the fold runs on the Vector API.
    boolean vectorFold() {
        return vectorFold;
    }

    /// Width of the head states (columns of the decoder table).
    int hiddenSize() {
        return hidden;
    }

    /// Vocabulary entries per pooled row.
    int vocabSize() {
        return vocab;
    }

    /// The maximum over each text's rows of the logits without bias, `max_t (h_t . D_v)`, for
    /// texts whose head states lie row after row in `states` (`[sum(tokens), hidden]`, text `i`
    /// owning `tokens[i]` rows): one `[vocab]` row per text, in order. [#activate] turns a row
    /// into term weights.
    ///
    /// The vocabulary is cut into [#parts] ranges that run in parallel on the common fork-join
    /// pool (the calling thread takes part), each with its own buffers and single-threaded
    /// OpenBLAS products ([SingleThreadedBlas]); a range writes only its own columns of the
    /// result. Each thread thus folds the logits it has just computed, while they are in its
    /// cache: with OpenBLAS threading each product instead, the fold ran on one thread while the
    /// library's other threads waited, and the decoder reached about a third of the matrix
    /// product's speed. The result does not depend on the number of ranges: every logit is the
    /// same product over `hidden` whatever range computes it.
    float[][] maxLogits(float[] states, int[] tokens) {
        return maxLogits(states, tokens, ForkJoinPool.getCommonPoolParallelism() + 1);
    }

    /// [#maxLogits(float[], int[])] with the vocabulary cut for `threads` threads ([#parts]).
    float[][] maxLogits(float[] states, int[] tokens, int threads) {
        long rows = 0;
        for (int count : tokens) {
            if (count < 1) {
                throw new IllegalArgumentException("every text needs at least one token, found " + count);
            }
            rows += count;
        }
        if (states.length != rows * hidden) {
            throw new IllegalArgumentException("states hold " + states.length + " floats, expected " + rows + " x "
                    + hidden);
        }
        float[][] maxima = new float[tokens.length][vocab];
        List<Group> groups = groups(tokens);
        int parts = parts(vocab, threads);
        if (parts == 1) {
            maxLogitsOfColumns(states, tokens, groups, 0, vocab, maxima);
            return maxima;
        }
        try (SingleThreadedBlas single = SingleThreadedBlas.open(blas)) {
            IntStream.range(0, parts).parallel().forEach(part -> maxLogitsOfColumns(states, tokens, groups,
                    (int) ((long) part * vocab / parts), (int) ((long) (part + 1) * vocab / parts), maxima));
        }
        return maxima;
    }

    /// Vocabulary ranges of a `vocab`-entry table for `threads` threads: [#PARTS_PER_THREAD] per thread, so a thread
    /// slowed by other work on the machine does not hold up the rest, each at least
    /// [#MIN_PART_COLUMNS] wide; 1 for a single thread or a small vocabulary.
    static int parts(int vocab, int threads) {
        if (threads <= 1) {
            return 1;
        }
        return Math.max(1, Math.min(threads * PARTS_PER_THREAD, vocab / MIN_PART_COLUMNS));
    }

    /// Texts multiplied together: consecutive texts of at most [#GROUP_TEXTS] and
    /// `max(GROUP_ROWS, longest)` rows.
    private static List<Group> groups(int[] tokens) {
        int longest = Arrays.stream(tokens).max().orElse(0);
        int groupRows = Math.max(longest, GROUP_ROWS);
        List<Group> groups = new ArrayList<>();
        int first = 0;
        int firstRow = 0;
        while (first < tokens.length) {
            int end = first + 1;
            int rows = tokens[first];
            while (end < tokens.length && end - first < GROUP_TEXTS && rows + tokens[end] <= groupRows) {
                rows += tokens[end];
                end++;
            }
            groups.add(new Group(first, end, firstRow, rows));
            firstRow += rows;
            first = end;
        }
        return groups;
    }

    /// Texts `[first, end)`, whose `rows` head states start at row `firstRow`.
    private record Group(int first, int end, int firstRow, int rows) {
    }

    /// The maxima of the vocabulary columns `[from, to)` for every group, on the calling thread,
    /// with buffers of its own.
    private void maxLogitsOfColumns(float[] states, int[] tokens, List<Group> groups, int from, int to,
            float[][] maxima) {
        int groupRows = groups.stream().mapToInt(Group::rows).max().orElse(0);
        // A group of g rows uses g x slice(g) <= max(BLOCK_FLOATS, g x min(vocab, MIN_SLICE)) floats.
        long blockFloats = Math.max(BLOCK_FLOATS, (long) groupRows * Math.min(vocab, MIN_SLICE));
        float[] logits = new float[Math.min(slice(1), to - from)];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate((long) groupRows * hidden * Float.BYTES, 64);
            MemorySegment c = arena.allocate(blockFloats * Float.BYTES, 64);
            for (Group group : groups) {
                MemorySegment.copy(states, group.firstRow() * hidden, a, FLOAT, 0, group.rows() * hidden);
                maxLogitsOfGroup(a, tokens, group, from, to, c, logits, maxima);
            }
        }
    }

    /// Turns a row of [#maxLogits] into term weights in place: `log(1 + ReLU(max + b_v))`, zero
    /// where the pooled logit is not positive.
    void activate(float[] row) {
        for (int v = 0; v < vocab; v++) {
            float x = row[v] + bias[v];
            row[v] = x > 0 ? (float) Math.log(1f + x) : 0f;
        }
    }

    /// The vocabulary columns per product for `rows` rows: the block budget over the rows, at
    /// least [#MIN_SLICE], at most the vocabulary.
    private int slice(int rows) {
        return Math.min(vocab, Math.max(MIN_SLICE, BLOCK_FLOATS / Math.max(1, rows)));
    }

    private void maxLogitsOfGroup(MemorySegment a, int[] tokens, Group group, int from, int to, MemorySegment c,
            float[] logits, float[][] maxima) {
        int width = slice(group.rows());
        for (int v0 = from; v0 < to; v0 += width) {
            int n = Math.min(width, to - v0);
            blas.sgemm(false, true, group.rows(), n, hidden, 1f, a, hidden,
                    table.asSlice((long) v0 * hidden * Float.BYTES), hidden, 0f, c, n);
            int r = 0;
            for (int text = group.first(); text < group.end(); text++) {
                if (vectorFold) {
                    VectorKernels.maxOfRows(c, r, tokens[text], n, maxima[text], v0);
                } else {
                    maxOfRows(c, r, tokens[text], n, maxima[text], v0, logits);
                }
                r += tokens[text];
            }
        }
    }

    /// The scalar fold: `max[at + j]` = the maximum of `rows` rows of `n` logits from row `first`
    /// of `block`, one row at a time through `row` (at least `n` floats).
    private static void maxOfRows(MemorySegment block, int first, int rows, int n, float[] max, int at,
            float[] row) {
        MemorySegment.copy(block, FLOAT, (long) first * n * Float.BYTES, max, at, n);
        for (int t = 1; t < rows; t++) {
            MemorySegment.copy(block, FLOAT, (long) (first + t) * n * Float.BYTES, row, 0, n);
            for (int j = 0; j < n; j++) {
                max[at + j] = Math.max(max[at + j], row[j]);
            }
        }
    }
}
