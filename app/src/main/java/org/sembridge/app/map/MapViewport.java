package org.sembridge.app.map;

/// What part of a map the canvas shows: the map point at the canvas centre and a zoom factor
/// relative to the view that fits the whole map ([MapBounds#fitScale]). Independent of the
/// canvas size, so it can be saved in a session and restored on another screen.
///
/// Zoom and pan return new viewports; [#transform] turns one into pixel coordinates.
///
/// @param centreX the map x at the canvas centre, in map units
/// @param centreY the map y at the canvas centre, in map units
/// @param zoom the magnification over the fitted view, in [[#MIN_ZOOM], [#MAX_ZOOM]]
public record MapViewport(double centreX, double centreY, double zoom) {

    /// The smallest zoom: the whole map at a fifth of the canvas.
    public static final double MIN_ZOOM = 0.2;
    /// The largest zoom: 2,000 times the fitted view.
    public static final double MAX_ZOOM = 2000;

    /// Checks that the values are finite and the zoom is in range.
    public MapViewport {
        if (!Double.isFinite(centreX) || !Double.isFinite(centreY) || !(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
            throw new IllegalArgumentException("viewport needs a finite centre and a zoom in [" + MIN_ZOOM + ", "
                    + MAX_ZOOM + "]; found (" + centreX + ", " + centreY + ") x " + zoom);
        }
    }

    /// The view that fits `bounds`: centred, zoom 1.
    public static MapViewport fitting(MapBounds bounds) {
        return new MapViewport(bounds.centreX(), bounds.centreY(), 1);
    }

    /// The pixel mapping of this viewport on a `width x height` canvas showing a map of `bounds`.
    public ViewTransform transform(MapBounds bounds, double width, double height) {
        double scale = bounds.fitScale(Math.max(width, 1), Math.max(height, 1)) * zoom;
        return new ViewTransform(scale, width / 2 - centreX * scale, height / 2 + centreY * scale);
    }

    /// This viewport zoomed by `factor` around the pixel `(screenX, screenY)`: the map point under
    /// that pixel stays under it (unless the zoom hits its limits, which keep the point fixed too).
    public MapViewport zoomedAt(double screenX, double screenY, double factor, MapBounds bounds, double width,
            double height) {
        ViewTransform before = transform(bounds, width, height);
        double mapX = before.toMapX(screenX);
        double mapY = before.toMapY(screenY);
        double newZoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        double scale = bounds.fitScale(Math.max(width, 1), Math.max(height, 1)) * newZoom;
        return new MapViewport(mapX - (screenX - width / 2) / scale, mapY + (screenY - height / 2) / scale, newZoom);
    }

    /// This viewport moved so the map follows a drag of `(dxPixels, dyPixels)`.
    public MapViewport pannedBy(double dxPixels, double dyPixels, MapBounds bounds, double width, double height) {
        double scale = transform(bounds, width, height).scale();
        return new MapViewport(centreX - dxPixels / scale, centreY + dyPixels / scale, zoom);
    }

    /// This viewport centred on the map point `(x, y)`, zoom unchanged.
    public MapViewport centredOn(double x, double y) {
        return new MapViewport(x, y, zoom);
    }
}
