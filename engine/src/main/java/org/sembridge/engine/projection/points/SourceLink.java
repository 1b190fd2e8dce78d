package org.sembridge.engine.projection.points;

/// A target token of a [PointSet] linked to one of the source tokens it was built from.
///
/// @param target the position of the target token in [PointSet#targetIds()], >= 0
/// @param source the position of the source token in [PointSet#sourceIds()], >= 0
/// @param weight the alignment weight `p(x, i)` in (0, 1]; 1 for an overlap copy
public record SourceLink(int target, int source, float weight) {

    /// Checks the positions and the weight.
    public SourceLink {
        if (target < 0 || source < 0) {
            throw new IllegalArgumentException("link positions must be >= 0; found " + target + " -> " + source);
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("link weight must lie in (0, 1]; found " + weight);
        }
    }
}
