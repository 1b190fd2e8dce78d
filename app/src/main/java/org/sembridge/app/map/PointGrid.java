package org.sembridge.app.map;

import java.util.Objects;

/// A uniform grid over the points of a map that answers "which point is nearest to (x, y)" in
/// about constant time, so hovering over 20,000 points never scans them all.
///
/// The bounding box of the points is cut into square-ish cells holding about
/// [#POINTS_PER_CELL] points each; each cell lists its points (compressed rows: one start offset
/// per cell into one index array). [#nearest] searches rings of cells outwards from the query's
/// cell and stops when no unscanned cell can hold a closer point, so it returns exactly what a
/// linear scan would, including the tie rule: among equally distant points, the lowest index.
///
/// Memory: one `int` per point plus one per cell. Building is `O(n)`. Immutable; thread-safe.
public final class PointGrid {

    /// The mean number of points per cell the grid is sized for.
    static final double POINTS_PER_CELL = 2;

    private final float[] xs;
    private final float[] ys;
    private final double minX;
    private final double minY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private final int[] cellPoints;

    /// Indexes the points `(xs[i], ys[i])`; the arrays are kept, not copied, and must not change.
    ///
    /// @throws IllegalArgumentException when the arrays differ in length
    public PointGrid(float[] xs, float[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("one y per x expected: " + xs.length + " x, " + ys.length + " y");
        }
        this.xs = xs;
        this.ys = ys;
        PointExtent extent = Objects.requireNonNullElse(PointExtent.of(xs, ys), new PointExtent(0, 0, 1, 1));
        double width = Math.max(extent.width(), 1e-9);
        double height = Math.max(extent.height(), 1e-9);
        double cells = Math.max(1, xs.length / POINTS_PER_CELL);
        double size = Math.sqrt(width * height / cells);
        if (!(size > 0) || !Double.isFinite(size)) {
            size = Math.max(width, height);
        }
        this.minX = extent.loX();
        this.minY = extent.loY();
        this.cellSize = size;
        this.columns = (int) Math.min(4096, Math.floor(width / size) + 1);
        this.rows = (int) Math.min(4096, Math.floor(height / size) + 1);
        int[] counts = new int[columns * rows + 1];
        int[] cellOf = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            cellOf[i] = column(xs[i]) + columns * row(ys[i]);
            counts[cellOf[i] + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            counts[c + 1] += counts[c];
        }
        this.cellStart = counts.clone();
        this.cellPoints = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            cellPoints[counts[cellOf[i]]++] = i;
        }
    }

    /// The number of points indexed.
    public int size() {
        return xs.length;
    }

    /// The index of the point nearest to `(x, y)` within `maxDistance` (Euclidean, in map units,
    /// inclusive), or -1 when none is that close. Ties go to the lowest index.
    ///
    /// @param maxDistance >= 0; `Double.POSITIVE_INFINITY` finds the nearest point of all
    public int nearest(double x, double y, double maxDistance) {
        if (xs.length == 0) {
            return -1;
        }
        double limit = maxDistance * maxDistance;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        int centreColumn = column(x);
        int centreRow = row(y);
        int maxRing = Math.max(Math.max(centreColumn, columns - 1 - centreColumn),
                Math.max(centreRow, rows - 1 - centreRow));
        for (int ring = 0; ring <= maxRing; ring++) {
            int c0 = centreColumn - ring;
            int c1 = centreColumn + ring;
            int r0 = centreRow - ring;
            int r1 = centreRow + ring;
            for (int row = Math.max(r0, 0); row <= Math.min(r1, rows - 1); row++) {
                boolean edgeRow = row == r0 || row == r1;
                int step = edgeRow ? 1 : c1 - c0;
                for (int column = c0; column <= c1; column += Math.max(step, 1)) {
                    if (column < 0 || column >= columns) {
                        continue;
                    }
                    int cell = column + columns * row;
                    for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                        int i = cellPoints[k];
                        double dx = xs[i] - x;
                        double dy = ys[i] - y;
                        double distance = dx * dx + dy * dy;
                        if (distance <= limit && (distance < bestDistance || distance == bestDistance && i < best)) {
                            best = i;
                            bestDistance = distance;
                        }
                    }
                }
            }
            double gap = unscannedGap(x, y, c0, c1, r0, r1);
            if (gap * gap > Math.min(bestDistance, limit) || gap == Double.POSITIVE_INFINITY) {
                break;
            }
        }
        return best;
    }

    /// The smallest distance from `(x, y)` to a cell outside the block of columns `c0..c1` and rows
    /// `r0..r1` that still lies inside the grid; infinite when the block covers the whole grid.
    /// (A point can be closer than its cell suggests only across the block's border.)
    private double unscannedGap(double x, double y, int c0, int c1, int r0, int r1) {
        double gap = Double.POSITIVE_INFINITY;
        if (c0 > 0) {
            gap = Math.min(gap, x - (minX + c0 * cellSize));
        }
        if (c1 < columns - 1) {
            gap = Math.min(gap, minX + (c1 + 1) * cellSize - x);
        }
        if (r0 > 0) {
            gap = Math.min(gap, y - (minY + r0 * cellSize));
        }
        if (r1 < rows - 1) {
            gap = Math.min(gap, minY + (r1 + 1) * cellSize - y);
        }
        return gap == Double.POSITIVE_INFINITY ? gap : Math.max(gap, 0);
    }

    private int column(double x) {
        return clamp((int) Math.floor((x - minX) / cellSize), columns);
    }

    private int row(double y) {
        return clamp((int) Math.floor((y - minY) / cellSize), rows);
    }

    private static int clamp(int cell, int count) {
        return Math.max(0, Math.min(count - 1, cell));
    }
}
