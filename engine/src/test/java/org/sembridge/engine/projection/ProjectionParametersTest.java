package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sembridge.engine.InputFormatException;

class ProjectionParametersTest {

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of(new TsneParameters(1, 1000, 200, 1), 1000, "perplexity must be a number greater than 1"),
                Arguments.of(new TsneParameters(30, 100, 200, 1), 1000, "needs at least 250 iterations"),
                Arguments.of(new TsneParameters(30, 1000, 0, 1), 1000, "learning rate must be a positive number"),
                Arguments.of(new TsneParameters(30, 1000, 200, 1), 90, "needs more than 3 x perplexity = 90.0 points"),
                Arguments.of(new UmapParameters(1, 0.1, 200, 1), 1000, "at least 2 neighbours"),
                Arguments.of(new UmapParameters(15, 1.5, 200, 1), 1000, "min_dist must lie in [0, 1]"),
                Arguments.of(new UmapParameters(15, 0.1, 5, 1), 1000, "at least 10 epochs"),
                Arguments.of(new UmapParameters(15, 0.1, 200, 1), 15, "needs more than 15 points; found 15"),
                Arguments.of(new PcaParameters(), 2, "at least 3 points"));
    }

    @ParameterizedTest(name = "{0} with {1} points")
    @MethodSource("invalidSettings")
    void invalidSettingsAreRejectedWithTheReason(ProjectionParameters parameters, int points, String reason) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> parameters.validate(points));

        assertEquals(true, e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void defaultsSuitTenThousandPoints() {
        assertDoesNotThrow(() -> TsneParameters.defaults().validate(10_000));
        assertDoesNotThrow(() -> UmapParameters.defaults().validate(10_000));
    }

    @Test
    void summaryListsTheSettingsInWords() {
        assertEquals("perplexity 30, iterations 1000, learning rate 200, seed 42", TsneParameters.defaults().summary());
        assertEquals("neighbours 15, min dist 0.1, epochs 500, seed 42", UmapParameters.defaults().summary());
        assertEquals("", new PcaParameters().summary());
    }

    @Test
    void projectorMatchesTheParameters() {
        assertInstanceOf(UmapProjector.class, Projector.of(UmapParameters.defaults()));
        assertInstanceOf(TsneProjector.class, Projector.of(TsneParameters.defaults()));
        assertInstanceOf(PcaProjector.class, Projector.of(new PcaParameters()));
    }

    @Test
    void tsneUsesThreeTimesPerplexityNeighbours() {
        assertEquals(90, TsneParameters.defaults().neighbourCount(10_000));
        assertEquals(79, TsneParameters.defaults().neighbourCount(80));
    }
}
