package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.projection.NativeLinearAlgebra;
import org.sembridge.engine.bench.ProjectionBenchmark;
import org.sembridge.engine.projection.ProjectionMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge bench project`: seconds of PCA, t-SNE and UMAP on synthetic clustered data
/// ([ProjectionBenchmark]), with process CPU seconds and the trustworthiness of each map.
@Command(name = "project", mixinStandardHelpOptions = true,
        description = {"Time PCA, t-SNE and UMAP (default parameters) on synthetic data: Gaussian clusters, "
                + "10,000 points x 768 dimensions by default.",
            "Goals on 2 idle cores at 10,000 x 768: UMAP within 60 s, t-SNE within 120 s. Smaller --points take "
                + "seconds."})
final class ProjectBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--points", defaultValue = "10000", paramLabel = "N",
            description = "Number of points (t-SNE needs more than 90, UMAP more than 15). Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--dimension", defaultValue = "768", paramLabel = "D",
            description = "Dimensions per point, >= 2. Default: ${DEFAULT-VALUE}.")
    int dimension;

    @Option(names = "--methods", defaultValue = "pca,tsne,umap", split = ",", paramLabel = "M",
            description = "Methods to time, comma-separated: pca, tsne, umap. Default: ${DEFAULT-VALUE}.")
    List<String> methods;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the data and of t-SNE and UMAP. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (points < 3) {
            throw new ParameterException(spec.commandLine(), "--points must be >= 3, found " + points);
        }
        if (dimension < 2) {
            throw new ParameterException(spec.commandLine(), "--dimension must be >= 2, found " + dimension);
        }
        List<ProjectionMethod> chosen = parseMethods();
        double loadBefore = loadAverage();
        ProjectionBenchmark.Result result = ProjectionBenchmark.run(points, dimension, seed, chosen,
                new StderrProgress(spec.commandLine().getErr()), CancellationToken.create());
        double loadAfter = loadAverage();
        List<Path> libraries = NativeLinearAlgebra.loadedLibraryFiles();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, ProjectBenchmarkJson.write(new ProjectBenchmarkRun(result,
                    ProjectionBenchmark.CLUSTERS, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
                    libraries.stream().map(Path::toString).toList())));
        } else {
            printTable(out, result, loadBefore, loadAfter, libraries);
        }
        return ExitCodes.OK;
    }

    private List<ProjectionMethod> parseMethods() {
        LinkedHashSet<ProjectionMethod> chosen = new LinkedHashSet<>();
        for (String name : methods) {
            chosen.add(ProjectionMethodNames.parse(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--methods: unknown method '" + name + "'; expected " + ProjectionMethodNames.listed())));
        }
        return new ArrayList<>(chosen);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void printTable(PrintWriter out, ProjectionBenchmark.Result result, double loadBefore,
            double loadAfter, List<Path> libraries) {
        out.printf(Locale.ROOT, "Projection benchmark: %,d points x %d dimensions, %d Gaussian clusters, seed %d%n",
                result.points(), result.dimension(), ProjectionBenchmark.CLUSTERS, result.seed());
        out.printf(Locale.ROOT, "%d JVM processors; load average (1 min) %.2f at start, %.2f at end%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        out.printf(Locale.ROOT, "native libraries: %s%n%n", libraries.isEmpty() ? "(none loaded)" : libraries);
        String row = "%-7s %14s %14s %11s %18s%n";
        out.printf(Locale.ROOT, row, "method", "projection s", "process CPU s", "quality s", "trustworthiness@10");
        for (ProjectionBenchmark.MethodTiming timing : result.timings()) {
            out.printf(Locale.ROOT, row, timing.method().displayName(),
                    String.format(Locale.ROOT, "%.2f", timing.projectionSeconds()),
                    timing.projectionCpuSeconds() < 0 ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", timing.projectionCpuSeconds()),
                    String.format(Locale.ROOT, "%.2f", timing.qualitySeconds()),
                    String.format(Locale.ROOT, "%.4f", timing.trustworthiness()));
        }
        out.println();
        out.println("projection s: wall-clock seconds of the projection alone; process CPU s: CPU seconds of all");
        out.println("threads meanwhile (OpenBLAS included), the fairer figure on a shared machine; quality s: the");
        out.println("trustworthiness computation.");
        out.flush();
    }
}
