package org.sembridge.engine.bench;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.sembridge.engine.transfer.FloatMatrix;

/// Seeded synthetic bridge vectors with the structure SemBridge meets in real ones: every
/// target token lies near a few source tokens (its synonyms) and far from the rest, and all
/// vectors share a common direction (sentence encoders are anisotropic: unrelated token strings
/// still have cosine ~0.35). At `alpha = 4` this gives supports of 2 to 7 source tokens, mean
/// about 3, as the paper reports for real bridges (method.md step 4).
///
/// The model, with `u(.)` a fresh standard Gaussian vector scaled to unit length, `m` the shared
/// direction, and `c_k` one of `max(1, nS / 3)` synonym-group centres (group sizes are then
/// Poisson with mean 3):
///
/// ```
/// source i:  normalise(0.6 m + 0.7 c_k(i) + 0.6 u)              k(i) uniform over the groups
/// target x:  normalise(0.6 m + 0.7 r c_k(x) + 0.6 u)            r uniform in [0.2, 1), 90% of x
///            normalise(0.6 m + 0.7 r u' + 0.6 u)                 the other 10%: related to no group
/// ```
///
/// Cosines: a target to its group's sources about 0.45 to 0.75, to any other source about
/// 0.35 +- 0.03. Source embeddings (the model's `E_s`) are uniform in `[-a, a]`, `a = 0.02
/// sqrt(3)` (standard deviation 0.02, BERT's initializer range).
///
/// Every row is drawn from its own generator seeded by `(seed, kind, row)`, so rows are filled in
/// parallel yet reproducibly, and target row `x` is the same whatever the number of targets
/// asked for: the first `n` rows of a large target matrix equal a matrix of `n` targets.
public final class SyntheticBridgeSpace {

    private static final double SHARED_WEIGHT = 0.6;
    private static final double GROUP_WEIGHT = 0.7;
    private static final double NOISE_WEIGHT = 0.6;
    private static final double RELATED_SHARE = 0.9;
    private static final double MIN_RELATEDNESS = 0.2;
    private static final int SOURCES_PER_GROUP = 3;
    private static final double EMBEDDING_HALF_WIDTH = 0.02 * Math.sqrt(3);

    private static final long SHARED = 1;
    private static final long CENTRE = 2;
    private static final long SOURCE = 3;
    private static final long TARGET = 4;
    private static final long EMBEDDING = 5;

    private final int sourceCount;
    private final int dimension;
    private final long seed;
    private final float[] shared;
    private final FloatMatrix centres;

    private SyntheticBridgeSpace(int sourceCount, int dimension, long seed) {
        this.sourceCount = sourceCount;
        this.dimension = dimension;
        this.seed = seed;
        this.shared = new float[dimension];
        addUnit(shared, 0, dimension, 1.0, random(SHARED, 0));
        this.centres = rows(Math.max(1, sourceCount / SOURCES_PER_GROUP), CENTRE,
                (values, offset, random) -> addUnit(values, offset, dimension, 1.0, random));
    }

    /// A space of `sourceCount` source tokens in `dimension` bridge dimensions.
    ///
    /// @throws IllegalArgumentException when a count is below 1
    public static SyntheticBridgeSpace create(int sourceCount, int dimension, long seed) {
        if (sourceCount < 1 || dimension < 1) {
            throw new IllegalArgumentException("sourceCount and dimension must be >= 1, got " + sourceCount + " and "
                    + dimension);
        }
        return new SyntheticBridgeSpace(sourceCount, dimension, seed);
    }

    /// Source tokens.
    public int sourceCount() {
        return sourceCount;
    }

    /// Bridge dimension `D`.
    public int dimension() {
        return dimension;
    }

    /// The source bridge vectors, `nS x D`, unit length.
    public FloatMatrix sourceVectors() {
        int groups = centres.rows();
        return rows(sourceCount, SOURCE, (values, offset, random) -> {
            int group = random.nextInt(groups);
            addScaled(values, offset, centres.values(), group * dimension, GROUP_WEIGHT);
            finish(values, offset, random);
        });
    }

    /// The first `count` target bridge vectors, `count x D`, unit length.
    ///
    /// @throws IllegalArgumentException when `count < 0`
    public FloatMatrix targetVectors(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        int groups = centres.rows();
        return rows(count, TARGET, (values, offset, random) -> {
            boolean related = random.nextDouble() < RELATED_SHARE;
            int group = random.nextInt(groups);
            double strength = GROUP_WEIGHT * random.nextDouble(MIN_RELATEDNESS, 1.0);
            if (related) {
                addScaled(values, offset, centres.values(), group * dimension, strength);
            } else {
                addUnit(values, offset, dimension, strength, random);
            }
            finish(values, offset, random);
        });
    }

    /// A source embedding matrix `E_s`, `nS x modelDimension`, uniform with standard deviation 0.02.
    ///
    /// @throws IllegalArgumentException when `modelDimension < 1`
    public FloatMatrix sourceEmbeddings(int modelDimension) {
        if (modelDimension < 1) {
            throw new IllegalArgumentException("modelDimension must be >= 1, got " + modelDimension);
        }
        return rows(sourceCount, modelDimension, EMBEDDING, (values, offset, random) -> {
            for (int c = 0; c < modelDimension; c++) {
                values[offset + c] = (float) random.nextDouble(-EMBEDDING_HALF_WIDTH, EMBEDDING_HALF_WIDTH);
            }
        });
    }

    /// Adds the shared direction and fresh noise to a row, then scales it to unit length.
    private void finish(float[] values, int offset, SplittableRandom random) {
        addScaled(values, offset, shared, 0, SHARED_WEIGHT);
        addUnit(values, offset, dimension, NOISE_WEIGHT, random);
        double squares = 0;
        for (int c = 0; c < dimension; c++) {
            squares += (double) values[offset + c] * values[offset + c];
        }
        float scale = (float) (1.0 / Math.sqrt(squares));
        for (int c = 0; c < dimension; c++) {
            values[offset + c] *= scale;
        }
    }

    /// Adds `weight u` for a fresh unit Gaussian direction `u`.
    private static void addUnit(float[] values, int offset, int width, double weight, SplittableRandom random) {
        double[] gaussian = new double[width];
        double squares = 0;
        for (int c = 0; c < width; c++) {
            gaussian[c] = random.nextGaussian();
            squares += gaussian[c] * gaussian[c];
        }
        double scale = weight / Math.sqrt(squares);
        for (int c = 0; c < width; c++) {
            values[offset + c] += (float) (gaussian[c] * scale);
        }
    }

    private void addScaled(float[] values, int offset, float[] from, int fromOffset, double weight) {
        for (int c = 0; c < dimension; c++) {
            values[offset + c] += (float) (weight * from[fromOffset + c]);
        }
    }

    private FloatMatrix rows(int count, long kind, RowFiller filler) {
        return rows(count, dimension, kind, filler);
    }

    /// A `count x width` matrix whose row `r` is filled by `filler` with the generator of `(kind, r)`.
    private FloatMatrix rows(int count, int width, long kind, RowFiller filler) {
        FloatMatrix matrix = FloatMatrix.zeros(count, width);
        IntStream.range(0, count).parallel()
                .forEach(r -> filler.fill(matrix.values(), r * width, random(kind, r)));
        return matrix;
    }

    /// The generator of one row: independent streams for distinct `(seed, kind, row)`.
    private SplittableRandom random(long kind, int row) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 0xC2B2AE3D27D4EB4FL + row);
    }

    @FunctionalInterface
    private interface RowFiller {
        void fill(float[] values, int offset, SplittableRandom random);
    }
}
