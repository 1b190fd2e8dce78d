package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Viewport arithmetic and lasso selection against closed forms.
class MapGeometryTest {

    private static final MapBounds BOUNDS = new MapBounds(-10, -5, 30, 15);
    private static final double WIDTH = 800;
    private static final double HEIGHT = 500;

    @ParameterizedTest(name = "zoom x{2} at ({0}, {1})")
    @CsvSource({"400, 250, 2", "10, 20, 3.5", "799, 499, 0.5", "123.4, 321.9, 1.25", "0, 0, 10000"})
    void zoomAroundAPixelKeepsTheMapPointUnderIt(double screenX, double screenY, double factor) {
        MapViewport before = new MapViewport(3, 4, 1.7);
        ViewTransform t0 = before.transform(BOUNDS, WIDTH, HEIGHT);
        double mapX = t0.toMapX(screenX);
        double mapY = t0.toMapY(screenY);

        MapViewport after = before.zoomedAt(screenX, screenY, factor, BOUNDS, WIDTH, HEIGHT);
        ViewTransform t1 = after.transform(BOUNDS, WIDTH, HEIGHT);

        assertEquals(screenX, t1.toScreenX(mapX), 1e-9);
        assertEquals(screenY, t1.toScreenY(mapY), 1e-9);
        assertEquals(Math.min(MapViewport.MAX_ZOOM, 1.7 * factor), after.zoom(), 1e-12);
    }

    @Test
    void panningMovesTheMapWithThePointer() {
        MapViewport before = new MapViewport(3, 4, 2);
        ViewTransform t0 = before.transform(BOUNDS, WIDTH, HEIGHT);
        ViewTransform t1 = before.pannedBy(37, -12, BOUNDS, WIDTH, HEIGHT).transform(BOUNDS, WIDTH, HEIGHT);
        assertEquals(t0.toScreenX(5) + 37, t1.toScreenX(5), 1e-9);
        assertEquals(t0.toScreenY(5) - 12, t1.toScreenY(5), 1e-9);
    }

    @Test
    void fittingViewShowsTheWholeBoundsCentred() {
        ViewTransform t = MapViewport.fitting(BOUNDS).transform(BOUNDS, WIDTH, HEIGHT);
        // 40 x 20 map units into 800 x 500 pixels: 20 px per unit, limited by the width
        assertEquals(20, t.scale(), 1e-12);
        assertEquals(0, t.toScreenX(-10), 1e-9);
        assertEquals(WIDTH, t.toScreenX(30), 1e-9);
        assertEquals(HEIGHT / 2, t.toScreenY(5), 1e-9);
    }

    /// A 10 x 10 lattice of points at integer coordinates; each polygon's inside has a closed form.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "rectangle; 1.5 1.5, 4.5 1.5, 4.5 6.5, 1.5 6.5",
        "triangle; -0.5 -0.5, 7.5 -0.5, -0.5 7.5",
        "concave L; -0.5 -0.5, 5.5 -0.5, 5.5 2.5, 2.5 2.5, 2.5 8.5, -0.5 8.5"})
    void lassoSelectsExactlyTheLatticePointsInside(String shape, String vertices) {
        String[] pairs = vertices.split(",");
        double[] xs = new double[pairs.length];
        double[] ys = new double[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            String[] xy = pairs[k].strip().split(" ");
            xs[k] = Double.parseDouble(xy[0]);
            ys[k] = Double.parseDouble(xy[1]);
        }
        float[] px = new float[100];
        float[] py = new float[100];
        for (int i = 0; i < 100; i++) {
            px[i] = i % 10;
            py[i] = i / 10;
        }
        MapLayout map = SyntheticMaps.layout(px, py, 60);
        BiPredicate<Integer, Integer> inside = switch (shape) {
            case "rectangle" -> (x, y) -> x >= 2 && x <= 4 && y >= 2 && y <= 6;
            case "triangle" -> (x, y) -> x + y <= 6;
            default -> (x, y) -> y <= 2 && x <= 5 || x <= 2 && y <= 8;
        };
        int[] expected = IntStream.range(0, 100).filter(i -> inside.test(i % 10, i / 10)).toArray();

        assertArrayEquals(expected, new LassoPolygon(xs, ys).select(map.xs(), map.ys()));
    }
}
