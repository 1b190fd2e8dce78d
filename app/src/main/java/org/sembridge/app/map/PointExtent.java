package org.sembridge.app.map;

/// The tight box around a set of points (it may have zero width or height), the raw input of
/// [MapBounds] (which adds a margin) and of [PointGrid] (which divides it into cells).
///
/// @param loX the smallest x
/// @param loY the smallest y
/// @param hiX the largest x, `>= loX`
/// @param hiY the largest y, `>= loY`
record PointExtent(double loX, double loY, double hiX, double hiY) {

    /// The box around `(xs[i], ys[i])`; `null` when there are no points.
    static PointExtent of(float[] xs, float[] ys) {
        if (xs.length == 0) {
            return null;
        }
        double loX = Double.POSITIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY;
        double hiY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            loX = Math.min(loX, xs[i]);
            hiX = Math.max(hiX, xs[i]);
            loY = Math.min(loY, ys[i]);
            hiY = Math.max(hiY, ys[i]);
        }
        return new PointExtent(loX, loY, hiX, hiY);
    }

    double width() {
        return hiX - loX;
    }

    double height() {
        return hiY - loY;
    }
}
