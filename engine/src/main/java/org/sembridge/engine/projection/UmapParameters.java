package org.sembridge.engine.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sembridge.engine.InputFormatException;

/// Settings of a UMAP map ([UmapProjector]).
///
/// @param neighbours the size k of the nearest-neighbour graph, not counting the point itself
///     (as in Smile; umap-learn's `n_neighbors` counts it, so its 16 is our 15); valid range
///     [2, n - 1]: the map needs more points than neighbours. Small values keep local detail,
///     large values more global structure. Default 15.
/// @param minDist how tightly points may pack in the map, in map units; valid range [0, 1] (with
///     spread 1). Default 0.1.
/// @param epochs passes of stochastic gradient descent over the graph, at least 10. Default 500
///     (what umap-learn uses up to 10,000 points).
/// @param seed the seed of the start-layout jitter and of the negative sampling
public record UmapParameters(int neighbours, double minDist, int epochs, long seed) implements ProjectionParameters {

    /// Default neighbour count.
    public static final int DEFAULT_NEIGHBOURS = 15;
    /// Default minimum distance.
    public static final double DEFAULT_MIN_DIST = 0.1;
    /// Default number of epochs.
    public static final int DEFAULT_EPOCHS = 500;
    /// Default seed.
    public static final long DEFAULT_SEED = 42;
    /// The fewest epochs accepted.
    public static final int MIN_EPOCHS = 10;

    /// 15 neighbours, min_dist 0.1, 500 epochs, seed 42.
    public static UmapParameters defaults() {
        return new UmapParameters(DEFAULT_NEIGHBOURS, DEFAULT_MIN_DIST, DEFAULT_EPOCHS, DEFAULT_SEED);
    }

    /// These settings with another seed.
    public UmapParameters withSeed(long newSeed) {
        return new UmapParameters(neighbours, minDist, epochs, newSeed);
    }

    @Override
    public ProjectionMethod method() {
        return ProjectionMethod.UMAP;
    }

    @Override
    public Map<String, Number> settings() {
        Map<String, Number> settings = new LinkedHashMap<>();
        settings.put("neighbours", neighbours);
        settings.put("minDist", minDist);
        settings.put("epochs", epochs);
        settings.put("seed", seed);
        return settings;
    }

    @Override
    public void validate(int pointCount) throws InputFormatException {
        if (neighbours < 2) {
            throw new InputFormatException("UMAP needs at least 2 neighbours; found " + neighbours);
        }
        if (!(minDist >= 0 && minDist <= 1)) {
            throw new InputFormatException("UMAP min_dist must lie in [0, 1]; found " + minDist);
        }
        if (epochs < MIN_EPOCHS) {
            throw new InputFormatException("UMAP needs at least " + MIN_EPOCHS + " epochs; found " + epochs);
        }
        if (pointCount <= neighbours) {
            throw new InputFormatException("UMAP with " + neighbours + " neighbours needs more than " + neighbours
                    + " points; found " + pointCount + " (lower the neighbour count or add points)");
        }
    }
}
