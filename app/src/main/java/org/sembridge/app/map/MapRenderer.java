package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.sembridge.engine.projection.MapLink;

/// Draws one frame of the map onto a canvas: the points rasterised into a pixel buffer (a
/// canvas shape per point would cost tens of milliseconds at 20,000 points), then the few
/// vector overlays through the `GraphicsContext`: the selected token's links (width and opacity
/// by weight), rings around the selected, linked, hovered and matching points, labels placed
/// without overlaps ([MapLabelPlacer]), and the lasso. While a search is active, points that do
/// not match are dimmed towards the background and the matches are drawn on top.
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
    /// Linked points offered a label next to a selected point (the heaviest ones; the placer
    /// drops those that would overlap).
    static final int LABELLED_LINKS = 40;
    /// Search matches in view offered a label.
    static final int LABELLED_MATCHES = 300;
    /// Search matches in view that get a ring (beyond this, only their colour marks them).
    static final int RINGED_MATCHES = 2000;
    /// Every point in view is offered a label when at most this many are in view.
    static final int AMBIENT_LABEL_LIMIT = 150;
    /// The share of its colour a point keeps when a search is active and it does not match.
    static final double DIMMED = 0.22;

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
    private List<MapLabelPlacer.Placed> lastLabelsPlaced = List.of();

    /// What one frame shows besides the points.
    ///
    /// @param selected the selected point or -1
    /// @param hovered the hovered point or -1
    /// @param lasso the lasso selection or null
    /// @param lassoPath the lasso being drawn, as pixel pairs `x0, y0, x1, y1, ...`; empty when none
    /// @param search the search box's matches, highlighted while active ([MapSearchResult#NONE]: none)
    /// @param scale the size of labels, rings and link lines relative to the normal theme (1.5 in
    ///     presentation mode, so they stay legible on a projector)
    record Overlay(int selected, int hovered, LassoSelection lasso, double[] lassoPath, MapSearchResult search,
            double scale) {

        /// An overlay without a search, at scale 1.
        Overlay(int selected, int hovered, LassoSelection lasso, double[] lassoPath) {
            this(selected, hovered, lasso, lassoPath, MapSearchResult.NONE, 1);
        }
    }

    private final MapTextMeasure measure = new MapTextMeasure();

    /// Draws `map` (null: background only) on `g`, a `width x height` pixel canvas.
    void draw(GraphicsContext g, double canvasWidth, double canvasHeight, MapLayout map, ViewTransform transform,
            MapPalette palette, ColourMode mode, Overlay overlay) {
        long started = System.nanoTime();
        resize((int) Math.ceil(Math.max(canvasWidth, 1)), (int) Math.ceil(Math.max(canvasHeight, 1)));
        Arrays.fill(pixels, MapPalette.argb(palette.background()));
        lastPointsDrawn = 0;
        if (map != null && transform != null) {
            rasterise(map, transform, palette, mode, overlay.lasso(), overlay.search());
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        g.drawImage(image, 0, 0);
        if (map != null && transform != null) {
            double scale = overlay.scale();
            drawMatchRings(g, map, transform, palette, overlay.search(), scale);
            drawSelection(g, map, transform, palette, overlay.selected(), scale);
            drawHover(g, map, transform, palette, overlay.hovered(), scale);
            drawLabels(g, map, transform, palette, overlay, scale);
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
            LassoSelection lasso, MapSearchResult search) {
        List<String> names = map.categoryNames(mode);
        int[] colours = new int[names.size()];
        int[] full = new int[names.size()];
        for (int c = 0; c < colours.length; c++) {
            Color colour = palette.colour(names.get(c));
            full[c] = MapPalette.argb(colour);
            colours[c] = search.active() ? MapPalette.argb(palette.background().interpolate(colour, DIMMED)) : full[c];
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
        for (int i : search.matches()) {
            stampPoint(t, xs[i], ys[i], lasso != null && lasso.contains(i) ? lassoColour : full[categories[i]]);
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

    private void drawSelection(GraphicsContext g, MapLayout map, ViewTransform t, MapPalette palette, int selected,
            double scale) {
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
            g.setStroke(link.deriveColor(0, 1, 1, 0.35 + 0.6 * weight));
            g.setLineWidth(scale * (1 + 4 * weight));
            g.strokeLine(sx, sy, t.toScreenX(map.xs()[other]), t.toScreenY(map.ys()[other]));
        }
        g.setStroke(palette.link());
        g.setLineWidth(1.5 * scale);
        double ring = 5 * scale;
        for (MapLink l : links) {
            int other = target ? l.toIndex() : l.fromIndex();
            g.strokeOval(t.toScreenX(map.xs()[other]) - ring, t.toScreenY(map.ys()[other]) - ring, 2 * ring, 2 * ring);
        }
        g.setStroke(palette.selection());
        g.setLineWidth(2.5 * scale);
        double selectedRing = 8 * scale;
        g.strokeOval(sx - selectedRing, sy - selectedRing, 2 * selectedRing, 2 * selectedRing);
    }

    private void drawMatchRings(GraphicsContext g, MapLayout map, ViewTransform t, MapPalette palette,
            MapSearchResult search, double scale) {
        if (search.size() == 0 || search.size() > RINGED_MATCHES) {
            return;
        }
        g.setStroke(palette.selection());
        g.setLineWidth(1.25 * scale);
        double ring = 4.5 * scale;
        for (int i : search.matches()) {
            double x = t.toScreenX(map.xs()[i]);
            double y = t.toScreenY(map.ys()[i]);
            if (x >= -ring && y >= -ring && x <= width + ring && y <= height + ring) {
                g.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
            }
        }
    }

    private void drawHover(GraphicsContext g, MapLayout map, ViewTransform t, MapPalette palette, int hovered,
            double scale) {
        if (hovered < 0 || hovered >= map.size()) {
            return;
        }
        g.setStroke(palette.selection());
        g.setLineWidth(1.5 * scale);
        double ring = 6 * scale;
        g.strokeOval(t.toScreenX(map.xs()[hovered]) - ring, t.toScreenY(map.ys()[hovered]) - ring, 2 * ring, 2 * ring);
    }

    /// Labels, decluttered ([MapLabelPlacer]): the selection, its linked points heaviest first,
    /// the search matches in view, and every point when few are in view. Each is drawn with a
    /// halo of the background colour, so it reads over points and links.
    private void drawLabels(GraphicsContext g, MapLayout map, ViewTransform t, MapPalette palette, Overlay overlay,
            double scale) {
        List<MapLabel> labels = labelCandidates(map, t, overlay);
        lastLabelsPlaced = MapLabelPlacer.place(labels, measure.at(scale), width, height, MapLabelPlacer.GAP * scale);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setTextBaseline(VPos.TOP);
        g.setStroke(palette.background().deriveColor(0, 1, 1, 0.85));
        g.setLineWidth(3 * scale);
        for (MapLabelPlacer.Placed placed : lastLabelsPlaced) {
            MapLabel label = placed.label();
            g.setFont(measure.font(label.role(), scale));
            g.strokeText(label.text(), placed.x(), placed.y());
            g.setFill(label.role() == MapLabel.Role.AMBIENT ? palette.text().deriveColor(0, 1, 1, 0.75) : palette.text());
            g.fillText(label.text(), placed.x(), placed.y());
        }
        g.setTextBaseline(VPos.BASELINE);
    }

    private List<MapLabel> labelCandidates(MapLayout map, ViewTransform t, Overlay overlay) {
        List<MapLabel> labels = new ArrayList<>();
        Set<Integer> named = new HashSet<>();
        int selected = overlay.selected();
        if (selected >= 0 && selected < map.size()) {
            addLabel(labels, named, map, t, selected, MapLabel.Role.SELECTED);
            boolean target = map.isTarget(selected);
            List<MapLink> links = target ? map.linksFrom(selected) : map.linksTo(selected);
            for (int k = 0; k < Math.min(links.size(), LABELLED_LINKS); k++) {
                addLabel(labels, named, map, t, target ? links.get(k).toIndex() : links.get(k).fromIndex(),
                        MapLabel.Role.LINKED);
            }
        }
        int matches = 0;
        for (int i : overlay.search().matches()) {
            if (matches >= LABELLED_MATCHES) {
                break;
            }
            if (addLabel(labels, named, map, t, i, MapLabel.Role.MATCH)) {
                matches++;
            }
        }
        if (lastPointsDrawn <= AMBIENT_LABEL_LIMIT) {
            for (int i = 0; i < map.size(); i++) {
                addLabel(labels, named, map, t, i, MapLabel.Role.AMBIENT);
            }
        }
        return labels;
    }

    /// Adds a label for point `i` if it is in view and not named yet; tells whether it did.
    private boolean addLabel(List<MapLabel> labels, Set<Integer> named, MapLayout map, ViewTransform t, int i,
            MapLabel.Role role) {
        double x = t.toScreenX(map.xs()[i]);
        double y = t.toScreenY(map.ys()[i]);
        boolean inView = x >= 0 && y >= 0 && x < width && y < height;
        if ((!inView && role != MapLabel.Role.SELECTED) || !named.add(i)) {
            return false;
        }
        labels.add(new MapLabel(map.point(i).token(), x, y, role));
        return true;
    }

    /// The labels placed in the last frame (tests check they do not overlap).
    List<MapLabelPlacer.Placed> lastLabelsPlaced() {
        return lastLabelsPlaced;
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
