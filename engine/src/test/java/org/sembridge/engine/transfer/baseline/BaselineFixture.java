package org.sembridge.engine.transfer.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;

/// A small random transfer problem for the baseline tests: Gaussian bridge vectors (60 target,
/// 300 source tokens, dimension 12), a 300 x 6 source embedding matrix, every fourth target token
/// "overlapping" (its row is not rebuilt) and 40 overlapping source tokens.
record BaselineFixture(InitializationInput input, FloatMatrix embeddings) {

    static final int TARGETS = 60;
    static final int SOURCES = 300;
    static final int BRIDGE_DIMENSION = 12;
    static final int HIDDEN = 6;
    static final int OVERLAP = 40;
    /// 20 target rows per similarity block, so that every search runs several blocks.
    static final long SMALL_BLOCKS = 20L * SOURCES * Float.BYTES;

    /// A fixture drawn from `seed`; `seed` is also the input's seed.
    static BaselineFixture of(long seed) {
        Random random = new Random(seed);
        FloatMatrix targets = gaussian(random, TARGETS, BRIDGE_DIMENSION);
        FloatMatrix sources = gaussian(random, SOURCES, BRIDGE_DIMENSION);
        FloatMatrix embeddings = gaussian(random, SOURCES, HIDDEN);
        int[] newTargetIds = IntStream.range(0, TARGETS).filter(t -> t % 4 != 1).toArray();
        int[] overlap = random.ints(0, SOURCES).distinct().limit(OVERLAP).sorted().toArray();
        return new BaselineFixture(new InitializationInput(embeddings, sources, targets, newTargetIds, overlap, seed,
                SelectedDevice.cpu()), embeddings);
    }

    /// The seed of a randomized test: `-Dsembridge.seed` when given, else a fresh one; printed so
    /// a failure can be replayed.
    static long seed(String test) {
        long seed = Long.getLong("sembridge.seed", System.nanoTime());
        System.out.println(test + " seed=" + seed + " (rerun with -Dsembridge.seed=" + seed + ")");
        return seed;
    }

    /// Standard normal entries.
    static FloatMatrix gaussian(Random random, int rows, int columns) {
        FloatMatrix matrix = FloatMatrix.zeros(rows, columns);
        for (int i = 0; i < matrix.values().length; i++) {
            matrix.values()[i] = (float) random.nextGaussian();
        }
        return matrix;
    }

    /// Equally long rows as one matrix (a copy).
    static FloatMatrix matrix(float[][] rows) {
        FloatMatrix matrix = FloatMatrix.zeros(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, matrix.values(), r * matrix.columns(), matrix.columns());
        }
        return matrix;
    }

    /// The same input without bridge vectors and overlap.
    InitializationInput withoutBridge() {
        return new InitializationInput(input.sourceEmbeddings(), null, null, input.newTargetIds(), new int[0],
                input.seed(), input.device());
    }

    /// The same input with another overlap.
    InitializationInput withOverlap(int[] overlapSourceIds) {
        return new InitializationInput(input.sourceEmbeddings(), input.sourceBridge(), input.targetBridge(),
                input.newTargetIds(), overlapSourceIds, input.seed(), input.device());
    }

    /// The same input with another seed.
    InitializationInput withSeed(long seed) {
        return new InitializationInput(input.sourceEmbeddings(), input.sourceBridge(), input.targetBridge(),
                input.newTargetIds(), input.overlapSourceIds(), seed, input.device());
    }

    /// Embeddings, an "untied decoder" `2 E_s` and a "bias" `E_s[:, 0]`: a plan that uses the same
    /// weights for every matrix maps them to `R`, `2 R` and `R[:, 0]`.
    List<FloatMatrix> embeddingsDecoderAndBias() {
        float[] doubled = embeddings.values().clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2.0f;
        }
        float[] bias = new float[SOURCES];
        for (int r = 0; r < SOURCES; r++) {
            bias[r] = embeddings.get(r, 0);
        }
        return List.of(embeddings, new FloatMatrix(SOURCES, HIDDEN, doubled), new FloatMatrix(SOURCES, 1, bias));
    }

    /// Plans with a fresh token and no progress.
    static InitializationPlan plan(EmbeddingInitializer initializer, InitializationInput input) throws Exception {
        return initializer.plan(input, ProgressListener.NONE, CancellationToken.create());
    }

    /// Applies with a fresh token and no progress.
    static List<FloatMatrix> apply(InitializationPlan plan, List<FloatMatrix> matrices) throws Exception {
        return plan.apply(matrices, ProgressListener.NONE, CancellationToken.create());
    }

    /// `values` as `double`s.
    static double[] toDouble(float[] values) {
        return IntStream.range(0, values.length).mapToDouble(i -> values[i]).toArray();
    }

    /// Rows as `double[][]` for JSON.
    static double[][] rowsOf(FloatMatrix matrix) {
        return IntStream.range(0, matrix.rows()).mapToObj(r -> toDouble(matrix.row(r))).toArray(double[][]::new);
    }

    /// Whether `sorted` (ascending) contains `id`.
    static boolean contains(int[] sorted, int id) {
        return Arrays.binarySearch(sorted, id) >= 0;
    }
}
