package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.bench.ProjectionBenchmark;
import org.sembridge.engine.projection.ProjectionMethod;

/// [ProjectBenchmarkJson]: a run survives the trip through its document, and the document
/// printed before the codec existed reads and writes back identical.
class ProjectBenchmarkJsonTest {

    @Test
    void aRunWrittenAndReadBackIsEqual() {
        ProjectBenchmarkRun run = new ProjectBenchmarkRun(new ProjectionBenchmark.Result(200, 16, 42, List.of(
                new ProjectionBenchmark.MethodTiming(ProjectionMethod.UMAP, 0.84, 0.63, 0.029, 0.978),
                new ProjectionBenchmark.MethodTiming(ProjectionMethod.TSNE, 2.5, -1, 0.03, 0.91),
                new ProjectionBenchmark.MethodTiming(ProjectionMethod.PCA, 0.0012, 0.01, 0.027, 0.818))),
                20, 2, 5.23, 5.5, List.of("natives/libopenblas.so.0"));

        assertEquals(run, ProjectBenchmarkJson.read(ProjectBenchmarkJson.write(run)));
    }

    @Test
    void theVersionOneReportReadsAndWritesBackIdentical() {
        JsonObject fixture = BenchJsonFixtures.v1("project");

        assertEquals(fixture, ProjectBenchmarkJson.write(ProjectBenchmarkJson.read(fixture)));
    }

    @Test
    void theDocumentStartsWithItsFormatVersion() {
        JsonObject document = ProjectBenchmarkJson.write(ProjectBenchmarkJson.read(BenchJsonFixtures.v1("project")));

        assertEquals("format_version", document.keySet().iterator().next());
    }
}
