package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.List;

/// Label decluttering: places labels in priority order so that no two overlap, each at the first
/// free spot of a few around its point (right-above, right-below, left-above, left-below, above,
/// below); a label with no free spot inside the canvas is left out. The first label (the
/// selection's) is always placed, so the selection is always named; the caller orders the rest
/// (its sources, then search matches, then the others).
///
/// Greedy, `O(labels^2)` box tests: a few hundred labels per frame cost well under a
/// millisecond. Toolkit-free: text sizes come from a [TextMeasure].
final class MapLabelPlacer {

    /// Gap in pixels between a point and its label, at scale 1.
    static final double GAP = 6;

    /// Measures label text.
    interface TextMeasure {
        /// The width in pixels of `text` drawn in the font of `role`.
        double width(String text, MapLabel.Role role);

        /// The line height in pixels of the font of `role`.
        double height(MapLabel.Role role);
    }

    /// A placed label: its box in pixels (top-left corner and size) and where the text's
    /// baseline starts.
    ///
    /// @param label the label
    /// @param x the box's left edge
    /// @param y the box's top edge
    /// @param width the box's width
    /// @param height the box's height
    record Placed(MapLabel label, double x, double y, double width, double height) {

        /// Whether this box and `other` share any area.
        boolean overlaps(Placed other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }
    }

    private MapLabelPlacer() {
    }

    /// Places `labels` (highest priority first) on a `width x height` canvas; `gap` is the
    /// distance from a point to its label's box in pixels.
    static List<Placed> place(List<MapLabel> labels, TextMeasure measure, double width, double height, double gap) {
        List<Placed> placed = new ArrayList<>();
        for (int n = 0; n < labels.size(); n++) {
            MapLabel label = labels.get(n);
            double w = measure.width(label.text(), label.role());
            double h = measure.height(label.role());
            Placed spot = null;
            for (Placed candidate : candidates(label, w, h, gap)) {
                if (inside(candidate, width, height) && free(candidate, placed)) {
                    spot = candidate;
                    break;
                }
            }
            if (spot == null && n == 0) {
                Placed first = candidates(label, w, h, gap).getFirst();
                spot = new Placed(label, clamp(first.x(), width - w), clamp(first.y(), height - h), w, h);
            }
            if (spot != null) {
                placed.add(spot);
            }
        }
        return placed;
    }

    private static List<Placed> candidates(MapLabel label, double w, double h, double gap) {
        double x = label.anchorX();
        double y = label.anchorY();
        return List.of(new Placed(label, x + gap, y - gap - h, w, h), new Placed(label, x + gap, y + gap, w, h),
                new Placed(label, x - gap - w, y - gap - h, w, h), new Placed(label, x - gap - w, y + gap, w, h),
                new Placed(label, x - w / 2, y - 2 * gap - h, w, h), new Placed(label, x - w / 2, y + 2 * gap, w, h));
    }

    private static boolean inside(Placed box, double width, double height) {
        return box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= width && box.y() + box.height() <= height;
    }

    private static boolean free(Placed box, List<Placed> placed) {
        for (Placed other : placed) {
            if (box.overlaps(other)) {
                return false;
            }
        }
        return true;
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(value, Math.max(0, max)));
    }
}
