package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.engine.projection.MapNeighbours;

/// The selected point's nearest neighbours twice, side by side: by distance between the
/// original (adapted-space) vectors and by distance on the map, so the user sees what the
/// projection kept (in both lists, marked ●), tore apart (only in the original list) and brought
/// close (only on the map).
///
/// Both lists come from the map's [MapNeighbours] (the lists its trustworthiness was computed
/// from, `k` = 10 unless the map is tiny). A map without them (read back from a file) still
/// gets its map list, from a scan of the map's coordinates; its original list stays empty and
/// the summary says why. Lists follow the selection and the map.
final class MapNeighbourhood {

    /// Neighbours listed when the map kept none (the engine's default `k`).
    static final int FALLBACK_K = 10;

    private final ObservableValue<MapLayout> layout;
    private final ObservableIntegerValue selected;
    private final ObservableList<MapNeighbourRow> original = FXCollections.observableArrayList();
    private final ObservableList<MapNeighbourRow> onMap = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /// The neighbourhood of the point `selected` names on the map `layout` holds.
    MapNeighbourhood(ObservableValue<MapLayout> layout, ObservableIntegerValue selected) {
        this.layout = layout;
        this.selected = selected;
        selected.addListener(o -> update());
        layout.addListener(o -> update());
    }

    /// The selected point's neighbours in the original space, nearest first.
    ObservableList<MapNeighbourRow> original() {
        return original;
    }

    /// The selected point's neighbours on the map, nearest first.
    ObservableList<MapNeighbourRow> onMap() {
        return onMap;
    }

    /// One line: how many original neighbours stay neighbours on the map.
    ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    private void update() {
        MapLayout map = layout.getValue();
        int point = selected.get();
        if (map == null || point < 0 || point >= map.size() || map.size() < 2) {
            original.clear();
            onMap.clear();
            summary.set("");
            return;
        }
        MapNeighbours kept = map.map().quality().neighbours();
        if (kept == null || kept.size() != map.size()) {
            int[] nearest = nearestOnMap(map, point, Math.min(FALLBACK_K, map.size() - 1));
            original.clear();
            onMap.setAll(rows(map, nearest, mapDistances(map, point, nearest), new int[0]));
            summary.set("Original-space neighbours were not kept with this map; run it again to compare");
            return;
        }
        int[] inOriginal = kept.original()[point];
        int[] inMap = kept.map()[point];
        original.setAll(rows(map, inOriginal, kept.originalDistances()[point], inMap));
        onMap.setAll(rows(map, inMap, kept.mapDistances()[point], inOriginal));
        summary.set(kept.sharedCount(point) + " of " + kept.k() + " nearest in the original space are also among the "
                + kept.k() + " nearest on the map");
    }

    private static List<MapNeighbourRow> rows(MapLayout map, int[] points, float[] distances, int[] other) {
        List<MapNeighbourRow> rows = new ArrayList<>(points.length);
        for (int k = 0; k < points.length; k++) {
            rows.add(new MapNeighbourRow(points[k], map.point(points[k]).token(), distances[k],
                    contains(other, points[k])));
        }
        return rows;
    }

    private static float[] mapDistances(MapLayout map, int point, int[] nearest) {
        float[] distances = new float[nearest.length];
        for (int k = 0; k < nearest.length; k++) {
            distances[k] = (float) Math.sqrt(squared(map, point, nearest[k]));
        }
        return distances;
    }

    /// The `k` points nearest to `point` on the map by (distance, index): one scan, `O(n log k)`.
    static int[] nearestOnMap(MapLayout map, int point, int k) {
        java.util.PriorityQueue<Integer> farthestFirst = new java.util.PriorityQueue<>(
                (a, b) -> before(map, point, a, b) ? 1 : -1);
        for (int j = 0; j < map.size(); j++) {
            if (j == point) {
                continue;
            }
            if (farthestFirst.size() < k) {
                farthestFirst.add(j);
            } else if (before(map, point, j, farthestFirst.peek())) {
                farthestFirst.poll();
                farthestFirst.add(j);
            }
        }
        int[] nearest = new int[farthestFirst.size()];
        for (int slot = nearest.length - 1; slot >= 0; slot--) {
            nearest[slot] = farthestFirst.poll();
        }
        return nearest;
    }

    /// Whether `a` is nearer to `point` than `b`, ties to the smaller index.
    private static boolean before(MapLayout map, int point, int a, int b) {
        double da = squared(map, point, a);
        double db = squared(map, point, b);
        return da < db || (da == db && a < b);
    }

    private static double squared(MapLayout map, int a, int b) {
        double dx = (double) map.xs()[a] - map.xs()[b];
        double dy = (double) map.ys()[a] - map.ys()[b];
        return dx * dx + dy * dy;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
