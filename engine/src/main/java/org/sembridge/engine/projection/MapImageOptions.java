package org.sembridge.engine.projection;

import java.util.Set;

/// How [MapImageRenderer] draws a map.
///
/// @param widthPx image width in pixels, at least 400
/// @param heightPx image height in pixels, at least 300
/// @param labelledPoints indices of the points whose token is written next to them; a label that
///     finds no free corner around its point is left out
public record MapImageOptions(int widthPx, int heightPx, Set<Integer> labelledPoints) {

    /// Default width.
    public static final int DEFAULT_WIDTH_PX = 1600;
    /// Default height.
    public static final int DEFAULT_HEIGHT_PX = 1100;

    /// Checks the size and copies the label set.
    public MapImageOptions {
        if (widthPx < 400 || heightPx < 300) {
            throw new IllegalArgumentException("map images need at least 400 x 300 pixels; found " + widthPx + " x "
                    + heightPx);
        }
        labelledPoints = Set.copyOf(labelledPoints);
    }

    /// 1600 x 1100 pixels, labels for `labelledPoints`.
    public static MapImageOptions withLabels(Set<Integer> labelledPoints) {
        return new MapImageOptions(DEFAULT_WIDTH_PX, DEFAULT_HEIGHT_PX, labelledPoints);
    }
}
