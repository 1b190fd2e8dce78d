package org.sembridge.engine.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Which rows a scale measures and by how much it extrapolates.
class InitScaleTest {

    @ParameterizedTest
    @CsvSource({"10, 10", "10, 3", "250002, 32000", "7, 1"})
    void measuredRowsAreDistinctAscendingAndSpreadOverTheVocabulary(int targets, int rows) {
        int[] ids = new InitScale("s", targets, rows).measuredRowIds();
        assertEquals(rows, ids.length);
        assertEquals(0, ids[0]);
        for (int k = 1; k < ids.length; k++) {
            assertEquals((int) ((long) k * targets / rows), ids[k]);
            assertTrue(ids[k] > ids[k - 1] && ids[k] < targets, "row " + k);
        }
    }

    @ParameterizedTest
    @CsvSource({"10, 10, 1.0", "600, 200, 3.0", "250002, 125001, 2.0"})
    void extrapolationFactorIsTargetsOverMeasuredRows(int targets, int rows, double factor) {
        assertEquals(factor, new InitScale("s", targets, rows).extrapolationFactor(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"10, 0", "10, 11", "0, 0"})
    void rowsOutsideOneToTargetsAreRejected(int targets, int rows) {
        assertThrows(IllegalArgumentException.class, () -> new InitScale("s", targets, rows));
    }

    @Test
    void allRowsAreMeasuredInOrderWhenNotSubsampled() {
        assertArrayEquals(IntStream.range(0, 5).toArray(), new InitScale("s", 5, 5).measuredRowIds());
    }
}
