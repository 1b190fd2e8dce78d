package org.sembridge.app.map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/// The camera of the map page: the [MapViewport] over the shown [MapLayout], the canvas size in
/// pixels, the zoom and pan gestures, picking the point under a pixel, and the viewport's
/// session JSON (restored onto the next map made).
///
/// Every command is a no-op without a map; the viewport property is what the view redraws on.
final class MapViewportState {

    /// How close (in pixels) the pointer must come to a point to hover or click it.
    static final double PICK_RADIUS_PIXELS = 8;
    /// Zoom factor per wheel step of 40 pixels (one notch on most mice).
    static final double ZOOM_PER_NOTCH = 1.25;

    private final ObservableValue<MapLayout> layout;
    private final ObjectProperty<MapViewport> viewport = new SimpleObjectProperty<>(new MapViewport(0, 0, 1));
    private double canvasWidth = 800;
    private double canvasHeight = 600;
    private MapViewport pendingViewport;

    /// The camera over the map `layout` holds (null while there is none).
    MapViewportState(ObservableValue<MapLayout> layout) {
        this.layout = layout;
    }

    /// What part of the map shows.
    ObjectProperty<MapViewport> viewport() {
        return viewport;
    }

    /// Sets the canvas size in pixels, at least 1 x 1.
    void setCanvasSize(double width, double height) {
        canvasWidth = Math.max(width, 1);
        canvasHeight = Math.max(height, 1);
    }

    /// The pixel mapping of the current viewport on the current canvas; null without a map.
    ViewTransform transform() {
        MapLayout map = layout.getValue();
        return map == null ? null : viewport.get().transform(map.bounds(), canvasWidth, canvasHeight);
    }

    /// Shows a newly made map: the viewport restored from the session if one waits, else the
    /// whole map.
    void mapShown(MapLayout map) {
        viewport.set(pendingViewport != null ? pendingViewport : MapViewport.fitting(map.bounds()));
        pendingViewport = null;
    }

    /// Shows the whole map.
    void reset() {
        MapLayout map = layout.getValue();
        if (map != null) {
            viewport.set(MapViewport.fitting(map.bounds()));
        }
    }

    /// Zooms by `factor` (> 1 zooms in) around the pixel `(screenX, screenY)`.
    void zoomAt(double screenX, double screenY, double factor) {
        MapLayout map = layout.getValue();
        if (map != null) {
            viewport.set(viewport.get().zoomedAt(screenX, screenY, factor, map.bounds(), canvasWidth, canvasHeight));
        }
    }

    /// Zooms for a wheel turn of `deltaY` pixels: [#ZOOM_PER_NOTCH] per 40 pixels.
    void zoomByWheel(double screenX, double screenY, double deltaY) {
        zoomAt(screenX, screenY, Math.pow(ZOOM_PER_NOTCH, deltaY / 40));
    }

    /// Moves the map with a drag of `(dx, dy)` pixels.
    void panBy(double dx, double dy) {
        MapLayout map = layout.getValue();
        if (map != null) {
            viewport.set(viewport.get().pannedBy(dx, dy, map.bounds(), canvasWidth, canvasHeight));
        }
    }

    /// Centres the view on point `index` of `map`, zoom unchanged.
    void centreOn(MapLayout map, int index) {
        viewport.set(viewport.get().centredOn(map.xs()[index], map.ys()[index]));
    }

    /// The largest zoom [#showPoints] uses, so a few close points do not fill the canvas.
    static final double SHOW_POINTS_MAX_ZOOM = 40;

    /// Brings `indices` of `map` into view: one point is centred at the current zoom; several
    /// are fitted (the box around them with a margin fills the canvas, zoom at most
    /// [#SHOW_POINTS_MAX_ZOOM] and never below the whole map's view); none leaves the view.
    void showPoints(MapLayout map, int[] indices) {
        if (indices.length == 0) {
            return;
        }
        if (indices.length == 1) {
            centreOn(map, indices[0]);
            return;
        }
        float[] xs = new float[indices.length];
        float[] ys = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            xs[k] = map.xs()[indices[k]];
            ys[k] = map.ys()[indices[k]];
        }
        MapBounds box = MapBounds.around(xs, ys);
        MapBounds whole = map.bounds();
        double zoom = box.fitScale(canvasWidth, canvasHeight) / whole.fitScale(canvasWidth, canvasHeight);
        zoom = Math.max(1, Math.min(SHOW_POINTS_MAX_ZOOM, zoom));
        viewport.set(new MapViewport(box.centreX(), box.centreY(), zoom));
    }

    /// The point within [#PICK_RADIUS_PIXELS] of the pixel `(screenX, screenY)`, nearest first,
    /// or -1; from the spatial grid, not a scan.
    int pointAt(double screenX, double screenY) {
        ViewTransform transform = transform();
        if (transform == null) {
            return -1;
        }
        return layout.getValue().grid().nearest(transform.toMapX(screenX), transform.toMapY(screenY),
                PICK_RADIUS_PIXELS / transform.scale());
    }

    /// The viewport a saved session holds.
    MapViewport sessionViewport() {
        return viewport.get();
    }

    /// Keeps `saved` (when not `null`) for the next map made.
    void restore(MapViewport saved) {
        if (saved != null) {
            pendingViewport = saved;
        }
    }
}
