package org.sembridge.app.map;

/// The bounding box of a map's points, in map units, with a margin so edge points are not cut.
///
/// @param minX the left edge
/// @param minY the bottom edge
/// @param maxX the right edge, > minX
/// @param maxY the top edge, > minY
public record MapBounds(double minX, double minY, double maxX, double maxY) {

    /// The share of the extent added on every side.
    static final double MARGIN = 0.04;

    /// Checks that the box is finite and not empty.
    public MapBounds {
        if (!(maxX > minX) || !(maxY > minY) || !Double.isFinite(maxX - minX) || !Double.isFinite(maxY - minY)) {
            throw new IllegalArgumentException("bounds must be finite and non-empty; found x " + minX + ".." + maxX
                    + ", y " + minY + ".." + maxY);
        }
    }

    /// The box around `(xs[i], ys[i])` plus the margin; a unit box around a single point (or none).
    public static MapBounds around(float[] xs, float[] ys) {
        PointExtent extent = PointExtent.of(xs, ys);
        if (extent == null) {
            return new MapBounds(-1, -1, 1, 1);
        }
        double padX = Math.max(extent.width() * MARGIN, 0.5 * (extent.width() == 0 ? 1 : 0));
        double padY = Math.max(extent.height() * MARGIN, 0.5 * (extent.height() == 0 ? 1 : 0));
        return new MapBounds(extent.loX() - padX, extent.loY() - padY, extent.hiX() + padX, extent.hiY() + padY);
    }

    /// The centre's x.
    public double centreX() {
        return (minX + maxX) / 2;
    }

    /// The centre's y.
    public double centreY() {
        return (minY + maxY) / 2;
    }

    /// Pixels per map unit at which the whole box fits a `width x height` pixel canvas.
    public double fitScale(double width, double height) {
        return Math.min(width / (maxX - minX), height / (maxY - minY));
    }
}
