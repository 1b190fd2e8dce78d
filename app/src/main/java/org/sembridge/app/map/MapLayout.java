package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sembridge.app.common.Formats;
import org.sembridge.engine.projection.MapLink;
import org.sembridge.engine.projection.MapPoint;
import org.sembridge.engine.projection.MapQuality;
import org.sembridge.engine.projection.ProjectedMap;

/// A finished map prepared for drawing and picking: coordinates as flat arrays, the
/// [PointGrid] for hovering, the links of each point, a colour category per point for each
/// [ColourMode], and a lookup from target token to point.
///
/// Point order is the engine's: the `targetCount` target points first, then the source points.
/// Built once per map off the JavaFX thread (`O(n + links)`); immutable afterwards.
public final class MapLayout {

    /// The colour category of target points in [ColourMode#LANGUAGE].
    public static final String TARGET = "target";
    /// The colour category of source points in [ColourMode#LANGUAGE].
    public static final String SOURCE = "source";

    private final ProjectedMap map;
    private final int targetCount;
    private final float[] xs;
    private final float[] ys;
    private final PointGrid grid;
    private final MapBounds bounds;
    private final List<List<MapLink>> linksFrom;
    private final List<List<MapLink>> linksTo;
    private final Map<String, Integer> targetIndex = new HashMap<>();
    private final Map<ColourMode, Categories> categories = new LinkedHashMap<>();
    private final List<String> targetLanguages;
    private final List<String> sourceLanguages;

    private MapLayout(ProjectedMap map, int targetCount) {
        List<MapPoint> points = map.points();
        if (targetCount < 0 || targetCount > points.size()) {
            throw new IllegalArgumentException("target count " + targetCount + " outside 0.." + points.size());
        }
        this.map = map;
        this.targetCount = targetCount;
        int n = points.size();
        xs = new float[n];
        ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = points.get(i).x();
            ys[i] = points.get(i).y();
            if (i < targetCount) {
                targetIndex.putIfAbsent(points.get(i).token(), i);
            }
        }
        grid = new PointGrid(xs, ys);
        bounds = MapBounds.around(xs, ys);
        linksFrom = adjacency(n, map.links(), true);
        linksTo = adjacency(n, map.links(), false);
        for (ColourMode mode : ColourMode.values()) {
            categories.put(mode, new Categories(mode));
        }
        targetLanguages = languagesOf(points.subList(0, targetCount));
        sourceLanguages = languagesOf(points.subList(targetCount, n));
    }

    /// Prepares `map`, whose first `targetCount` points are target tokens.
    ///
    /// @throws IllegalArgumentException when `targetCount` exceeds the number of points
    public static MapLayout of(ProjectedMap map, int targetCount) {
        return new MapLayout(map, targetCount);
    }

    /// The engine's map.
    public ProjectedMap map() {
        return map;
    }

    /// The number of points.
    public int size() {
        return xs.length;
    }

    /// The number of target points (the first ones).
    public int targetCount() {
        return targetCount;
    }

    /// Whether point `i` is a target token.
    public boolean isTarget(int i) {
        return i < targetCount;
    }

    /// The point `i`.
    public MapPoint point(int i) {
        return map.points().get(i);
    }

    /// The languages of the target points (`targets`) or of the source points: each once, in the
    /// order of their first point; points without a language are left out. A map of one run has
    /// one target language, but nothing in a map forbids several (issue 12: the legend named the
    /// first point's language for all of them).
    public List<String> languages(boolean targets) {
        return targets ? targetLanguages : sourceLanguages;
    }

    /// The x coordinates by point (not a copy: do not change).
    float[] xs() {
        return xs;
    }

    /// The y coordinates by point (not a copy: do not change).
    float[] ys() {
        return ys;
    }

    /// The spatial index of the points.
    public PointGrid grid() {
        return grid;
    }

    /// The bounding box with a margin.
    public MapBounds bounds() {
        return bounds;
    }

    /// The links from point `i` (a target) to its sources, heaviest first; empty for others.
    public List<MapLink> linksFrom(int i) {
        return linksFrom.get(i);
    }

    /// The links to point `i` (a source) from the targets built from it, heaviest first.
    public List<MapLink> linksTo(int i) {
        return linksTo.get(i);
    }

    /// The target point of `token` (stored string), or -1 when the map does not show it.
    public int indexOfTarget(String token) {
        return token == null ? -1 : targetIndex.getOrDefault(token, -1);
    }

    /// The colour category names of `mode`, in a stable order (legend order).
    public List<String> categoryNames(ColourMode mode) {
        return categories.get(mode).names;
    }

    /// The colour category of point `i` under `mode`: an index into [#categoryNames].
    public int category(ColourMode mode, int i) {
        return categories.get(mode).ofPoint[i];
    }

    /// The number of points per category of `mode`, parallel to [#categoryNames].
    public int[] categoryCounts(ColourMode mode) {
        return categories.get(mode).counts.clone();
    }

    /// The colour categories of all points, by point (not a copy: do not change).
    int[] categoriesOf(ColourMode mode) {
        return categories.get(mode).ofPoint;
    }

    /// One line about the map: method, points by role and language, links, quality, time.
    String summary() {
        int targets = targetCount;
        int sources = size() - targets;
        String targetLanguage = String.join(", ", targetLanguages);
        String sourceLanguage = String.join(", ", sourceLanguages);
        MapQuality quality = map.quality();
        String text = String.format(Locale.ROOT, "%s map of %s points (%s %s target + %s %s source, %s links) · "
                        + "trustworthiness@%d %.3f", map.method().displayName(), Formats.count(size()),
                Formats.count(targets), targetLanguage, Formats.count(sources), sourceLanguage,
                Formats.count(map.links().size()), quality.k(), quality.trustworthiness());
        if (quality.hasLinkedShare()) {
            text += String.format(Locale.ROOT, " · chosen source among %d nearest: %.0f%% original, %.0f%% map",
                    quality.k(), 100 * quality.linkedShare().originalSpace(), 100 * quality.linkedShare().map());
        }
        return text + " · " + Formats.duration(map.elapsedNanos());
    }

    private static List<String> languagesOf(List<MapPoint> points) {
        Set<String> languages = new LinkedHashSet<>();
        for (MapPoint point : points) {
            if (!point.language().isEmpty()) {
                languages.add(point.language());
            }
        }
        return List.copyOf(languages);
    }

    private static List<List<MapLink>> adjacency(int n, List<MapLink> links, boolean outgoing) {
        List<List<MapLink>> lists = new ArrayList<>(Collections.nCopies(n, List.<MapLink>of()));
        Map<Integer, List<MapLink>> grouped = new HashMap<>();
        for (MapLink link : links) {
            grouped.computeIfAbsent(outgoing ? link.fromIndex() : link.toIndex(), k -> new ArrayList<>()).add(link);
        }
        grouped.forEach((point, group) -> {
            group.sort(Comparator.comparingDouble(MapLink::weight).reversed());
            lists.set(point, List.copyOf(group));
        });
        return List.copyOf(lists);
    }

    /// The colour categories of one mode: names in first-seen order with target categories first.
    private final class Categories {
        final List<String> names;
        final int[] ofPoint;
        final int[] counts;

        Categories(ColourMode mode) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            ofPoint = new int[xs.length];
            for (int i = 0; i < xs.length; i++) {
                String name = switch (mode) {
                    case LANGUAGE -> isTarget(i) ? TARGET : SOURCE;
                    case KIND -> point(i).kind().isEmpty() ? (isTarget(i) ? TARGET : SOURCE) : point(i).kind();
                };
                ofPoint[i] = ids.computeIfAbsent(name, k -> ids.size());
            }
            names = List.copyOf(ids.keySet());
            counts = new int[names.size()];
            Arrays.stream(ofPoint).forEach(c -> counts[c]++);
        }
    }
}
