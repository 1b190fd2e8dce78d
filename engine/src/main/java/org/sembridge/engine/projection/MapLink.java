package org.sembridge.engine.projection;

/// A link between two points of a joint map, typically a target token and one of the source
/// tokens its embedding was built from.
///
/// @param fromIndex index of the linked-from point (the target token) in the point list, >= 0
/// @param toIndex index of the linked-to point (the source token) in the point list, >= 0
/// @param weight the alignment weight, e.g. the entmax weight p(x, i) in [0, 1]; drawn as line
///     opacity and width
public record MapLink(int fromIndex, int toIndex, float weight) {

    /// Checks that the indices are not negative and the weight is finite.
    public MapLink {
        if (fromIndex < 0 || toIndex < 0) {
            throw new IllegalArgumentException("link indices must be >= 0; found " + fromIndex + " -> " + toIndex);
        }
        if (!Float.isFinite(weight)) {
            throw new IllegalArgumentException("link weight must be finite; found " + weight);
        }
    }
}
