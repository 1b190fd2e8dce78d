package org.sembridge.app.map;

/// How the map's search box reads its text.
public enum MapSearchMode {

    /// Part of a token's text, ignoring case and the subword markers `▁`, `Ġ` and `##`
    /// (`house` finds `▁house`, `Ġhouses` and `##house`).
    TEXT("Token"),
    /// A Java regular expression found anywhere in a token's stored string (`^▁` finds
    /// word-start tokens).
    REGEX("Regex"),
    /// Part of an English source token's text: the source points that match, and every target
    /// point linked to one of them (needs a map made with sources).
    SOURCE("English source");

    private final String label;

    MapSearchMode(String label) {
        this.label = label;
    }

    /// The name the mode chooser shows.
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
