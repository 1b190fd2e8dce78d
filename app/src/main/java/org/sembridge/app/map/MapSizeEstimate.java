package org.sembridge.app.map;

import org.sembridge.app.common.Formats;
import org.sembridge.engine.projection.ProjectionMethod;

/// How big a map a setting makes and how long it is expected to take: what the points control
/// shows before a run, and what the size guard asks about.
///
/// @param targets the target points
/// @param sources the source points
/// @param method the projection method the time is for
/// @param expectedSeconds the expected wall time of the projection and its quality figures
///     ([MapCostModel]), >= 0
public record MapSizeEstimate(int targets, int sources, ProjectionMethod method, double expectedSeconds) {

    /// The points of the map.
    public int points() {
        return targets + sources;
    }

    /// One line for the points control, e.g. `3,234 points (2,000 targets + 1,234 sources) · t-SNE about 12 s`.
    public String text() {
        return Formats.count(points(), "point", "points") + " (" + Formats.count(targets) + " targets + "
                + Formats.count(sources) + " sources) · " + method.displayName() + " about " + expectedTime();
    }

    /// The expected time, rounded for people: `under 1 s`, `12 s`, `4 min 05 s`, `2 h 10 min`.
    public String expectedTime() {
        if (expectedSeconds < 1) {
            return "under 1 s";
        }
        if (expectedSeconds >= 3600) {
            long minutes = Math.round(expectedSeconds / 60);
            return minutes / 60 + " h " + String.format(java.util.Locale.ROOT, "%02d", minutes % 60) + " min";
        }
        return Formats.duration(Math.round(expectedSeconds) * 1_000_000_000L);
    }
}
