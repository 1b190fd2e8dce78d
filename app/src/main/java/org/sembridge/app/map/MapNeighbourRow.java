package org.sembridge.app.map;

import java.util.Locale;

/// One row of a selected point's neighbour list: a neighbour, its distance, and whether it is a
/// neighbour in the other space too.
///
/// @param index the neighbour's point index
/// @param token its token text
/// @param distance Euclidean distance from the selected point, in the list's space (vector
///     units for the original space, map units for the map)
/// @param inBoth whether the point is among the selected point's neighbours in both spaces
public record MapNeighbourRow(int index, String token, double distance, boolean inBoth) {

    @Override
    public String toString() {
        return (inBoth ? "● " : "○ ") + token + String.format(Locale.ROOT, "  %.3g", distance);
    }
}
