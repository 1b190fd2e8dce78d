package org.sembridge.engine.projection;

import java.util.LinkedHashMap;
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
