package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.DenseSoftmaxReconstruction;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.SparseReconstruction;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.TopKSupportSearch;

class SemBridgeInitializerTest {

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {1.5, 2.0, 4.0})
    void planEqualsTopKSearchAndApplyEqualsSparseReconstruction(double alpha) throws Exception {
        long seed = BaselineFixture.seed("planEqualsTopKSearchAndApplyEqualsSparseReconstruction(alpha " + alpha + ")");
        BaselineFixture fixture = BaselineFixture.of(seed);
        InitializationInput input = fixture.input();
        AlignmentOptions options = new AlignmentOptions(alpha, 3, BaselineFixture.SMALL_BLOCKS);

        InitializationPlan plan = BaselineFixture.plan(new SemBridgeInitializer(options), input);
        List<FloatMatrix> rows = BaselineFixture.apply(plan, List.of(fixture.embeddings()));

        List<TokenAlignment> expected = new TopKSupportSearch(SelectedDevice.cpu()).search(input.targetBridge(),
                input.sourceBridge(), input.newTargetIds(), options, ProgressListener.NONE, CancellationToken.create())
                .alignments();
        assertEquals(expected.size(), plan.alignments().size());
        for (int k = 0; k < expected.size(); k++) {
            String where = "seed " + seed + ", row " + k;
            assertArrayEquals(expected.get(k).sourceIds(), plan.alignments().get(k).sourceIds(), where);
            assertArrayEquals(expected.get(k).weights(), plan.alignments().get(k).weights(), 0.0f, where);
        }
        FloatMatrix reconstructed = SparseReconstruction.reconstruct(expected, fixture.embeddings(),
                ProgressListener.NONE, CancellationToken.create());
        assertArrayEquals(reconstructed.values(), rows.getFirst().values(), 0.0f, "seed " + seed);
    }

    @Test
    void softmaxApplyEqualsDenseReconstructionOfEachMatrix() throws Exception {
        long seed = BaselineFixture.seed("softmaxApplyEqualsDenseReconstructionOfEachMatrix");
        BaselineFixture fixture = BaselineFixture.of(seed);
        InitializationInput input = fixture.input();
        InitializationPlan plan = BaselineFixture.plan(
                new SemBridgeInitializer(AlignmentOptions.of(1.0).withMaxBlockBytes(BaselineFixture.SMALL_BLOCKS)),
                input);
        List<FloatMatrix> matrices = fixture.embeddingsDecoderAndBias();

        List<FloatMatrix> rows = BaselineFixture.apply(plan, matrices);

        assertTrue(plan.alignments().stream().allMatch(TokenAlignment::truncated), "softmax lists are truncated");
        DenseSoftmaxReconstruction dense = new DenseSoftmaxReconstruction(SelectedDevice.cpu(), BaselineFixture.SMALL_BLOCKS);
        for (int i = 0; i < matrices.size(); i++) {
            FloatMatrix expected = dense.reconstruct(input.targetBridge(), input.sourceBridge(), input.newTargetIds(),
                    matrices.get(i), ProgressListener.NONE, CancellationToken.create());
            assertEquals(expected.columns(), rows.get(i).columns());
            assertArrayEquals(expected.values(), rows.get(i).values(), 1e-5f, "seed " + seed + ", matrix " + i);
        }
    }
}
