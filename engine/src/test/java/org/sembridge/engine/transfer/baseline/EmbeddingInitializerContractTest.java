package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;

/// Behaviour every [EmbeddingInitializer] shares, checked for all methods of the registry.
class EmbeddingInitializerContractTest {

    private static final List<String> STATISTICAL = List.of("mean", "random", "gauss", "mvgauss");
    private static final List<String> RANDOMIZED = List.of("random", "gauss", "mvgauss");

    static EmbeddingInitializer create(String name) throws InputFormatException {
        return InitializerRegistry.create(name, AlignmentOptions.of(4.0)
                .withMaxBlockBytes(BaselineFixture.SMALL_BLOCKS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sembridge", "focus", "ofa", "mean", "random", "gauss", "mvgauss"})
    void cancelledTokenStopsThePlan(String name) throws Exception {
        BaselineFixture fixture = BaselineFixture.of(3);
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();

        assertThrows(OperationCancelledException.class,
                () -> create(name).plan(fixture.input(), ProgressListener.NONE, cancel));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sembridge", "focus", "ofa", "mean", "random", "gauss", "mvgauss"})
    void cancelledTokenStopsTheApply(String name) throws Exception {
        BaselineFixture fixture = BaselineFixture.of(3);
        InitializationPlan plan = BaselineFixture.plan(create(name), fixture.input());
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();

        assertThrows(OperationCancelledException.class,
                () -> plan.apply(fixture.embeddingsDecoderAndBias(), ProgressListener.NONE, cancel));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sembridge", "focus", "ofa"})
    void bridgeMethodsApplyTheSameWeightsToEveryMatrix(String name) throws Exception {
        assertSameWeightsForEveryMatrix(create(name), 0.0f);
    }

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {1.0, 2.0})
    void sembridgeAppliesTheSameWeightsToEveryMatrix(double alpha) throws Exception {
        // The dense softmax path multiplies the joined matrices in float32 on the device, where
        // the summation order may differ between columns.
        assertSameWeightsForEveryMatrix(new SemBridgeInitializer(AlignmentOptions.of(alpha)
                .withMaxBlockBytes(BaselineFixture.SMALL_BLOCKS)), alpha == 1.0 ? 1e-6f : 0.0f);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sembridge", "focus", "ofa"})
    void everyNewTargetTokenGetsOneAlignmentInOrder(String name) throws Exception {
        BaselineFixture fixture = BaselineFixture.of(5);

        List<TokenAlignment> alignments = BaselineFixture.plan(create(name), fixture.input()).alignments();

        assertArrayEquals(fixture.input().newTargetIds(),
                alignments.stream().mapToInt(TokenAlignment::targetId).toArray());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sembridge", "focus", "ofa"})
    void bridgeDimensionMismatchIsAnInputError(String name) throws Exception {
        BaselineFixture fixture = BaselineFixture.of(5);
        InitializationInput input = fixture.input();
        InitializationInput mismatched = new InitializationInput(input.sourceEmbeddings(), input.sourceBridge(),
                FloatMatrix.zeros(BaselineFixture.TARGETS, BaselineFixture.BRIDGE_DIMENSION + 1),
                input.newTargetIds(), input.overlapSourceIds(), input.seed(), input.device());

        InputFormatException error = assertThrows(InputFormatException.class,
                () -> BaselineFixture.plan(create(name), mismatched));

        assertTrue(error.getMessage().contains("dimension 13") && error.getMessage().contains(name), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mean", "random", "gauss", "mvgauss"})
    void statisticalMethodsNeedNoBridge(String name) throws Exception {
        BaselineFixture fixture = BaselineFixture.of(9);
        EmbeddingInitializer initializer = create(name);

        InitializationPlan plan = BaselineFixture.plan(initializer, fixture.withoutBridge());
        List<FloatMatrix> rows = BaselineFixture.apply(plan, fixture.embeddingsDecoderAndBias());

        assertFalse(initializer.needsBridge());
        assertTrue(plan.alignments().isEmpty());
        assertEquals(List.of(BaselineFixture.HIDDEN, BaselineFixture.HIDDEN, 1),
                rows.stream().map(FloatMatrix::columns).toList());
        assertTrue(rows.stream().allMatch(m -> m.rows() == fixture.input().newTargetIds().length));
    }

    static Stream<Arguments> randomizedMethods() {
        return RANDOMIZED.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomizedMethods")
    void sameSeedGivesTheSameRowsOnOneThreadAndOnMany(String name) throws Exception {
        long seed = BaselineFixture.seed("sameSeedGivesTheSameRowsOnOneThreadAndOnMany(" + name + ")");
        BaselineFixture fixture = BaselineFixture.of(seed);
        EmbeddingInitializer initializer = create(name);

        List<FloatMatrix> first = BaselineFixture.apply(BaselineFixture.plan(initializer, fixture.input()),
                fixture.embeddingsDecoderAndBias());
        List<FloatMatrix> second;
        try (ForkJoinPool single = new ForkJoinPool(1)) {
            second = single.submit(() -> BaselineFixture.apply(BaselineFixture.plan(initializer, fixture.input()),
                    fixture.embeddingsDecoderAndBias())).get();
        }

        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).values(), second.get(i).values(), 0.0f, "seed " + seed + ", matrix " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomizedMethods")
    void differentSeedsGiveDifferentRows(String name) throws Exception {
        long seed = BaselineFixture.seed("differentSeedsGiveDifferentRows(" + name + ")");
        BaselineFixture fixture = BaselineFixture.of(seed);
        EmbeddingInitializer initializer = create(name);

        List<FloatMatrix> first = BaselineFixture.apply(BaselineFixture.plan(initializer, fixture.input()),
                fixture.embeddingsDecoderAndBias());
        List<FloatMatrix> second = BaselineFixture.apply(BaselineFixture.plan(initializer, fixture.withSeed(seed + 1)),
                fixture.embeddingsDecoderAndBias());

        for (int i = 0; i < first.size(); i++) {
            assertFalse(Arrays.equals(first.get(i).values(), second.get(i).values()), "seed " + seed + ", matrix " + i);
        }
    }

    /// Embeddings `E`, decoder `2 E` and bias `E[:, 0]` must give `R`, `2 R` and `R[:, 0]`.
    private static void assertSameWeightsForEveryMatrix(EmbeddingInitializer initializer, float tolerance)
            throws Exception {
        long seed = BaselineFixture.seed("sameWeightsForEveryMatrix(" + initializer.name() + ")");
        BaselineFixture fixture = BaselineFixture.of(seed);

        List<FloatMatrix> rows = BaselineFixture.apply(BaselineFixture.plan(initializer, fixture.input()),
                fixture.embeddingsDecoderAndBias());

        FloatMatrix embeddings = rows.get(0);
        assertEquals(fixture.input().newTargetIds().length, embeddings.rows());
        for (int r = 0; r < embeddings.rows(); r++) {
            String where = "seed " + seed + ", row " + r;
            for (int c = 0; c < embeddings.columns(); c++) {
                assertEquals(2 * embeddings.get(r, c), rows.get(1).get(r, c), 2 * tolerance, where + ", decoder");
            }
            assertEquals(embeddings.get(r, 0), rows.get(2).get(r, 0), tolerance, where + ", bias");
        }
    }
}
