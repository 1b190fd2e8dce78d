package org.sembridge.app.map;

/// A label the map wants to draw, or has placed: text beside an anchor point, in a role that
/// decides its priority and its look.
///
/// @param text the token text
/// @param anchorX the pixel x of the point it names
/// @param anchorY the pixel y of the point it names
/// @param role why it is shown (the order of [Role] is the drawing priority)
record MapLabel(String text, double anchorX, double anchorY, Role role) {

    /// Why a label is shown, highest priority first.
    enum Role {
        /// The selected point (bold, larger).
        SELECTED,
        /// A source of the selected target, or a target built from the selected source.
        LINKED,
        /// A match of the search box.
        MATCH,
        /// Any point, when few enough are in view to name them.
        AMBIENT
    }
}
