package org.sembridge.engine.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class ProjectionBenchmarkTest {

    @Test
    void everyMethodIsTimedAndMeasured() throws Exception {
        ProjectionBenchmark.Result result = ProjectionBenchmark.run(200, 16, 1,
                List.of(ProjectionMethod.PCA, ProjectionMethod.TSNE, ProjectionMethod.UMAP), ProgressListener.NONE,
                CancellationToken.create());

        assertEquals(List.of(ProjectionMethod.PCA, ProjectionMethod.TSNE, ProjectionMethod.UMAP),
                result.timings().stream().map(ProjectionBenchmark.MethodTiming::method).toList());
        for (ProjectionBenchmark.MethodTiming timing : result.timings()) {
            assertTrue(timing.projectionSeconds() > 0 && timing.qualitySeconds() > 0);
            assertTrue(timing.trustworthiness() > 0.5 && timing.trustworthiness() <= 1, timing.toString());
        }
    }

    @Test
    void syntheticDataDependsOnlyOnTheSeed() throws Exception {
        assertArrayEquals(ProjectionBenchmark.syntheticClusters(50, 4, 9).vectors(),
                ProjectionBenchmark.syntheticClusters(50, 4, 9).vectors());
    }

    @Test
    void tooFewPointsForTheTsneDefaultsAreRejected() {
        assertThrows(InputFormatException.class, () -> ProjectionBenchmark.run(60, 4, 1,
                List.of(ProjectionMethod.TSNE), ProgressListener.NONE, CancellationToken.create()));
    }
}
