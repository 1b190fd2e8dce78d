package org.sembridge.app.common;

import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/// Dialogs follow the workbench's look: a dialog is a window of its own, so it does not inherit
/// the main window's style sheet and style classes (dark theme, presentation mode's font). This
/// copies them from the owner window's root onto the dialog's pane when it opens.
public final class OwnerTheme {

    private OwnerTheme() {
    }

    /// Gives `pane` the style sheets and style classes of `owner`'s scene root (nothing when the
    /// owner has no scene yet).
    public static void apply(DialogPane pane, Window owner) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        Parent root = owner.getScene().getRoot();
        for (String sheet : root.getStylesheets()) {
            if (!pane.getStylesheets().contains(sheet)) {
                pane.getStylesheets().add(sheet);
            }
        }
        for (String styleClass : root.getStyleClass()) {
            if (!pane.getStyleClass().contains(styleClass)) {
                pane.getStyleClass().add(styleClass);
            }
        }
    }
}
