package org.sembridge.app.map;

import java.util.Arrays;

/// A closed polygon drawn with the lasso, in map units, that tells which points lie inside.
///
/// Inside means the even-odd rule (a ray from the point crosses the outline an odd number of
/// times), so self-crossing lassos behave like a drawing program's. Points exactly on the outline
/// may fall either way. The polygon closes itself from the last vertex back to the first.
///
/// @param xs vertex x coordinates, at least 3
/// @param ys vertex y coordinates, as many as `xs`
public record LassoPolygon(double[] xs, double[] ys) {

    /// Copies the arrays and checks them.
    public LassoPolygon {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a lasso needs at least 3 vertices with x and y each; found "
                    + xs.length + " x, " + ys.length + " y");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    /// Whether `(x, y)` lies inside (even-odd rule).
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y)
                    && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /// The indices of the points `(px[i], py[i])` inside, ascending. Points outside the polygon's
    /// bounding box are skipped with two comparisons each.
    public int[] select(float[] px, float[] py) {
        double loX = Arrays.stream(xs).min().orElseThrow();
        double hiX = Arrays.stream(xs).max().orElseThrow();
        double loY = Arrays.stream(ys).min().orElseThrow();
        double hiY = Arrays.stream(ys).max().orElseThrow();
        int[] inside = new int[px.length];
        int count = 0;
        for (int i = 0; i < px.length; i++) {
            if (px[i] >= loX && px[i] <= hiX && py[i] >= loY && py[i] <= hiY && contains(px[i], py[i])) {
                inside[count++] = i;
            }
        }
        return Arrays.copyOf(inside, count);
    }

    /// The vertex x coordinates (a copy).
    @Override
    public double[] xs() {
        return xs.clone();
    }

    /// The vertex y coordinates (a copy).
    @Override
    public double[] ys() {
        return ys.clone();
    }

    /// The number of vertices.
    public int size() {
        return xs.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LassoPolygon that && Arrays.equals(xs, that.xs) && Arrays.equals(ys, that.ys);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        return "LassoPolygon[" + xs.length + " vertices]";
    }
}
