package org.sembridge.app.common;

/// The style classes the shell puts on the workbench's root node (defined in `workbench.css`);
/// pages that draw their own colours (the map's canvas) read them from there.
public final class ThemeClasses {

    /// The dark theme (Ctrl+Shift+D).
    public static final String DARK = "theme-dark";
    /// Presentation mode: large fonts (Ctrl+Shift+P).
    public static final String PRESENTATION = "presentation";

    private ThemeClasses() {
    }
}
