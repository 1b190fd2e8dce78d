package org.sembridge.engine.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sembridge.engine.projection.MapInput;
import org.sembridge.engine.projection.MapQuality;
import org.sembridge.engine.projection.NativeLibraryException;
import org.sembridge.engine.projection.PcaParameters;
import org.sembridge.engine.projection.PointLabel;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.projection.Projector;
import org.sembridge.engine.projection.QualityEvaluator;
import org.sembridge.engine.projection.TsneParameters;
import org.sembridge.engine.projection.UmapParameters;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Times each projection method on synthetic data, for `bench project`.
///
/// The data: `n` points in `d` dimensions drawn from a mixture of [#CLUSTERS] Gaussian clusters
/// (centres from N(0, 1) per coordinate, points at standard deviation 0.5 around them), so that
/// neighbourhoods have structure as in real embeddings; all from one seed. Each method runs with
/// its default parameters and that seed; the quality figures are timed separately. The goals on
/// a 2-core machine at 10,000 x 768: UMAP within 60 s, t-SNE within 120 s.
public final class ProjectionBenchmark {

    /// The number of Gaussian clusters in the synthetic data.
    public static final int CLUSTERS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionBenchmark.class);

    private ProjectionBenchmark() {
    }

    /// The timing of one method.
    ///
    /// @param method the method
    /// @param projectionSeconds wall-clock seconds of the projection
    /// @param projectionCpuSeconds CPU seconds of the whole process (all threads, OpenBLAS's
    ///     included) during the projection; on a machine shared with other work this is the
    ///     fairer figure, and wall time on an idle machine lies between it / cores and it; -1 when
    ///     the JVM cannot measure process CPU time
    /// @param qualitySeconds wall-clock seconds of the quality figures
    /// @param trustworthiness the trustworthiness of the map at k = 10
    public record MethodTiming(ProjectionMethod method, double projectionSeconds, double projectionCpuSeconds,
            double qualitySeconds, double trustworthiness) {
    }

    /// The outcome of a benchmark run.
    ///
    /// @param points the number of points
    /// @param dimension their dimension
    /// @param seed the seed of the data and of the projections
    /// @param timings one entry per method, in the order asked for
    public record Result(int points, int dimension, long seed, List<MethodTiming> timings) {
    }

    /// Projects `points` synthetic points of `dimension` dimensions with each of `methods`.
    ///
    /// @throws InputFormatException when `points` is too small for a method's defaults (t-SNE
    ///     needs more than 90 points, UMAP more than 15)
    public static Result run(int points, int dimension, long seed, List<ProjectionMethod> methods,
            ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, NativeLibraryException, OperationCancelledException {
        MapInput input = syntheticClusters(points, dimension, seed);
        List<MethodTiming> timings = new ArrayList<>();
        for (ProjectionMethod method : methods) {
            ProjectionParameters parameters = switch (method) {
                case PCA -> new PcaParameters();
                case TSNE -> TsneParameters.defaults().withSeed(seed);
                case UMAP -> UmapParameters.defaults().withSeed(seed);
            };
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            double[][] coordinates = Projector.of(parameters).project(input, progress, cancel);
            long projected = System.nanoTime();
            long cpuProjected = processCpuNanos();
            MapQuality quality = QualityEvaluator.evaluate(input.vectors(), coordinates, List.of(), progress, cancel);
            long measured = System.nanoTime();
            MethodTiming timing = new MethodTiming(method, (projected - started) / 1e9,
                    cpuStarted < 0 ? -1 : (cpuProjected - cpuStarted) / 1e9, (measured - projected) / 1e9,
                    quality.trustworthiness());
            LOG.info("bench {} {} x {}: projection {} s (CPU {} s), quality {} s, trustworthiness@10 {}",
                    method.displayName(), points, dimension,
                    String.format(Locale.ROOT, "%.2f", timing.projectionSeconds()),
                    String.format(Locale.ROOT, "%.2f", timing.projectionCpuSeconds()),
                    String.format(Locale.ROOT, "%.2f", timing.qualitySeconds()),
                    String.format(Locale.ROOT, "%.4f", timing.trustworthiness()));
            timings.add(timing);
        }
        return new Result(points, dimension, seed, timings);
    }

    /// CPU nanoseconds of this process so far, or -1 when the JVM cannot tell.
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /// The synthetic benchmark data (see the class guide), labelled `p0`, `p1`, ... with the
    /// cluster number as `kind`.
    public static MapInput syntheticClusters(int points, int dimension, long seed) throws InputFormatException {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[CLUSTERS][dimension];
        for (float[] centre : centres) {
            for (int d = 0; d < dimension; d++) {
                centre[d] = (float) random.nextGaussian();
            }
        }
        float[][] vectors = new float[points][dimension];
        List<PointLabel> labels = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            int cluster = i % CLUSTERS;
            for (int d = 0; d < dimension; d++) {
                vectors[i][d] = (float) (centres[cluster][d] + 0.5 * random.nextGaussian());
            }
            labels.add(new PointLabel("p" + i, i, "synthetic", "", "cluster " + cluster));
        }
        return MapInput.of(vectors, labels, List.of());
    }
}
