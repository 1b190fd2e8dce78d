package org.sembridge.app.shell;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.sembridge.app.common.ReadableHeaders;

/// Keeps a page's text whole whatever the font size (presentation mode) and window size: a
/// label that wraps keeps all its lines (its minimum height is its preferred height, so a full
/// page scrolls instead of cutting the label back to one line with "...") and may take its
/// parent's whole width, and every table's
/// columns are at least as wide as their headers ([ReadableHeaders]). The shell runs it after
/// each layout pulse on the page shown, so labels and tables a page adds later are covered too.
/// Cells of tables and lists are left to their own virtualised layout.
final class PageTextFit {

    private PageTextFit() {
    }

    /// Applies the rules to every node under `page` (FX thread).
    static void fit(Node page) {
        if (page instanceof IndexedCell<?>) {
            return;
        }
        if (page instanceof Labeled labeled && labeled.isWrapText()) {
            if (labeled.getMinHeight() == Region.USE_COMPUTED_SIZE) {
                labeled.setMinHeight(Region.USE_PREF_SIZE);
            }
            // as wide as its parent allows, so it wraps at the parent's width instead of at a
            // preferred width measured for another font
            if (labeled.getMaxWidth() == Region.USE_COMPUTED_SIZE) {
                labeled.setMaxWidth(Double.MAX_VALUE);
            }
        }
        if (page instanceof TableView<?> table) {
            ReadableHeaders.fit(table);
        }
        if (page instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                fit(child);
            }
        }
    }
}
