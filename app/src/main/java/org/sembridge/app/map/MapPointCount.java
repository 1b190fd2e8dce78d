package org.sembridge.app.map;

import java.util.Objects;
import org.sembridge.engine.workflow.SelectedPoints;

/// The points a map request selects on a run, counted before any vector is read: what the
/// points control shows, what the size guard asks about, and what the projection then maps.
///
/// @param selected the engine's selection (targets, sources, links)
/// @param dimension the length of each point's vector (the run's hidden size)
record MapPointCount(SelectedPoints selected, int dimension) {

    /// Checks for null.
    MapPointCount {
        Objects.requireNonNull(selected, "selected");
    }

    /// The points the map will have.
    int points() {
        return selected.pointCount();
    }

    /// The target points.
    int targets() {
        return selected.shownTargetCount();
    }

    /// The source points.
    int sources() {
        return selected.sourceCount();
    }
}
