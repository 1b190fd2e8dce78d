package org.sembridge.app.shell;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sembridge.app.session.SessionPartReader;
import org.sembridge.app.workspace.SessionPart;

/// The shell's own state: the page shown, the theme and presentation mode. [MainWindow] binds
/// its navigation and toggles to these properties; as a [SessionPart] (key `shell`) they are
/// saved with the session, so a restored session comes back on the same page and theme.
///
/// ```json
/// {"page": "inspector", "theme": "dark", "presentation": true}
/// ```
public final class ShellViewModel implements SessionPart {

    /// The part's key in the session file.
    public static final String KEY = "shell";

    private static final Set<String> THEMES = Set.of("light", "dark");

    private final StringProperty currentPage = new SimpleStringProperty("models");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final BooleanProperty presentation = new SimpleBooleanProperty();

    /// The id of the page shown (`models`, `runs`, `inspector`, `map`, `search`). Setting an id
    /// no page has is undone by the window.
    public StringProperty currentPageProperty() {
        return currentPage;
    }

    /// Whether the dark theme is on (Ctrl+Shift+D).
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /// Whether presentation mode (large fonts) is on (Ctrl+Shift+P).
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public JsonElement save() {
        JsonObject json = new JsonObject();
        json.addProperty("page", currentPage.get());
        json.addProperty("theme", darkTheme.get() ? "dark" : "light");
        json.addProperty("presentation", presentation.get());
        return json;
    }

    @Override
    public void restore(JsonElement state) {
        SessionPartReader fields = new SessionPartReader(state);
        fields.string("theme").ifPresent(theme -> {
            if (THEMES.contains(theme)) {
                darkTheme.set("dark".equals(theme));
            } else {
                fields.report("theme", "expected \"light\" or \"dark\", found \"" + theme + "\"");
            }
        });
        fields.bool("presentation").ifPresent(presentation::set);
        fields.string("page").ifPresent(currentPage::set);
        fields.finish();
    }
}
