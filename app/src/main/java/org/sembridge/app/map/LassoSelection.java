package org.sembridge.app.map;

import java.util.Arrays;
import java.util.Objects;

/// The points a lasso caught: the polygon (map units) and the indices of the points inside it,
/// ascending.
///
/// @param polygon the lasso outline
/// @param indices the selected point indices, ascending, each once
public record LassoSelection(LassoPolygon polygon, int[] indices) {

    /// Copies the indices.
    public LassoSelection {
        Objects.requireNonNull(polygon, "polygon");
        indices = indices.clone();
    }

    /// The selected indices (a copy).
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /// The number of selected points.
    public int size() {
        return indices.length;
    }

    /// Whether point `index` is selected (binary search).
    public boolean contains(int index) {
        return Arrays.binarySearch(indices, index) >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LassoSelection that && polygon.equals(that.polygon)
                && Arrays.equals(indices, that.indices);
    }

    @Override
    public int hashCode() {
        return 31 * polygon.hashCode() + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return "LassoSelection[" + indices.length + " points]";
    }
}
