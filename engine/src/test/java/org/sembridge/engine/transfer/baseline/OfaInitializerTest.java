package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.transfer.TokenAlignment;

class OfaInitializerTest {

    @ParameterizedTest(name = "k {0}, T {1}")
    @CsvSource({"10, 0.1", "3, 0.5", "1, 0.1"})
    void weightsEqualNumpySoftmaxOfTheNearestSimilaritiesOverTemperature(int k, double temperature) throws Exception {
        long seed = BaselineFixture.seed("weightsEqualNumpySoftmaxOfTheNearestSimilaritiesOverTemperature(k " + k
                + ", T " + temperature + ")");
        BaselineFixture fixture = BaselineFixture.of(seed);

        InitializationPlan plan = BaselineFixture.plan(
                new OfaInitializer(k, temperature, BaselineFixture.SMALL_BLOCKS), fixture.input());

        BaselineReference.Ofa expected = BaselineReference.ofa(fixture.input(), k, temperature);
        for (int r = 0; r < expected.ids().length; r++) {
            TokenAlignment alignment = plan.alignments().get(r);
            String where = "seed " + seed + ", row " + r;
            assertEquals(fixture.input().newTargetIds()[r], alignment.targetId(), where);
            assertArrayEquals(expected.ids()[r], alignment.sourceIds(), where);
            assertArrayEquals(expected.weights()[r], BaselineFixture.toDouble(alignment.weights()), 1e-5, where);
        }
    }
}
