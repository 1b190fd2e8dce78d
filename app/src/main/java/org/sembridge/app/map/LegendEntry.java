package org.sembridge.app.map;

/// One line of the map legend: a colour category, what it means and how many points it has.
///
/// @param category the category name the palette colours ([MapLayout#categoryNames])
/// @param label what the legend says, e.g. `ko target tokens`
/// @param count the number of points in the category
public record LegendEntry(String category, String label, int count) {
}
