package org.sembridge.app.map;

import java.util.EnumMap;
import java.util.Map;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.projection.TsneParameters;
import org.sembridge.engine.projection.UmapParameters;

/// The expected time of a map, from rates measured on this machine: how long a projection of `n`
/// points of dimension `d` takes is modelled as
///
/// `passes * n^2 * d * secondsPerVectorPair + n^2 * secondsPerMapPair + layoutUnits * secondsPerLayoutUnit(method)`
///
/// - `passes` exact all-pairs distance passes over the vectors: 1 for PCA (the quality
///   figures), 2 for t-SNE and UMAP (their neighbour graph, then the quality figures); per pair
///   and dimension (native `dgemm`);
/// - one all-pairs pass over the map's 2-D coordinates (the quality's map neighbours);
/// - the method's own work: PCA `n` (the `n d^2` covariance with `d` fixed per run), t-SNE
///   `iterations * n * log2 n` (Barnes-Hut), UMAP `epochs * n * neighbours`.
///
/// The quadratic terms dominate beyond ~20,000 points, which is what the size guard is for.
/// [#REFERENCE] holds rates measured on the development machine; every finished map replaces the
/// rates its stages measured ([#calibrated]; stages shorter than [#MIN_MEASURED_NANOS] are too
/// short to extrapolate and keep the old rate), so the estimate follows this machine after its
/// first map. Accuracy: within a factor of about two on the same machine and load (the
/// per-pair work also has a part that does not grow with `d`).
///
/// @param secondsPerVectorPair seconds per point pair and dimension of an all-pairs pass over the vectors
/// @param secondsPerMapPair seconds per point pair of the pass over the map coordinates
/// @param secondsPerLayoutUnit seconds per layout unit, by method
record MapCostModel(double secondsPerVectorPair, double secondsPerMapPair,
        Map<ProjectionMethod, Double> secondsPerLayoutUnit) {

    /// The engine's stage names whose time is an all-pairs pass over the vectors.
    static final java.util.List<String> VECTOR_PAIR_STAGES = java.util.List.of("map quality: original neighbours",
            "t-SNE neighbours", "UMAP neighbours");
    /// The engine's stage name of the pass over the map coordinates.
    static final String MAP_PAIR_STAGE = "map quality: map neighbours";

    /// A stage (or the layout rest) must take at least this long for its rate to be replaced.
    static final long MIN_MEASURED_NANOS = 50_000_000L;

    /// Rates measured on the development machine (2 cores shared by seven builds, load average
    /// ~16; the Korean sample run, `top:4000` with sources = 4,545 points of d = 128: PCA 12 s,
    /// t-SNE 55 s, UMAP 25 s); replaced by the machine's own after its first map.
    static final MapCostModel REFERENCE = new MapCostModel(1.5e-9, 2.5e-8,
            Map.of(ProjectionMethod.PCA, 3.0e-4, ProjectionMethod.TSNE, 8.0e-7, ProjectionMethod.UMAP, 5.5e-7));

    /// Copies the map of layout rates.
    MapCostModel {
        secondsPerLayoutUnit = Map.copyOf(new EnumMap<>(secondsPerLayoutUnit));
    }

    /// The expected seconds of projecting `points` vectors of `dimension` with `parameters`.
    double expectedSeconds(ProjectionParameters parameters, int points, int dimension) {
        double n = points;
        double pairs = n * n;
        return vectorPasses(parameters.method()) * pairs * Math.max(1, dimension) * secondsPerVectorPair
                + pairs * secondsPerMapPair
                + layoutUnits(parameters, points) * secondsPerLayoutUnit.get(parameters.method());
    }

    /// This model with the rates that `times`, the stages of a finished map of `points` vectors of
    /// `dimension` made with `parameters`, measured; rates whose stages did not report or took
    /// less than [#MIN_MEASURED_NANOS] are kept. Always a new model.
    MapCostModel calibrated(ProjectionParameters parameters, int points, int dimension, MapStageTimes times) {
        double pairs = (double) points * points;
        long vectorNanos = 0;
        for (String stage : VECTOR_PAIR_STAGES) {
            vectorNanos += times.nanos(stage);
        }
        long mapNanos = times.nanos(MAP_PAIR_STAGE);
        double vectorRate = vectorNanos >= MIN_MEASURED_NANOS
                ? vectorNanos / 1e9 / (vectorPasses(parameters.method()) * pairs * Math.max(1, dimension))
                : secondsPerVectorPair;
        double mapRate = mapNanos >= MIN_MEASURED_NANOS ? mapNanos / 1e9 / pairs : secondsPerMapPair;
        long layoutNanos = times.totalNanos() - vectorNanos - mapNanos;
        Map<ProjectionMethod, Double> layout = new EnumMap<>(secondsPerLayoutUnit);
        double units = layoutUnits(parameters, points);
        if (layoutNanos >= MIN_MEASURED_NANOS && units > 0) {
            layout.put(parameters.method(), layoutNanos / 1e9 / units);
        }
        return new MapCostModel(vectorRate, mapRate, layout);
    }

    /// The all-pairs passes over the vectors `method` makes.
    static int vectorPasses(ProjectionMethod method) {
        return method == ProjectionMethod.PCA ? 1 : 2;
    }

    /// The method's own work for `points` points, in its layout units.
    static double layoutUnits(ProjectionParameters parameters, int points) {
        double n = points;
        return switch (parameters) {
            case TsneParameters tsne -> tsne.iterations() * n * Math.max(1, Math.log(n) / Math.log(2));
            case UmapParameters umap -> (double) umap.epochs() * n * umap.neighbours();
            default -> n;
        };
    }
}
