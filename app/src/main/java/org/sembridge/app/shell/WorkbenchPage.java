package org.sembridge.app.shell;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/// One page of the workbench's navigation: a stable id (used by tests and sessions), a title,
/// a tooltip, and how to build its view.
///
/// The view is built when the page is first shown (then kept), so pages the user has not opened
/// cost nothing at startup: pass `() -> new XView(viewModel).root()`. A page whose view must
/// exist from the start passes the node itself.
///
/// @param id the page id (`models`, `runs`, `inspector`, `map`, `search`)
/// @param title the navigation button's text
/// @param tooltip what the page is for; the shell appends its shortcut (Ctrl+1..9)
/// @param viewFactory builds the page's view once, on the FX thread
public record WorkbenchPage(String id, String title, String tooltip, Supplier<Node> viewFactory) {

    public WorkbenchPage {
        Objects.requireNonNull(viewFactory, "viewFactory");
    }

    /// A page whose view is already built.
    public WorkbenchPage(String id, String title, String tooltip, Node view) {
        this(id, title, tooltip, () -> view);
    }
}
