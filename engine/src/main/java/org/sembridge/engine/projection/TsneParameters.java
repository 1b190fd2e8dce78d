package org.sembridge.engine.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.InputFormatException;

/// Settings of a Barnes-Hut t-SNE map ([TsneProjector]).
///
/// @param perplexity the effective number of neighbours each point's Gaussian covers; valid
///     range (1, (n - 1) / 3): every point needs `3 * perplexity` neighbours, so the map needs
///     more than `3 * perplexity` points. Default 30.
/// @param iterations gradient-descent iterations, at least 250 (the early-exaggeration phase
///     alone lasts 250). Default 1000.
/// @param learningRate the step size (eta), > 0, in the convention of van der Maaten's bhtsne
///     (the gradient has no factor 4). Default 200; for more than about 10,000 points n / 12
///     converges faster (Belkina et al. 2019).
/// @param seed the seed of the random jitter added to the PCA start layout
public record TsneParameters(double perplexity, int iterations, double learningRate, long seed)
        implements ProjectionParameters {

    /// Default perplexity.
    public static final double DEFAULT_PERPLEXITY = 30;
    /// Default number of iterations.
    public static final int DEFAULT_ITERATIONS = 1000;
    /// Default learning rate.
    public static final double DEFAULT_LEARNING_RATE = 200;
    /// Default seed.
    public static final long DEFAULT_SEED = 42;
    /// The fewest iterations accepted: the early-exaggeration phase.
    public static final int MIN_ITERATIONS = 250;

    /// The perplexity setting, as the command line and the workbench offer it.
    public static final ProjectionSetting PERPLEXITY = new ProjectionSetting("perplexity", "--perplexity", "P",
            "Perplexity", ProjectionSetting.Kind.REAL, 2, 200, 5, DEFAULT_PERPLEXITY, "perplexity",
            "> 1 and below (points - 1) / 3", "", "the effective number of neighbours of each point");
    /// The iterations setting (its option `--iterations` is shared with UMAP's epochs).
    public static final ProjectionSetting ITERATIONS = new ProjectionSetting("iterations", "--iterations", "N",
            "Iterations", ProjectionSetting.Kind.INTEGER, MIN_ITERATIONS, 20_000, 250, DEFAULT_ITERATIONS, "iterations",
            ">= " + MIN_ITERATIONS, "", "gradient-descent steps; the first 250 are the early exaggeration");
    /// The learning-rate setting.
    public static final ProjectionSetting LEARNING_RATE = new ProjectionSetting("learningRate", "--learning-rate",
            "ETA", "Learning rate", ProjectionSetting.Kind.REAL, 1, 10_000, 50, DEFAULT_LEARNING_RATE, "learning rate",
            "> 0", "", "the step size; about points / 12 converges faster above 10,000 points");
    /// The seed setting (shared with UMAP under the same name and option).
    public static final ProjectionSetting SEED = new ProjectionSetting("seed", "--seed", "N", "Seed",
            ProjectionSetting.Kind.SEED, Long.MIN_VALUE, Long.MAX_VALUE, 1, DEFAULT_SEED, "seed", "", "",
            "seed of the start jitter and of the sampling; same seed, same map");
    /// The settings of a t-SNE map in display order; [#of] reads them back.
    public static final List<ProjectionSetting> SETTINGS = List.of(PERPLEXITY, ITERATIONS, LEARNING_RATE, SEED);

    /// The parameters of `values` (keyed by setting name); absent settings take their default.
    public static TsneParameters of(Map<String, ? extends Number> values) {
        return new TsneParameters(PERPLEXITY.valueIn(values).doubleValue(), ITERATIONS.valueIn(values).intValue(),
                LEARNING_RATE.valueIn(values).doubleValue(), SEED.valueIn(values).longValue());
    }

    /// Perplexity 30, 1000 iterations, learning rate 200, seed 42.
    public static TsneParameters defaults() {
        return new TsneParameters(DEFAULT_PERPLEXITY, DEFAULT_ITERATIONS, DEFAULT_LEARNING_RATE, DEFAULT_SEED);
    }

    /// These settings with another seed.
    public TsneParameters withSeed(long newSeed) {
        return new TsneParameters(perplexity, iterations, learningRate, newSeed);
    }

    /// The number of nearest neighbours the affinities use: `min(n - 1, floor(3 * perplexity))`.
    public int neighbourCount(int pointCount) {
        return (int) Math.min(pointCount - 1L, (long) Math.floor(3 * perplexity));
    }

    @Override
    public ProjectionMethod method() {
        return ProjectionMethod.TSNE;
    }

    @Override
    public Map<String, Number> settings() {
        Map<String, Number> settings = new LinkedHashMap<>();
        settings.put("perplexity", perplexity);
        settings.put("iterations", iterations);
        settings.put("learningRate", learningRate);
        settings.put("seed", seed);
        return settings;
    }

    @Override
    public void validate(int pointCount) throws InputFormatException {
        if (!(perplexity > 1) || !Double.isFinite(perplexity)) {
            throw new InputFormatException("t-SNE perplexity must be a number greater than 1; found " + perplexity);
        }
        if (iterations < MIN_ITERATIONS) {
            throw new InputFormatException("t-SNE needs at least " + MIN_ITERATIONS
                    + " iterations (the early-exaggeration phase); found " + iterations);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new InputFormatException("t-SNE learning rate must be a positive number; found " + learningRate);
        }
        if (pointCount <= 3 * perplexity) {
            throw new InputFormatException("t-SNE with perplexity " + perplexity + " needs more than 3 x perplexity = "
                    + (3 * perplexity) + " points; found " + pointCount
                    + " (lower the perplexity to below " + Math.max(1, (pointCount - 1) / 3) + " or add points)");
        }
    }
}
