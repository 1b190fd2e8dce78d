package org.sembridge.app.map;

/// What the colour of a map point tells.
public enum ColourMode {

    /// Target language vs source language (`ko` vs `en`): where the new tokens sit among the
    /// source tokens they were built from.
    LANGUAGE("Language"),

    /// The point's kind: target tokens `new`, `overlap` or `special`; source tokens `chosen` (a
    /// target was built from them) or `context`.
    KIND("Kind");

    private final String displayName;

    ColourMode(String displayName) {
        this.displayName = displayName;
    }

    /// The name the colour chooser shows.
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
