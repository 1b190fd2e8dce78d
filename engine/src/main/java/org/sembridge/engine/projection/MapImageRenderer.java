package org.sembridge.engine.projection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.sembridge.engine.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Draws a map as a PNG image with Java2D, headless (no display, no JavaFX).
///
/// Layout: a title with the method and point count, a subtitle with the quality figures and the
/// parameters, the plot (no axes: map units have no meaning) scaled to fit with equal x and y
/// scale and a margin, and a legend on the right.
///
/// - Points are coloured by language with the Okabe-Ito palette, which stays distinguishable
///   under the common colour-vision deficiencies; languages are numbered by size, the 8th and
///   later share grey. Point size shrinks with the point count (5 px radius up to ~300 points,
///   2 px from ~2,000). The largest language is drawn first so that small groups stay visible.
/// - Links are grey lines under the points; opacity and width grow with the link weight
///   relative to the heaviest link.
/// - Labels (the tokens of [MapImageOptions#labelledPoints()]) have a white halo; each tries the
///   four corners around its point and is left out when all four overlap earlier labels. Each
///   uses the first installed font of "Noto Sans CJK KR", "Noto Sans", "Noto Sans Devanagari", "Noto Sans Arabic", "DejaVu Sans"
///   that can show all its characters, else the logical font Dialog.
///
/// Loading this class sets `java.awt.headless=true` unless the property is already set, and
/// turns off ImageIO's disk cache so that nothing is written outside [AtomicFiles].
public final class MapImageRenderer {

    /// The Okabe-Ito colours in the order languages receive them, then the colour for the rest.
    static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000));
    static final Color OTHER = new Color(0x999999);

    private static final Logger LOG = LoggerFactory.getLogger(MapImageRenderer.class);
    private static final List<String> LABEL_FONTS = List.of("Noto Sans CJK KR", "Noto Sans", "Noto Sans Devanagari",
            "Noto Sans Arabic", "DejaVu Sans");
    private static final Color INK = new Color(0x222222);
    private static final Color MUTED = new Color(0x555555);
    private static final Color LINK = new Color(0x404040);
    private static final int MARGIN = 40;
    private static final int HEADER = 96;
    private static final int LEGEND_WIDTH = 230;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ImageIO.setUseCache(false);
    }

    private MapImageRenderer() {
    }

    /// Draws `map` with a title built from its method, size, quality figures and parameters.
    public static BufferedImage render(ProjectedMap map, MapImageOptions options) {
        return render(map.points(), map.links(), title(map), subtitle(map), options);
    }

    /// Draws points and links under the given title and subtitle (for coordinates read from a file).
    ///
    /// @param links links between `points` (indices into it)
    public static BufferedImage render(List<MapPoint> points, List<MapLink> links, String title, String subtitle,
            MapImageOptions options) {
        int width = options.widthPx();
        int height = options.heightPx();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);

            Fonts fonts = Fonts.installed();
            drawHeader(g, fonts, title, subtitle, width);
            Map<String, Integer> languages = languagesBySize(points);
            Rectangle2D plot = new Rectangle2D.Double(MARGIN, HEADER, width - 2 * MARGIN - LEGEND_WIDTH,
                    height - HEADER - MARGIN);
            AffineTransform toPixels = fit(points, plot);
            double radius = Math.clamp(90 / Math.sqrt(Math.max(1, points.size())), 2.0, 5.0);
            drawLinks(g, points, links, toPixels);
            drawPoints(g, points, languages, toPixels, radius);
            drawLabels(g, fonts, points, options.labelledPoints(), toPixels, radius);
            drawLegend(g, fonts, languages, !links.isEmpty(), width - LEGEND_WIDTH - MARGIN / 2, HEADER);
        } finally {
            g.dispose();
        }
        return image;
    }

    /// Writes `image` as a PNG file, atomically.
    public static void writePng(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is installed in this JDK");
            }
        });
    }

    /// The title of `map`: method and point count, e.g. `UMAP map of 2,000 points`.
    static String title(ProjectedMap map) {
        return String.format(Locale.ROOT, "%s map of %,d points", map.method().displayName(), map.points().size());
    }

    /// The subtitle of `map`: quality figures, then parameters.
    static String subtitle(ProjectedMap map) {
        MapQuality quality = map.quality();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "trustworthiness@%d = %.3f", quality.k(),
                quality.trustworthiness()));
        if (quality.hasLinkedShare()) {
            LinkedNeighbourShare share = quality.linkedShare();
            text.append(String.format(Locale.ROOT, "   ·   linked source among %d nearest: %.0f%% original, %.0f%% map",
                    share.k(), 100 * share.originalSpace(), 100 * share.map()));
        }
        String settings = map.parameters().summary();
        if (!settings.isEmpty()) {
            text.append("   ·   ").append(settings);
        }
        return text.toString();
    }

    private static void drawHeader(Graphics2D g, Fonts fonts, String title, String subtitle, int width) {
        g.setColor(INK);
        g.setFont(fonts.forText(title, Font.BOLD, 24));
        g.drawString(title, MARGIN, 44);
        g.setColor(MUTED);
        g.setFont(fonts.forText(subtitle, Font.PLAIN, 15));
        g.drawString(subtitle, MARGIN, 72);
        g.setColor(new Color(0xDDDDDD));
        g.draw(new Line2D.Double(MARGIN, HEADER - 10, width - MARGIN, HEADER - 10));
    }

    /// Languages in descending order of point count (ties: first appearance), with their counts.
    private static Map<String, Integer> languagesBySize(List<MapPoint> points) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (MapPoint point : points) {
            counts.merge(point.language(), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        Map<String, Integer> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static Color colourOf(int languageRank) {
        return languageRank < PALETTE.size() ? PALETTE.get(languageRank) : OTHER;
    }

    /// Map coordinates to pixels: equal scale on both axes, centred in `plot`, y pointing up.
    private static AffineTransform fit(List<MapPoint> points, Rectangle2D plot) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (MapPoint point : points) {
            minX = Math.min(minX, point.x());
            maxX = Math.max(maxX, point.x());
            minY = Math.min(minY, point.y());
            maxY = Math.max(maxY, point.y());
        }
        if (points.isEmpty()) {
            minX = minY = -1;
            maxX = maxY = 1;
        }
        double spanX = Math.max(maxX - minX, 1e-12);
        double spanY = Math.max(maxY - minY, 1e-12);
        double scale = Math.min(plot.getWidth() / spanX, plot.getHeight() / spanY);
        AffineTransform transform = new AffineTransform();
        transform.translate(plot.getCenterX(), plot.getCenterY());
        transform.scale(scale, -scale);
        transform.translate(-(minX + maxX) / 2, -(minY + maxY) / 2);
        return transform;
    }

    private static void drawLinks(Graphics2D g, List<MapPoint> points, List<MapLink> links, AffineTransform toPixels) {
        float heaviest = 0;
        for (MapLink link : links) {
            heaviest = Math.max(heaviest, Math.abs(link.weight()));
        }
        if (heaviest == 0) {
            heaviest = 1;
        }
        List<MapLink> lightFirst = new ArrayList<>(links);
        lightFirst.sort(Comparator.comparingDouble(link -> Math.abs(link.weight())));
        double[] ends = new double[4];
        for (MapLink link : lightFirst) {
            double relative = Math.abs(link.weight()) / heaviest;
            MapPoint from = points.get(link.fromIndex());
            MapPoint to = points.get(link.toIndex());
            ends[0] = from.x();
            ends[1] = from.y();
            ends[2] = to.x();
            ends[3] = to.y();
            toPixels.transform(ends, 0, ends, 0, 2);
            g.setColor(withAlpha(LINK, 0.10 + 0.55 * relative));
            g.setStroke(new BasicStroke((float) (0.6 + 2.0 * relative), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(ends[0], ends[1], ends[2], ends[3]));
        }
    }

    private static void drawPoints(Graphics2D g, List<MapPoint> points, Map<String, Integer> languages,
            AffineTransform toPixels, double radius) {
        List<String> order = new ArrayList<>(languages.keySet());
        double[] pixel = new double[2];
        g.setStroke(new BasicStroke(0.8f));
        for (int rank = 0; rank < order.size(); rank++) {
            String language = order.get(rank);
            Color colour = colourOf(rank);
            Color fill = withAlpha(colour, 0.78);
            Color edge = colour.darker();
            for (MapPoint point : points) {
                if (!point.language().equals(language)) {
                    continue;
                }
                pixel[0] = point.x();
                pixel[1] = point.y();
                toPixels.transform(pixel, 0, pixel, 0, 1);
                Shape dot = new Ellipse2D.Double(pixel[0] - radius, pixel[1] - radius, 2 * radius, 2 * radius);
                g.setColor(fill);
                g.fill(dot);
                if (radius >= 3) {
                    g.setColor(edge);
                    g.draw(dot);
                }
            }
        }
    }

    private static void drawLabels(Graphics2D g, Fonts fonts, List<MapPoint> points, Set<Integer> labelled,
            AffineTransform toPixels, double radius) {
        List<Rectangle2D> taken = new ArrayList<>();
        double[] pixel = new double[2];
        BasicStroke halo = new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        List<String> unrenderable = new ArrayList<>();
        for (int index : labelled.stream().sorted().toList()) {
            if (index < 0 || index >= points.size()) {
                continue;
            }
            MapPoint point = points.get(index);
            if (point.token().isBlank()) {
                continue;
            }
            pixel[0] = point.x();
            pixel[1] = point.y();
            toPixels.transform(pixel, 0, pixel, 0, 1);
            Font font = fonts.forText(point.token(), Font.PLAIN, 14);
            if (font.canDisplayUpTo(point.token()) != -1) {
                unrenderable.add(point.token());
            }
            TextLayout layout = new TextLayout(point.token(), font, g.getFontRenderContext());
            Rectangle2D bounds = layout.getBounds();
            Rectangle2D box = null;
            double left = 0;
            double baseline = 0;
            // Try above-right, below-right, above-left, below-left of the point.
            for (int corner = 0; corner < 4 && box == null; corner++) {
                left = corner < 2 ? pixel[0] + radius + 2 : pixel[0] - radius - 2 - bounds.getWidth() - bounds.getX();
                baseline = corner % 2 == 0 ? pixel[1] - radius - 1 : pixel[1] + radius + 1 - bounds.getY();
                Rectangle2D candidate = new Rectangle2D.Double(left + bounds.getX() - 2, baseline + bounds.getY() - 2,
                        bounds.getWidth() + 4, bounds.getHeight() + 4);
                if (taken.stream().noneMatch(candidate::intersects)) {
                    box = candidate;
                }
            }
            if (box == null) {
                continue;
            }
            taken.add(box);
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, baseline));
            g.setStroke(halo);
            g.setColor(new Color(255, 255, 255, 220));
            g.draw(outline);
            g.setColor(INK);
            g.fill(outline);
        }
        if (!unrenderable.isEmpty()) {
            LOG.info("{} map labels contain characters no installed font has (e.g. '{}'); they show as boxes. "
                    + "Install Noto fonts (Debian: fonts-noto-core fonts-noto-cjk)", unrenderable.size(),
                    unrenderable.getFirst());
        }
    }

    private static void drawLegend(Graphics2D g, Fonts fonts, Map<String, Integer> languages, boolean links,
            int left, int top) {
        Font heading = fonts.forText("Language", Font.BOLD, 15);
        g.setFont(heading);
        g.setColor(INK);
        int y = top + 24;
        g.drawString("Language", left, y);
        y += 10;
        int rank = 0;
        for (Map.Entry<String, Integer> entry : languages.entrySet()) {
            boolean rest = rank == PALETTE.size() && languages.size() > PALETTE.size() + 1;
            String name = entry.getKey().isEmpty() ? "(none)" : entry.getKey();
            String text = rest ? String.format(Locale.ROOT, "%d more languages", languages.size() - rank)
                    : String.format(Locale.ROOT, "%s  (%,d)", name, entry.getValue());
            y += 24;
            g.setColor(withAlpha(colourOf(rank), 0.85));
            g.fill(new Ellipse2D.Double(left, y - 12, 12, 12));
            g.setColor(INK);
            g.setFont(fonts.forText(text, Font.PLAIN, 14));
            g.drawString(text, left + 22, y);
            if (rest) {
                break;
            }
            rank++;
        }
        if (links) {
            y += 40;
            g.setFont(heading);
            g.drawString("Link", left, y);
            y += 24;
            for (double relative : new double[] {1.0, 0.3}) {
                g.setColor(withAlpha(LINK, 0.10 + 0.55 * relative));
                g.setStroke(new BasicStroke((float) (0.6 + 2.0 * relative), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(left, y - 5, left + 30, y - 5));
                g.setColor(INK);
                g.setFont(fonts.forText("weight", Font.PLAIN, 14));
                g.drawString(relative == 1.0 ? "heaviest weight" : "30% of heaviest", left + 40, y);
                y += 22;
            }
        }
    }

    private static Color withAlpha(Color colour, double alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), (int) Math.round(255 * alpha));
    }

    /// The installed label fonts, in order of preference.
    private record Fonts(List<String> families) {

        static Fonts installed() {
            Set<String> available = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(Locale.ROOT));
            return new Fonts(LABEL_FONTS.stream().filter(available::contains).toList());
        }

        /// The first preferred font that can show all of `text`, else Dialog.
        Font forText(String text, int style, int size) {
            for (String family : families) {
                Font font = new Font(family, style, size);
                if (font.canDisplayUpTo(text) == -1) {
                    return font;
                }
            }
            return new Font(Font.DIALOG, style, size);
        }
    }
}
