package org.sembridge.engine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntmaxSolverTest {

    private static final double[] ALPHAS = {1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 8.0};

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {1.0, 1.5, 2.0, 3.0, 4.0, 8.0, 1.2, 6.5})
    void entmaxMatchesNumpyReferenceOnRowsWithTies(double alpha) {
        long seed = TestVectors.seed("entmaxMatchesNumpyReferenceOnRowsWithTies(alpha " + alpha + ")");
        Random random = new Random(seed);
        float[][] rows = new float[150][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = TestVectors.rowWithTies(random, 1 + random.nextInt(r < 20 ? 4 : 300));
        }
        double[][] expected = EntmaxReference.entmax(alpha, rows);
        EntmaxSolver solver = new EntmaxSolver(alpha);
        for (int r = 0; r < rows.length; r++) {
            double[] actual = dense(solver.solve(rows[r]), rows[r].length);
            for (int i = 0; i < actual.length; i++) {
                String where = "seed " + seed + ", row " + r + ", entry " + i;
                assertEquals(expected[r][i] > 0, actual[i] > 0, "support differs at " + where);
                assertEquals(expected[r][i], actual[i], 1e-6, where);
            }
        }
    }

    @Test
    void weightsLieOnTheSimplex() {
        long seed = TestVectors.seed("weightsLieOnTheSimplex");
        Random random = new Random(seed);
        for (int trial = 0; trial < 500; trial++) {
            double alpha = trial % 5 == 0 ? ALPHAS[trial / 5 % ALPHAS.length] : 1.0 + 7.0 * random.nextDouble();
            EntmaxSolution solution = new EntmaxSolver(alpha).solve(TestVectors.rowWithTies(random,
                    1 + random.nextInt(400)));
            double sum = 0.0;
            for (double weight : solution.weights()) {
                assertTrue(weight > 0.0 && weight <= 1.0, "seed " + seed + ", alpha " + alpha + ": weight " + weight);
                sum += weight;
            }
            assertEquals(1.0, sum, 1e-12, "seed " + seed + ", alpha " + alpha);
        }
    }

    /// Support monotonicity: `x_k` is in the support iff `sum_(x_j > x_k) ((alpha-1)(z_j - z_k))^(1/(alpha-1)) < 1`,
    /// and each term, below 1, grows with alpha; so the support can only shrink as alpha grows.
    @Test
    void supportShrinksAsAlphaGrows() {
        long seed = TestVectors.seed("supportShrinksAsAlphaGrows");
        Random random = new Random(seed);
        for (int trial = 0; trial < 300; trial++) {
            float[] row = TestVectors.rowWithTies(random, 1 + random.nextInt(300));
            int[] previous = null;
            for (double alpha : ALPHAS) {
                int[] support = new EntmaxSolver(alpha).solve(row).ids().clone();
                Arrays.sort(support);
                if (previous != null) {
                    for (int id : support) {
                        assertTrue(Arrays.binarySearch(previous, id) >= 0, "seed " + seed + ", trial " + trial
                                + ": id " + id + " in the support at alpha " + alpha + " but not below");
                    }
                }
                previous = support;
            }
        }
    }

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {1.25, 1.5, 2.0, 3.0, 4.0, 8.0})
    void completeTopKSolutionEqualsFullRowSolution(double alpha) {
        long seed = TestVectors.seed("completeTopKSolutionEqualsFullRowSolution(alpha " + alpha + ")");
        Random random = new Random(seed);
        EntmaxSolver solver = new EntmaxSolver(alpha);
        int complete = 0;
        int incomplete = 0;
        for (int trial = 0; trial < 400; trial++) {
            float[] row = TestVectors.rowWithTies(random, 2 + random.nextInt(300));
            int k = 1 + random.nextInt(Math.min(row.length - 1, 40));
            Candidates candidates = largestShuffled(row, k, random);
            EntmaxSolution topK = solver.solveTopK(candidates.scores(), candidates.ids(), row.length);
            if (topK.complete()) {
                complete++;
                EntmaxSolution full = solver.solve(row);
                String where = "seed " + seed + ", trial " + trial + ", K " + k;
                assertArrayEquals(full.ids(), topK.ids(), where);
                assertArrayEquals(full.weights(), topK.weights(), 0.0, where);
                assertEquals(full.threshold(), topK.threshold(), 0.0, where);
            } else {
                incomplete++;
            }
        }
        assertTrue(complete > 0 && incomplete > 0, "seed " + seed + ": the trials must cover both outcomes, found "
                + complete + " complete and " + incomplete + " incomplete");
    }

    @Test
    void softmaxTopKIsCompleteOnlyForTheWholeRow() {
        EntmaxSolver softmax = new EntmaxSolver(1.0);
        float[] row = {3f, -40f, 1f, 2f};
        assertFalse(softmax.solveTopK(new float[] {3f, 2f, 1f}, new int[] {0, 3, 2}, 4).complete());
        EntmaxSolution whole = softmax.solveTopK(new float[] {3f, 2f, 1f, -40f}, new int[] {0, 3, 2, 1}, 4);
        assertTrue(whole.complete());
        assertArrayEquals(softmax.solve(row).weights(), whole.weights(), 0.0);
    }

    @Test
    void topKIsIncompleteWhenTheSmallestCandidateIsInTheSupport() {
        // sparsemax(1, 0.9, 0.8, ...) keeps all three: tau = (2.7 - 1) / 3 < 0.8.
        EntmaxSolution topK = new EntmaxSolver(2.0).solveTopK(new float[] {1f, 0.9f, 0.8f}, new int[] {5, 6, 7}, 10);
        assertFalse(topK.complete());
    }

    @Test
    void entmaxAlphaTwoEqualsSparsemax() {
        long seed = TestVectors.seed("entmaxAlphaTwoEqualsSparsemax");
        Random random = new Random(seed);
        EntmaxSolver closedForm = new EntmaxSolver(2.0);
        EntmaxSolver bisection = new EntmaxSolver(2.0, true);
        for (int trial = 0; trial < 500; trial++) {
            float[] row = TestVectors.rowWithTies(random, 1 + random.nextInt(300));
            EntmaxSolution expected = closedForm.solve(row);
            EntmaxSolution actual = bisection.solve(row);
            String where = "seed " + seed + ", trial " + trial;
            assertArrayEquals(expected.ids(), actual.ids(), where);
            assertArrayEquals(expected.weights(), actual.weights(), 1e-12, where);
        }
    }

    static Stream<Arguments> closedForms() {
        double sqrt7 = Math.sqrt(7.0);
        return Stream.of(
                Arguments.of(2.0, new float[] {1f, 0.5f, 0.5f, 0f}, new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6, 0.0}),
                Arguments.of(2.0, new float[] {2f, 0f}, new double[] {1.0, 0.0}),
                Arguments.of(1.0, new float[] {0f, (float) Math.log(3.0)}, new double[] {0.25, 0.75}),
                Arguments.of(1.5, new float[] {1f, 0f}, new double[] {(4 + sqrt7) / 8, (4 - sqrt7) / 8}),
                Arguments.of(3.0, new float[] {0.25f, 0f}, new double[] {0.75, 0.25}),
                Arguments.of(4.0, new float[] {13f / 96f, 0f}, new double[] {0.75, 0.25}),
                Arguments.of(8.0, new float[] {0.3f, 0.3f, 0.3f}, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}),
                Arguments.of(8.0, new float[] {-5f}, new double[] {1.0}));
    }

    /// Two-entry rows solved by hand: with both entries in the support,
    /// `p1^(alpha-1) - p2^(alpha-1) = (alpha-1)(z1 - z2)` and `p1 + p2 = 1`.
    @ParameterizedTest(name = "alpha {0}: {1} -> {2}")
    @MethodSource("closedForms")
    void entmaxMatchesClosedForms(double alpha, float[] row, double[] expected) {
        assertArrayEquals(expected, dense(new EntmaxSolver(alpha).solve(row), row.length), 1e-6);
    }

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {0.999, 8.001, 0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void alphaOutsideOneToEightIsRejected(double alpha) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EntmaxSolver(alpha));
        assertTrue(e.getMessage().contains("[1.0, 8.0]") && e.getMessage().contains(String.valueOf(alpha)),
                e.getMessage());
    }

    @Test
    void nanScoreIsRejectedNamingTheIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EntmaxSolver(4.0).solve(new float[] {0.1f, Float.NaN, 0.2f}));
        assertTrue(e.getMessage().contains("index 1") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void topKIdOutsideTheRowIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EntmaxSolver(4.0).solveTopK(new float[] {0.5f, 0.1f}, new int[] {3, 10}, 10));
        assertTrue(e.getMessage().contains("index 1") && e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void sortKeyOrdersByScoreDescendingThenIdAscending() {
        float[] scores = {-0.0f, 0.0f, 1.5f, -2f, Float.MAX_VALUE, -Float.MAX_VALUE, 1.5f};
        long[] keys = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            keys[i] = EntmaxSolver.sortKey(scores[i], i);
        }
        Arrays.sort(keys);
        int[] ids = Arrays.stream(keys).mapToInt(EntmaxSolver::keyId).toArray();
        assertArrayEquals(new int[] {4, 2, 6, 0, 1, 3, 5}, ids);
        assertEquals(1.5f, EntmaxSolver.keyScore(keys[1]));
        assertEquals(-Float.MAX_VALUE, EntmaxSolver.keyScore(keys[6]));
    }

    private static double[] dense(EntmaxSolution solution, int length) {
        double[] out = new double[length];
        for (int k = 0; k < solution.size(); k++) {
            out[solution.ids()[k]] = solution.weights()[k];
        }
        return out;
    }

    private record Candidates(float[] scores, int[] ids) {
    }

    /// The `k` largest scores of `row` with their ids, in shuffled order.
    private static Candidates largestShuffled(float[] row, int k, Random random) {
        long[] keys = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            keys[i] = EntmaxSolver.sortKey(row[i], i);
        }
        Arrays.sort(keys);
        long[] top = Arrays.copyOf(keys, k);
        for (int i = k - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = top[i];
            top[i] = top[j];
            top[j] = t;
        }
        float[] scores = new float[k];
        int[] ids = new int[k];
        for (int i = 0; i < k; i++) {
            scores[i] = EntmaxSolver.keyScore(top[i]);
            ids[i] = EntmaxSolver.keyId(top[i]);
        }
        return new Candidates(scores, ids);
    }
}
