package org.sembridge.app.map;

/// The affine mapping between map units and canvas pixels of one viewport on one canvas size:
/// `screenX = offsetX + x * scale`, `screenY = offsetY - y * scale` (map y grows upwards, pixel
/// y downwards).
///
/// @param scale pixels per map unit, > 0
/// @param offsetX the pixel x of map x = 0
/// @param offsetY the pixel y of map y = 0
public record ViewTransform(double scale, double offsetX, double offsetY) {

    /// The pixel x of map x.
    public double toScreenX(double x) {
        return offsetX + x * scale;
    }

    /// The pixel y of map y.
    public double toScreenY(double y) {
        return offsetY - y * scale;
    }

    /// The map x of pixel x.
    public double toMapX(double screenX) {
        return (screenX - offsetX) / scale;
    }

    /// The map y of pixel y.
    public double toMapY(double screenY) {
        return (offsetY - screenY) / scale;
    }
}
