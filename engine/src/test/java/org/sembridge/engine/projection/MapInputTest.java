package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.InputFormatException;

class MapInputTest {

    private static final List<PointLabel> TWO = List.of(new PointLabel("서울", 7, "target", "ko", "new"),
            new PointLabel("Seoul", 9, "source", "en", ""));

    @Test
    void emptyInputIsRejected() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> MapInput.of(new float[0][], List.of(), List.of()));

        assertEquals("the map has no points: select at least one token", e.getMessage());
    }

    @Test
    void nanNamesThePointTokenAndDimension() {
        float[][] vectors = {{1, 2, 3}, {4, Float.NaN, 6}};

        InputFormatException e = assertThrows(InputFormatException.class, () -> MapInput.of(vectors, TWO, List.of()));

        assertEquals("the vector of point 1 \"Seoul\" (id 9, source) has NaN at dimension 1; every coordinate must "
                + "be finite", e.getMessage());
    }

    @Test
    void infinityIsRejectedLikeNan() {
        float[][] vectors = {{Float.POSITIVE_INFINITY, 2}, {4, 5}};

        InputFormatException e = assertThrows(InputFormatException.class, () -> MapInput.of(vectors, TWO, List.of()));

        assertEquals("the vector of point 0 \"서울\" (id 7, target) has Infinity at dimension 0; every coordinate must "
                + "be finite", e.getMessage());
    }

    @Test
    void vectorsOfDifferentLengthsAreRejected() {
        float[][] vectors = {{1, 2, 3}, {4, 5}};

        InputFormatException e = assertThrows(InputFormatException.class, () -> MapInput.of(vectors, TWO, List.of()));

        assertEquals("the vector of point 1 \"Seoul\" (id 9, source) has 2 dimensions; expected 3 like point 0",
                e.getMessage());
    }

    @Test
    void labelCountMismatchIsACallerBug() {
        float[][] vectors = {{1}, {2}, {3}};

        assertThrows(IllegalArgumentException.class, () -> MapInput.of(vectors, TWO, List.of()));
    }

    @Test
    void linkOutsideThePointsIsACallerBug() {
        float[][] vectors = {{1}, {2}};

        assertThrows(IllegalArgumentException.class, () -> MapInput.of(vectors, TWO, List.of(new MapLink(0, 2, 1))));
    }
}
