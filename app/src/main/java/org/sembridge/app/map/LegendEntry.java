package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.workflow.RunMapping;

/// One line of the map legend: a colour category, what it means and how many points it has.
///
/// @param category the category name the palette colours ([MapLayout#categoryNames])
/// @param label what the legend says, e.g. `ko target tokens`
/// @param count the number of points in the category
public record LegendEntry(String category, String label, int count) {

    /// The legend of `map` coloured by `mode`: one entry per category, in category order.
    static List<LegendEntry> of(MapLayout map, ColourMode mode) {
        List<String> names = map.categoryNames(mode);
        int[] counts = map.categoryCounts(mode);
        List<LegendEntry> entries = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            entries.add(new LegendEntry(names.get(c), label(map, mode, names.get(c)), counts[c]));
        }
        return entries;
    }

    private static String label(MapLayout map, ColourMode mode, String category) {
        return switch (mode) {
            case LANGUAGE -> MapLayout.TARGET.equals(category)
                    ? withLanguages(map.languages(true), "target tokens")
                    : withLanguages(map.languages(false), "source tokens");
            case KIND -> switch (category) {
                case RunMapping.CHOSEN_SOURCE_KIND -> "chosen sources";
                case RunMapping.CONTEXT_SOURCE_KIND -> "context sources";
                // points without a kind fall back to their role
                case MapLayout.TARGET -> withLanguages(map.languages(true), "target tokens");
                case MapLayout.SOURCE -> withLanguages(map.languages(false), "source tokens");
                default -> category + " target tokens";
            };
        };
    }

    /// `ko target tokens`, `ko, ru target tokens`, or `target tokens` when no point names a language.
    private static String withLanguages(List<String> languages, String role) {
        return languages.isEmpty() ? role : String.join(", ", languages) + " " + role;
    }
}
