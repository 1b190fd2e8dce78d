package org.sembridge.engine.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.transfer.FloatMatrix;

/// The synthetic bridge vectors: reproducible, unit length, and row `x` independent of how many
/// rows are generated (so a small comparison sees the first rows of a large scale).
class SyntheticBridgeSpaceTest {

    private static final long SEED = 7;

    @Test
    void targetRowsDoNotDependOnHowManyAreGenerated() {
        SyntheticBridgeSpace space = SyntheticBridgeSpace.create(60, 16, SEED);
        FloatMatrix few = space.targetVectors(10);
        FloatMatrix many = space.targetVectors(50);
        assertArrayEquals(few.values(), Arrays.copyOf(many.values(), few.values().length));
    }

    @Test
    void sameSeedGivesTheSameVectorsAndAnotherSeedOthers() {
        FloatMatrix a = SyntheticBridgeSpace.create(60, 16, SEED).sourceVectors();
        FloatMatrix b = SyntheticBridgeSpace.create(60, 16, SEED).sourceVectors();
        FloatMatrix c = SyntheticBridgeSpace.create(60, 16, SEED + 1).sourceVectors();
        assertArrayEquals(a.values(), b.values());
        assertFalse(Arrays.equals(a.values(), c.values()));
    }

    @Test
    void bridgeVectorsHaveUnitLength() {
        SyntheticBridgeSpace space = SyntheticBridgeSpace.create(60, 16, SEED);
        for (FloatMatrix matrix : new FloatMatrix[] {space.sourceVectors(), space.targetVectors(40)}) {
            for (int r = 0; r < matrix.rows(); r++) {
                double squares = 0;
                for (float v : matrix.row(r)) {
                    squares += (double) v * v;
                }
                assertEquals(1.0, Math.sqrt(squares), 1e-6, "row " + r);
            }
        }
    }

    @Test
    void sourceEmbeddingsHaveTheRequestedShape() {
        FloatMatrix embeddings = SyntheticBridgeSpace.create(60, 16, SEED).sourceEmbeddings(8);
        assertEquals(60, embeddings.rows());
        assertEquals(8, embeddings.columns());
    }
}
