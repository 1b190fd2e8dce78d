package org.sembridge.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/// The workbench's keyboard map: every shortcut of the shell and the pages, in one list that
/// the shortcut overlay (F1, Ctrl+/) shows.
///
/// The shell [binds][#bind] its shortcuts here: the entry is listed and the key combination
/// becomes an accelerator of the scene. A page whose keys work only inside its own controls
/// (a table's Ctrl+F, a canvas's +/-) handles them itself and only [registers][#register] them
/// for the overlay, one line each, e.g. in `WorkbenchApp` next to its ViewModel:
/// `keyMap.register("Inspector", "Ctrl+F", "Filter the token table");`.
///
/// FX thread only.
public final class KeyMap {

    /// The scope of the shell's own shortcuts.
    public static final String WORKBENCH = "Workbench";

    private final ObservableList<Shortcut> entries = FXCollections.observableArrayList();
    private final Map<KeyCombination, Runnable> accelerators = new LinkedHashMap<>();
    private final List<Scene> scenes = new ArrayList<>();

    /// Lists a shortcut the caller handles itself.
    public void register(String scope, String keys, String description) {
        entries.add(new Shortcut(scope, keys, description));
    }

    /// Lists a shortcut and installs it as an accelerator on every scene this map is
    /// [installed on][#installOn], now and later.
    ///
    /// @throws IllegalArgumentException when `keys` is already bound (two commands, one key)
    public void bind(String scope, KeyCombination keys, String description, Runnable action) {
        if (accelerators.containsKey(keys)) {
            throw new IllegalArgumentException(keys.getDisplayText() + " is bound twice");
        }
        accelerators.put(keys, action);
        register(scope, keys.getDisplayText(), description);
        scenes.forEach(scene -> scene.getAccelerators().put(keys, action));
    }

    /// Installs every bound shortcut on `scene`.
    public void installOn(Scene scene) {
        scenes.add(scene);
        scene.getAccelerators().putAll(accelerators);
    }

    /// Every listed shortcut, in registration order.
    public ObservableList<Shortcut> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }
}
