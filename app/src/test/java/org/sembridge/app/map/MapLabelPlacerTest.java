package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Label decluttering without the toolkit: every character 7 px wide, every line 15 px high.
class MapLabelPlacerTest {

    private static final MapLabelPlacer.TextMeasure MEASURE = new MapLabelPlacer.TextMeasure() {
        @Override
        public double width(String text, MapLabel.Role role) {
            return 7.0 * text.length();
        }

        @Override
        public double height(MapLabel.Role role) {
            return 15;
        }
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noTwoPlacedLabelsOverlap(long seed) {
        System.out.println("seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<MapLabel> labels = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            labels.add(new MapLabel("token" + i, random.nextDouble(600), random.nextDouble(400),
                    i == 0 ? MapLabel.Role.SELECTED : MapLabel.Role.MATCH));
        }

        List<MapLabelPlacer.Placed> placed = MapLabelPlacer.place(labels, MEASURE, 600, 400, 6);

        assertFalse(placed.isEmpty());
        for (int a = 0; a < placed.size(); a++) {
            MapLabelPlacer.Placed box = placed.get(a);
            assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= 600 && box.y() + box.height() <= 400,
                    "inside the canvas: " + box);
            for (int b = a + 1; b < placed.size(); b++) {
                assertFalse(box.overlaps(placed.get(b)), box + " overlaps " + placed.get(b));
            }
        }
    }

    @Test
    void theSelectionIsPlacedFirstAndLowerPrioritiesGiveWay() {
        // Three labels on the same point: the first takes the first spot, the others move round.
        List<MapLabel> labels = List.of(new MapLabel("selected", 300, 200, MapLabel.Role.SELECTED),
                new MapLabel("source", 300, 200, MapLabel.Role.LINKED),
                new MapLabel("other", 300, 200, MapLabel.Role.AMBIENT));

        List<MapLabelPlacer.Placed> placed = MapLabelPlacer.place(labels, MEASURE, 600, 400, 6);

        assertEquals(3, placed.size());
        assertEquals("selected", placed.get(0).label().text());
        assertEquals(306, placed.get(0).x(), 1e-9, "right of the point");
        assertEquals(200 - 6 - 15, placed.get(0).y(), 1e-9, "above the point");
        assertEquals(200 + 6, placed.get(1).y(), 1e-9, "the source moves below");
    }

    @Test
    void aLabelWithNoFreeSpotIsLeftOut() {
        List<MapLabel> labels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            labels.add(new MapLabel("same", 300, 200, i == 0 ? MapLabel.Role.SELECTED : MapLabel.Role.MATCH));
        }
        List<MapLabelPlacer.Placed> placed = MapLabelPlacer.place(labels, MEASURE, 600, 400, 6);
        // the four corner spots are free for the first four; six spots at most, so two or more are left out
        assertTrue(placed.size() >= 4 && placed.size() <= 6, placed.size() + " placed");
    }

    @Test
    void theSelectionIsNamedEvenAtTheCanvasEdge() {
        List<MapLabelPlacer.Placed> placed = MapLabelPlacer.place(
                List.of(new MapLabel("a-long-selected-token", 598, 2, MapLabel.Role.SELECTED)), MEASURE, 100, 30, 6);
        assertEquals(1, placed.size());
        assertTrue(placed.get(0).x() >= 0 && placed.get(0).y() >= 0, placed.get(0).toString());
    }

    @Test
    void otherLabelsOutsideTheCanvasAreLeftOut() {
        List<MapLabelPlacer.Placed> placed = MapLabelPlacer.place(
                List.of(new MapLabel("sel", 50, 200, MapLabel.Role.SELECTED),
                        new MapLabel("wide-token-near-the-edge-that-cannot-fit", 590, 5, MapLabel.Role.MATCH)),
                MEASURE, 600, 25, 6);
        assertEquals(1, placed.size());
    }
}
