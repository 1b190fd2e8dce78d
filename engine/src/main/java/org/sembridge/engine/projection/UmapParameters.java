package org.sembridge.engine.projection;

import java.util.LinkedHashMap;
import java.util.List;
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

    /// The neighbours setting, as the command line and the workbench offer it.
    public static final ProjectionSetting NEIGHBOURS = new ProjectionSetting("neighbours", "--neighbours", "K",
            "Neighbours", ProjectionSetting.Kind.INTEGER, 2, 500, 5, DEFAULT_NEIGHBOURS, "neighbours",
            "2 .. points - 1", "", "small keeps local detail, large more global shape");
    /// The min_dist setting.
    public static final ProjectionSetting MIN_DIST = new ProjectionSetting("minDist", "--min-dist", "D",
            "Min distance", ProjectionSetting.Kind.REAL, 0, 1, 0.05, DEFAULT_MIN_DIST, "min_dist", "0 .. 1",
            "map units", "how tightly points may pack");
    /// The epochs setting (offered as `--iterations`, the option t-SNE's iterations use).
    public static final ProjectionSetting EPOCHS = new ProjectionSetting("epochs", "--iterations", "N", "Epochs",
            ProjectionSetting.Kind.INTEGER, MIN_EPOCHS, 10_000, 50, DEFAULT_EPOCHS, "epochs", ">= " + MIN_EPOCHS, "",
            "passes of stochastic gradient descent over the neighbour graph");
    /// The seed setting (shared with t-SNE under the same name and option).
    public static final ProjectionSetting SEED = new ProjectionSetting("seed", "--seed", "N", "Seed",
            ProjectionSetting.Kind.SEED, Long.MIN_VALUE, Long.MAX_VALUE, 1, DEFAULT_SEED, "seed", "", "",
            "seed of the start jitter and of the sampling; same seed, same map");
    /// The settings of a UMAP map in display order; [#of] reads them back.
    public static final List<ProjectionSetting> SETTINGS = List.of(NEIGHBOURS, MIN_DIST, EPOCHS, SEED);

    /// The parameters of `values` (keyed by setting name); absent settings take their default.
    public static UmapParameters of(Map<String, ? extends Number> values) {
        return new UmapParameters(NEIGHBOURS.valueIn(values).intValue(), MIN_DIST.valueIn(values).doubleValue(),
                EPOCHS.valueIn(values).intValue(), SEED.valueIn(values).longValue());
    }

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
