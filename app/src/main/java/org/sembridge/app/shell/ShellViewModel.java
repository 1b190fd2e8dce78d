package org.sembridge.app.shell;

import com.google.gson.JsonElement;
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
        return new ShellSessionState(currentPage.get(), darkTheme.get() ? "dark" : "light", presentation.get())
                .toJson();
    }

    @Override
    public void restore(JsonElement state) {
        SessionPartReader fields = new SessionPartReader(state);
        ShellSessionState saved = ShellSessionState.fromJson(fields);
        if (saved.theme() != null) {
            darkTheme.set("dark".equals(saved.theme()));
        }
        if (saved.presentation() != null) {
            presentation.set(saved.presentation());
        }
        if (saved.page() != null) {
            currentPage.set(saved.page());
        }
        fields.finish();
    }
}
