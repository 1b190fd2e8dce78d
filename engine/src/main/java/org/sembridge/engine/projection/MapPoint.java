package org.sembridge.engine.projection;

import java.util.Objects;

/// One point of a 2-D map: the token it stands for and its map coordinates.
///
/// @param token the token text; never null
/// @param id the token id in its vocabulary
/// @param space which embedding space the vector came from, e.g. `source` or `target`
/// @param language the language code used for colouring; may be empty
/// @param kind a free category, e.g. `overlap` or `new`; may be empty
/// @param x the horizontal map coordinate, in the projection's own units (finite)
/// @param y the vertical map coordinate, in the projection's own units (finite)
public record MapPoint(String token, int id, String space, String language, String kind, float x, float y) {

    /// Checks that no text field is null.
    public MapPoint {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
    }

    /// The point for `label` at `(x, y)`.
    public static MapPoint of(PointLabel label, float x, float y) {
        return new MapPoint(label.token(), label.id(), label.space(), label.language(), label.kind(), x, y);
    }

    /// The label part of this point.
    public PointLabel label() {
        return new PointLabel(token, id, space, language, kind);
    }
}
