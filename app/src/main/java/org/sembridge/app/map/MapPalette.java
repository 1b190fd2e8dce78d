package org.sembridge.app.map;

import java.util.Map;
import javafx.scene.paint.Color;
import org.sembridge.app.common.ThemeClasses;
import org.sembridge.engine.workflow.RunMapping;

/// The colours of the map canvas for one theme: background, text, link, selection and lasso
/// colours, and one colour per point category.
///
/// Categories use the Okabe-Ito palette (distinguishable with the common colour-vision
/// deficiencies), the same the engine's PNG renderer uses; target and source follow the
/// workbench's `-sb-target` and `-sb-source`. The dark palette lightens every colour so points
/// stay visible on `-sb-surface` of `.theme-dark`. Canvas pixels cannot use CSS look-ups, so the
/// view picks the palette from the root's `theme-dark` style class.
///
/// @param background the canvas background (the theme's `-sb-surface`)
/// @param text labels on the canvas
/// @param link lines from the selected token to its sources
/// @param selection the selected point's ring
/// @param lasso lasso outline and lasso-selected points' rings
/// @param categories colour per category name ([MapLayout#categoryNames])
/// @param other colour of a category the map does not know
public record MapPalette(Color background, Color text, Color link, Color selection, Color lasso,
        Map<String, Color> categories, Color other) {

    /// The light theme's palette.
    public static final MapPalette LIGHT = new MapPalette(Color.web("#ffffff"), Color.web("#1f2430"),
            Color.web("#2f6fde"), Color.web("#1f2430"), Color.web("#c2255c"),
            Map.of(MapLayout.TARGET, Color.web("#2f6fde"), MapLayout.SOURCE, Color.web("#d9480f"),
                    "new", Color.web("#0072b2"), "overlap", Color.web("#009e73"), "special", Color.web("#cc79a7"),
                    RunMapping.CHOSEN_SOURCE_KIND, Color.web("#d55e00"), RunMapping.CONTEXT_SOURCE_KIND, Color.web("#a0a0a0")),
            Color.web("#6b7280"));

    /// The dark theme's palette.
    public static final MapPalette DARK = new MapPalette(Color.web("#1f232b"), Color.web("#e6e8ee"),
            Color.web("#9cc0ff"), Color.web("#ffffff"), Color.web("#ff6fa8"),
            Map.of(MapLayout.TARGET, Color.web("#6ea1ff"), MapLayout.SOURCE, Color.web("#ff8a4c"),
                    "new", Color.web("#56b4e9"), "overlap", Color.web("#3ddc97"), "special", Color.web("#e69fd0"),
                    RunMapping.CHOSEN_SOURCE_KIND, Color.web("#f0a35e"), RunMapping.CONTEXT_SOURCE_KIND, Color.web("#8a8f99")),
            Color.web("#9aa3b2"));

    /// The palette of the theme whose root has `styleClasses`.
    public static MapPalette forStyleClasses(java.util.Collection<? extends String> styleClasses) {
        return styleClasses.contains(ThemeClasses.DARK) ? DARK : LIGHT;
    }

    /// The colour of category `name`.
    public Color colour(String name) {
        return categories.getOrDefault(name, other);
    }

    /// `colour` as a packed non-premultiplied ARGB int.
    static int argb(Color colour) {
        return (int) Math.round(colour.getOpacity() * 255) << 24 | (int) Math.round(colour.getRed() * 255) << 16
                | (int) Math.round(colour.getGreen() * 255) << 8 | (int) Math.round(colour.getBlue() * 255);
    }
}
