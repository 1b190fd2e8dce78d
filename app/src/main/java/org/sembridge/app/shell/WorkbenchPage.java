package org.sembridge.app.shell;

import javafx.scene.Node;

/// One page of the workbench's navigation: a stable id (used by tests and sessions), a title,
/// a tooltip, a keyboard shortcut digit, and its view.
public record WorkbenchPage(String id, String title, String tooltip, Node view) {
}
