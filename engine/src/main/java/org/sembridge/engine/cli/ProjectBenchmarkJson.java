package org.sembridge.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sembridge.engine.bench.ProjectionBenchmark;
import org.sembridge.engine.projection.ProjectionMethod;

/// The `--json` document of `sembridge bench project`: [#write] and [#read] spell every key of a
/// [ProjectBenchmarkRun] here, in the order the document has always had; each entry of
/// `methods` names its method by [ProjectionMethod#displayName()].
final class ProjectBenchmarkJson {

    static final String POINTS = "points";
    static final String DIMENSION = "dimension";
    static final String SEED = "seed";
    static final String CLUSTERS = "clusters";
    static final String NATIVE_LIBRARIES = "native_libraries";
    static final String METHODS = "methods";
    static final String METHOD = "method";
    static final String PROJECTION_SECONDS = "projection_seconds";
    static final String PROJECTION_CPU_SECONDS = "projection_cpu_seconds";
    static final String QUALITY_SECONDS = "quality_seconds";
    static final String TRUSTWORTHINESS_AT_10 = "trustworthiness_at_10";

    private ProjectBenchmarkJson() {
    }

    /// The report as a versioned document.
    static JsonObject write(ProjectBenchmarkRun report) {
        ProjectionBenchmark.Result result = report.result();
        JsonObject root = BenchmarkJson.document();
        root.addProperty(POINTS, result.points());
        root.addProperty(DIMENSION, result.dimension());
        root.addProperty(SEED, result.seed());
        root.addProperty(CLUSTERS, report.clusters());
        root.addProperty(BenchmarkEnvironmentJson.JVM_PROCESSORS, report.jvmProcessors());
        root.addProperty(BenchmarkEnvironmentJson.LOAD_AVERAGE_START, report.loadAverageStart());
        root.addProperty(BenchmarkEnvironmentJson.LOAD_AVERAGE_END, report.loadAverageEnd());
        JsonArray files = new JsonArray();
        report.nativeLibraries().forEach(files::add);
        root.add(NATIVE_LIBRARIES, files);
        JsonArray timings = new JsonArray();
        for (ProjectionBenchmark.MethodTiming timing : result.timings()) {
            JsonObject entry = new JsonObject();
            entry.addProperty(METHOD, timing.method().displayName());
            entry.addProperty(PROJECTION_SECONDS, timing.projectionSeconds());
            entry.addProperty(PROJECTION_CPU_SECONDS, timing.projectionCpuSeconds());
            entry.addProperty(QUALITY_SECONDS, timing.qualitySeconds());
            entry.addProperty(TRUSTWORTHINESS_AT_10, timing.trustworthiness());
            timings.add(entry);
        }
        root.add(METHODS, timings);
        return root;
    }

    /// Reads a document written by [#write]; one without `format_version` is version 1.
    ///
    /// @throws IllegalStateException or NullPointerException when a field is missing or of
    ///     another type, a method name is unknown or the version is newer (reports are machine-written; callers
    ///     comparing reports catch them)
    static ProjectBenchmarkRun read(JsonObject root) {
        BenchmarkJson.checkVersion(root, "bench project report");
        List<ProjectionBenchmark.MethodTiming> timings = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray(METHODS)) {
            JsonObject entry = element.getAsJsonObject();
            timings.add(new ProjectionBenchmark.MethodTiming(method(entry.get(METHOD).getAsString()),
                    entry.get(PROJECTION_SECONDS).getAsDouble(), entry.get(PROJECTION_CPU_SECONDS).getAsDouble(),
                    entry.get(QUALITY_SECONDS).getAsDouble(), entry.get(TRUSTWORTHINESS_AT_10).getAsDouble()));
        }
        List<String> libraries = new ArrayList<>();
        root.getAsJsonArray(NATIVE_LIBRARIES).forEach(file -> libraries.add(file.getAsString()));
        ProjectionBenchmark.Result result = new ProjectionBenchmark.Result(root.get(POINTS).getAsInt(),
                root.get(DIMENSION).getAsInt(), root.get(SEED).getAsLong(), timings);
        return new ProjectBenchmarkRun(result, root.get(CLUSTERS).getAsInt(),
                root.get(BenchmarkEnvironmentJson.JVM_PROCESSORS).getAsInt(),
                root.get(BenchmarkEnvironmentJson.LOAD_AVERAGE_START).getAsDouble(),
                root.get(BenchmarkEnvironmentJson.LOAD_AVERAGE_END).getAsDouble(), libraries);
    }

    private static ProjectionMethod method(String displayName) {
        return Arrays.stream(ProjectionMethod.values()).filter(m -> m.displayName().equals(displayName)).findFirst()
                .orElseThrow(() -> new IllegalStateException(METHODS + ": unknown method '" + displayName
                        + "'; expected one of " + Arrays.stream(ProjectionMethod.values())
                                .map(ProjectionMethod::displayName).toList()));
    }
}
