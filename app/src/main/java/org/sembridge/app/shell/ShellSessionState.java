package org.sembridge.app.shell;

import com.google.gson.JsonObject;
import java.util.Set;
import org.sembridge.app.session.SessionPartReader;

/// The shell's part of a saved session (key `shell`), with its member names in one place: the
/// page shown, the theme (`light` or `dark`) and presentation mode. A `null` component was not
/// in the file (or had the wrong type, reported to the reader) and keeps the current value.
///
/// ```json
/// {"page": "inspector", "theme": "dark", "presentation": true}
/// ```
///
/// @param page the id of the page shown
/// @param theme `light` or `dark` (another saved value is reported and reads as absent)
/// @param presentation whether presentation mode is on
public record ShellSessionState(String page, String theme, Boolean presentation) {

    private static final Set<String> THEMES = Set.of("light", "dark");

    static final String PAGE = "page";
    static final String THEME = "theme";
    static final String PRESENTATION = "presentation";

    /// The state as the session file stores it.
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty(PAGE, page);
        json.addProperty(THEME, theme);
        json.addProperty(PRESENTATION, presentation);
        return json;
    }

    /// The state `fields` holds; members of the wrong type are reported to `fields`.
    public static ShellSessionState fromJson(SessionPartReader fields) {
        String theme = fields.oneOf(THEME, THEMES, "\"light\" or \"dark\"").orElse(null);
        Boolean presentation = fields.bool(PRESENTATION).orElse(null);
        return new ShellSessionState(fields.string(PAGE).orElse(null), theme, presentation);
    }
}
