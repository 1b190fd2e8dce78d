package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import smile.manifold.TSNE;
import smile.math.MathEx;

class TsneProjectorTest {

    static final TsneParameters SMALL = new TsneParameters(10, 500, 200, 42);

    @Test
    void trustworthinessIsAtLeastThatOfSmilesExactTsne() throws Exception {
        MapInput input = TestPoints.clusters(200, 16, 8, 3);
        double[][] data = TestPoints.asDoubles(input);
        MathEx.setSeed(42);
        double[][] exact = TSNE.fit(data, new TSNE.Options(2, 10, 200, 12, 500)).coordinates();

        double ours = TestPoints.trustworthiness(input, project(SMALL, input));
        double smile = TestPoints.trustworthiness(input, exact);

        System.out.printf("trustworthiness: Barnes-Hut %.4f, Smile exact %.4f%n", ours, smile);
        assertTrue(ours >= smile - 0.02, "ours " + ours + " vs Smile " + smile);
    }

    @ParameterizedTest(name = "perplexity {0}")
    @ValueSource(doubles = {2, 5, 30, 50})
    void conditionalRowHasEntropyLogPerplexity(double perplexity) {
        SplittableRandom random = new SplittableRandom(17);
        double[] squared = new double[(int) (3 * perplexity)];
        for (int m = 0; m < squared.length; m++) {
            squared[m] = 40 + 100 * random.nextDouble();
        }
        Arrays.sort(squared);

        double[] p = TsneProjector.conditionalRow(squared, perplexity);

        double sum = 0;
        double entropy = 0;
        for (double value : p) {
            sum += value;
            entropy -= value > 0 ? value * Math.log(value) : 0;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(Math.log(perplexity), entropy, 1e-5);
    }

    @Test
    void affinitiesAreSymmetricAndSumToOne() throws Exception {
        MapInput input = TestPoints.clusters(80, 6, 4, 4);
        NeighbourGraph neighbours = NearestNeighbours.search(new GramDistanceRows(input.vectors()), 30, "test",
                ProgressListener.NONE, CancellationToken.create());

        SparseRows p = TsneProjector.affinities(neighbours, 10);

        double sum = 0;
        for (int i = 0; i < p.size(); i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                sum += p.values()[e];
                assertEquals(p.values()[e], TestPoints.entry(p, p.columns()[e], i), 1e-18);
            }
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void perplexityTooLargeForThePointCountIsRejected() throws Exception {
        MapInput input = TestPoints.clusters(30, 4, 3, 5);

        InputFormatException e = assertThrows(InputFormatException.class, () -> project(SMALL, input));

        assertTrue(e.getMessage().contains("needs more than 3 x perplexity = 30.0 points; found 30"), e.getMessage());
    }

    @Test
    void cancellingDuringTheIterationsStopsTheProjection() throws Exception {
        MapInput input = TestPoints.clusters(150, 10, 5, 7);
        CancellationToken cancel = CancellationToken.create();
        List<Long> iterationReports = new ArrayList<>();
        ProgressListener cancelOnIterations = (stage, done, total) -> {
            if (stage.equals("t-SNE iterations")) {
                iterationReports.add(done);
                cancel.cancel();
            }
        };

        assertThrows(OperationCancelledException.class,
                () -> new TsneProjector(SMALL).project(input, cancelOnIterations, cancel));
        assertEquals(List.of(10L), iterationReports);
    }


    private static double[][] project(TsneParameters parameters, MapInput input) throws Exception {
        return new TsneProjector(parameters).project(input, ProgressListener.NONE, CancellationToken.create());
    }
}
