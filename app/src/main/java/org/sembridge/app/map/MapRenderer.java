package org.sembridge.app.map;

import java.util.Arrays;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import org.sembridge.engine.projection.MapLink;

/// Draws one frame of the map onto a canvas: the points rasterised into a pixel buffer (a
/// canvas shape per point would cost tens of milliseconds at 20,000 points), then the few
/// vector overlays through the `GraphicsContext`: the selected token's links (width and opacity
/// by weight), rings around the selected, linked and hovered points, labels, and the lasso.
///
/// Points are discs of [#POINT_RADIUS] pixels, alpha-blended so dense regions read darker; the
/// target points are drawn last (on top); lasso-selected points get the lasso colour. Cost is
/// `O(visible points * disc area + canvas pixels)`; [#lastDrawNanos] tells what one frame took.
/// FX thread only; keeps its buffer between frames.
final class MapRenderer {

    /// The radius of a point disc, in pixels.
    static final double POINT_RADIUS = 2.6;
    /// The opacity of a point's centre.
    static final double POINT_ALPHA = 0.8;
    /// Sources labelled next to a selected target (the heaviest ones).
    static final int LABELLED_LINKS = 8;

    private static final int[] DISC_DX;
    private static final int[] DISC_DY;
    private static final int[] DISC_ALPHA;

    static {
        int reach = (int) Math.ceil(POINT_RADIUS);
        int size = (2 * reach + 1) * (2 * reach + 1);
        int[] dx = new int[size];
        int[] dy = new int[size];
        int[] alpha = new int[size];
        int count = 0;
        for (int y = -reach; y <= reach; y++) {
            for (int x = -reach; x <= reach; x++) {
                double coverage = Math.max(0, Math.min(1, POINT_RADIUS + 0.5 - Math.hypot(x, y)));
                if (coverage > 0) {
                    dx[count] = x;
                    dy[count] = y;
                    alpha[count] = (int) Math.round(255 * POINT_ALPHA * coverage);
                    count++;
                }
            }
        }
        DISC_DX = Arrays.copyOf(dx, count);
        DISC_DY = Arrays.copyOf(dy, count);
        DISC_ALPHA = Arrays.copyOf(alpha, count);
    }

    private int[] pixels = new int[0];
    private WritableImage image;
    private int width;
    private int height;
    private long lastDrawNanos;
    private int lastPointsDrawn;

    /// What one frame shows besides the points.
    ///
    /// @param selected the selected point or -1
    /// @param hovered the hovered point or -1
    /// @param lasso the lasso selection or null
    /// @param lassoPath the lasso being drawn, as pixel pairs `x0, y0, x1, y1, ...`; empty when none
    record Overlay(int selected, int hovered, LassoSelection lasso, double[] lassoPath) {
    }

    /// Draws `map` (null: background only) on `g`, a `width x height` pixel canvas.
    void draw(GraphicsContext g, double canvasWidth, double canvasHeight, MapLayout map, ViewTransform transform,
            MapPalette palette, ColourMode mode, Overlay overlay) {
        long started = System.nanoTime();
        resize((int) Math.ceil(Math.max(canvasWidth, 1)), (int) Math.ceil(Math.max(canvasHeight, 1)));
        Arrays.fill(pixels, MapPalette.argb(palette.background()));
        lastPointsDrawn = 0;
        if (map != null && transform != null) {
            rasterise(map, transform, palette, mode, overlay.lasso());
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        g.drawImage(image, 0, 0);
        if (map != null && transform != null) {
            drawSelection(g, map, transform, palette, overlay.selected());
            drawHover(g, map, transform, palette, overlay.hovered());
        }
        drawLassoPath(g, palette, overlay.lassoPath());
        lastDrawNanos = System.nanoTime() - started;
    }

    /// The wall time of the last frame, in nanoseconds.
    long lastDrawNanos() {
        return lastDrawNanos;
    }

    /// The number of points that fell inside the canvas in the last frame.
    int lastPointsDrawn() {
        return lastPointsDrawn;
    }

    private void resize(int newWidth, int newHeight) {
        if (newWidth != width || newHeight != height || image == null) {
            width = newWidth;
            height = newHeight;
            pixels = new int[width * height];
            image = new WritableImage(width, height);
        }
    }

    private void rasterise(MapLayout map, ViewTransform t, MapPalette palette, ColourMode mode,
            LassoSelection lasso) {
        List<String> names = map.categoryNames(mode);
        int[] colours = new int[names.size()];
        for (int c = 0; c < colours.length; c++) {
            colours[c] = MapPalette.argb(palette.colour(names.get(c)));
        }
        int lassoColour = MapPalette.argb(palette.lasso());
        int[] categories = map.categoriesOf(mode);
        float[] xs = map.xs();
        float[] ys = map.ys();
        for (int i = map.size() - 1; i >= 0; i--) {
            if (stampPoint(t, xs[i], ys[i], colours[categories[i]])) {
                lastPointsDrawn++;
            }
        }
        if (lasso != null) {
            for (int i : lasso.indices()) {
                stampPoint(t, xs[i], ys[i], lassoColour);
            }
        }
    }

    /// Stamps the point at map `(x, y)` in colour `rgb` if its disc reaches the canvas; tells
    /// whether it did.
    private boolean stampPoint(ViewTransform t, float x, float y, int rgb) {
        int px = (int) Math.round(t.toScreenX(x));
        int py = (int) Math.round(t.toScreenY(y));
        if (px >= -3 && py >= -3 && px < width + 3 && py < height + 3) {
            stamp(px, py, rgb);
            return true;
        }
        return false;
    }

    /// Blends a disc of colour `rgb` centred on pixel `(px, py)` over the buffer (source-over).
    private void stamp(int px, int py, int rgb) {
        int red = rgb >> 16 & 0xff;
        int green = rgb >> 8 & 0xff;
        int blue = rgb & 0xff;
        for (int k = 0; k < DISC_DX.length; k++) {
            int x = px + DISC_DX[k];
            int y = py + DISC_DY[k];
            if (x < 0 || y < 0 || x >= width || y >= height) {
                continue;
            }
            int index = y * width + x;
            int under = pixels[index];
            int a = DISC_ALPHA[k];
            int keep = 255 - a;
            int r = (red * a + (under >> 16 & 0xff) * keep) / 255;
            int gr = (green * a + (under >> 8 & 0xff) * keep) / 255;
            int b = (blue * a + (under & 0xff) * keep) / 255;
            pixels[index] = 0xff000000 | r << 16 | gr << 8 | b;
        }
    }

    private void drawSelection(GraphicsContext g, MapLayout map, ViewTransform t, MapPalette palette, int selected) {
        if (selected < 0 || selected >= map.size()) {
            return;
        }
        double sx = t.toScreenX(map.xs()[selected]);
        double sy = t.toScreenY(map.ys()[selected]);
        boolean target = map.isTarget(selected);
        List<MapLink> links = target ? map.linksFrom(selected) : map.linksTo(selected);
        g.setLineCap(StrokeLineCap.ROUND);
        Color link = palette.link();
        for (MapLink l : links) {
            int other = target ? l.toIndex() : l.fromIndex();
            double weight = Math.max(0, Math.min(1, l.weight()));
            g.setStroke(link.deriveColor(0, 1, 1, 0.25 + 0.7 * weight));
            g.setLineWidth(0.75 + 4.25 * weight);
            g.strokeLine(sx, sy, t.toScreenX(map.xs()[other]), t.toScreenY(map.ys()[other]));
        }
        g.setFont(Font.font(12));
        g.setFill(palette.text());
        g.setStroke(palette.link());
        g.setLineWidth(1.5);
        for (int k = 0; k < links.size(); k++) {
            int other = target ? links.get(k).toIndex() : links.get(k).fromIndex();
            double ox = t.toScreenX(map.xs()[other]);
            double oy = t.toScreenY(map.ys()[other]);
            g.strokeOval(ox - 5, oy - 5, 10, 10);
            if (k < LABELLED_LINKS) {
                g.fillText(map.point(other).token(), ox + 7, oy - 6);
            }
        }
        g.setStroke(palette.selection());
        g.setLineWidth(2.5);
        g.strokeOval(sx - 8, sy - 8, 16, 16);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 14));
        g.fillText(map.point(selected).token(), sx + 10, sy - 10);
    }

    private void drawHover(GraphicsContext g, MapLayout map, ViewTransform t, MapPalette palette, int hovered) {
        if (hovered < 0 || hovered >= map.size()) {
            return;
        }
        g.setStroke(palette.selection());
        g.setLineWidth(1.5);
        g.strokeOval(t.toScreenX(map.xs()[hovered]) - 6, t.toScreenY(map.ys()[hovered]) - 6, 12, 12);
    }

    private void drawLassoPath(GraphicsContext g, MapPalette palette, double[] path) {
        if (path.length < 4) {
            return;
        }
        g.setStroke(palette.lasso());
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.beginPath();
        g.moveTo(path[0], path[1]);
        for (int k = 2; k + 1 < path.length; k += 2) {
            g.lineTo(path[k], path[k + 1]);
        }
        g.closePath();
        g.stroke();
        g.setLineDashes();
    }
}
