package org.sembridge.app.map;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/// The fonts of the map's labels and their measured text widths (cached per font and text, so a
/// frame measures each label once). FX thread only.
final class MapTextMeasure {

    /// The label font size at scale 1, in points.
    static final double LABEL_SIZE = 12;
    /// The selected point's label size at scale 1, in points.
    static final double SELECTED_SIZE = 14;
    /// Cached widths kept before the cache is emptied.
    private static final int CACHE_LIMIT = 20_000;

    private final Text probe = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private final Map<String, Font> fonts = new HashMap<>();

    /// The font of `role` at `scale`.
    Font font(MapLabel.Role role, double scale) {
        boolean selected = role == MapLabel.Role.SELECTED;
        double size = (selected ? SELECTED_SIZE : LABEL_SIZE) * scale;
        return fonts.computeIfAbsent(role + "@" + size,
                k -> Font.font(null, selected ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }

    /// A [MapLabelPlacer.TextMeasure] for labels at `scale`.
    MapLabelPlacer.TextMeasure at(double scale) {
        return new MapLabelPlacer.TextMeasure() {
            @Override
            public double width(String text, MapLabel.Role role) {
                Font font = font(role, scale);
                if (widths.size() > CACHE_LIMIT) {
                    widths.clear();
                }
                return widths.computeIfAbsent(font.getSize() + "|" + font.getStyle() + "|" + text, k -> {
                    probe.setFont(font);
                    probe.setText(text);
                    return probe.getLayoutBounds().getWidth();
                });
            }

            @Override
            public double height(MapLabel.Role role) {
                return Math.ceil(font(role, scale).getSize() * 1.3);
            }
        };
    }
}
