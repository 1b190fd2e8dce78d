package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/// `sembridge bench project` in a tiny configuration (200 points x 16 dimensions): the structure
/// of its output, never its timings.
class ProjectBenchmarkCommandTest {

    @Test
    void jsonListsEachMethodAskedForWithItsFigures() {
        CliRun run = CliRun.of("bench", "project", "--points", "200", "--dimension", "16", "--methods", "umap,pca",
                "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(200, report.get("points").getAsInt());
        assertEquals(16, report.get("dimension").getAsInt());
        JsonArray methods = report.getAsJsonArray("methods");
        assertEquals(List.of("UMAP", "PCA"), methods.asList().stream()
                .map(m -> m.getAsJsonObject().get("method").getAsString()).toList());
        for (var method : methods) {
            double trust = method.getAsJsonObject().get("trustworthiness_at_10").getAsDouble();
            assertTrue(trust > 0.5 && trust <= 1, "trustworthiness " + trust);
        }
        assertEquals(BenchJsonFixtures.keyPaths(BenchJsonFixtures.v1("project")), BenchJsonFixtures.keyPaths(report),
                "the keys and nesting of the version 1 report");
    }

    @Test
    void tableHasOneRowPerMethod() {
        CliRun run = CliRun.of("bench", "project", "--points", "120", "--dimension", "8", "--methods", "tsne");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("Projection benchmark: 120 points x 8 dimensions"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("t-SNE ")), run.out());
    }

    @Test
    void unknownMethodIsAUsageError() {
        CliRun run = CliRun.of("bench", "project", "--methods", "pca,mds");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("unknown method 'mds'"), run.err());
    }
}
