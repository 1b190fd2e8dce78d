package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import smile.manifold.UMAP;
import smile.math.MathEx;

class UmapProjectorTest {

    static final UmapParameters SMALL = new UmapParameters(10, 0.1, 200, 42);

    @Test
    void trustworthinessIsAtLeastThatOfSmilesUmap() throws Exception {
        MapInput input = TestPoints.clusters(300, 16, 8, 3);
        double[][] data = TestPoints.asDoubles(input);
        MathEx.setSeed(42);
        // Smile's UMAP needs ARPACK and OpenBLAS: this also proves the bundled natives load.
        double[][] smile = UMAP.fit(data, new UMAP.Options(10, 2, 200, 1.0, 0.1, 1.0, 5, 1.0, 1.0));

        double ours = TestPoints.trustworthiness(input, project(SMALL, input));
        double reference = TestPoints.trustworthiness(input, smile);

        System.out.printf("trustworthiness: ours %.4f, Smile %.4f%n", ours, reference);
        assertTrue(ours >= reference - 0.02, "ours " + ours + " vs Smile " + reference);
    }

    @ParameterizedTest(name = "min_dist {0}")
    @CsvSource({"0.1, 1.577, 0.895", "0.5, 0.583, 1.334"})
    void curveParametersMatchUmapLearn(double minDist, double a, double b) {
        double[] fitted = UmapCurve.fit(minDist);

        assertEquals(a, fitted[0], 0.02 * a);
        assertEquals(b, fitted[1], 0.02 * b);
    }

    @Test
    void fuzzyGraphIsSymmetricWithWeightsInTheUnitInterval() throws Exception {
        MapInput input = TestPoints.clusters(80, 6, 4, 4);
        NeighbourGraph neighbours = NearestNeighbours.search(new GramDistanceRows(input.vectors()), 10, "test",
                ProgressListener.NONE, CancellationToken.create());

        SparseRows graph = UmapProjector.fuzzyGraph(neighbours, 200);

        for (int i = 0; i < graph.size(); i++) {
            for (int e = graph.rowStart()[i]; e < graph.rowStart()[i + 1]; e++) {
                double weight = graph.values()[e];
                assertTrue(weight > 0 && weight <= 1 + 1e-12, "weight " + weight);
                assertEquals(weight, TestPoints.entry(graph, graph.columns()[e], i), 1e-15);
            }
        }
    }

    @Test
    void fewerPointsThanNeighboursAreRejected() throws Exception {
        MapInput input = TestPoints.clusters(10, 4, 2, 5);

        InputFormatException e = assertThrows(InputFormatException.class, () -> project(SMALL, input));

        assertEquals("UMAP with 10 neighbours needs more than 10 points; found 10 (lower the neighbour count or "
                + "add points)", e.getMessage());
    }

    @Test
    void cancellingDuringTheEpochsStopsTheProjection() throws Exception {
        MapInput input = TestPoints.clusters(150, 10, 5, 7);
        CancellationToken cancel = CancellationToken.create();
        int[] epochReports = new int[1];
        ProgressListener cancelOnEpochs = (stage, done, total) -> {
            if (stage.equals("UMAP epochs")) {
                epochReports[0]++;
                cancel.cancel();
            }
        };

        assertThrows(OperationCancelledException.class,
                () -> new UmapProjector(SMALL).project(input, cancelOnEpochs, cancel));
        assertEquals(1, epochReports[0]);
    }


    private static double[][] project(UmapParameters parameters, MapInput input) throws Exception {
        return new UmapProjector(parameters).project(input, ProgressListener.NONE, CancellationToken.create());
    }
}
