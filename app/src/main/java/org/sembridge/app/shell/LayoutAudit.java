package org.sembridge.app.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/// Finds text a reader cannot read in a laid-out scene graph: a label or button whose text is
/// cut to "..." ([Kind#TRUNCATED]), two texts drawn over each other ([Kind#OVERLAPPING]), and a
/// text that runs past the window's edge ([Kind#OUTSIDE_WINDOW]). Only text that is shown counts:
/// visible with every ancestor, and inside the clip of every clipping ancestor (a scroll pane's
/// viewport, a table's rows); text scrolled out of view is not a finding.
///
/// Data cells of tables and lists may shorten long values (a document's text, a folder path),
/// so their text counts as truncated only in a column styled `number-column`: a number must
/// never lose digits. Column headers always count. Drawn text (the map's canvas labels) is not
/// a node and is not seen here.
///
/// Used by the layout tests (one per page, at projector sizes) and by the screenshot tour,
/// which logs the findings of each shot.
public final class LayoutAudit {

    /// What is wrong with a text.
    public enum Kind {
        /// Cut to an ellipsis.
        TRUNCATED,
        /// Drawn over another text.
        OVERLAPPING,
        /// Running past the window's edge.
        OUTSIDE_WINDOW
    }

    /// One finding: what, the text shown, and where (the node's id or style classes).
    public record Finding(Kind kind, String text, String where) {

        @Override
        public String toString() {
            return kind + " '" + text + "' at " + where;
        }
    }

    /// Texts overlapping by no more than this many pixels in either direction are touching, not overlapping.
    private static final double TOLERANCE_PX = 2;

    private LayoutAudit() {
    }

    /// The findings in the laid-out graph under `root` (call on the FX thread after a pulse).
    public static List<Finding> audit(Parent root) {
        List<Finding> findings = new ArrayList<>();
        List<Shown> texts = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        collect(root, texts, findings);
        for (int i = 0; i < texts.size(); i++) {
            Shown a = texts.get(i);
            if (a.bounds().getMaxX() > window.getMaxX() + TOLERANCE_PX
                    || a.bounds().getMaxY() > window.getMaxY() + TOLERANCE_PX) {
                findings.add(new Finding(Kind.OUTSIDE_WINDOW, a.text().getText(), describe(a.text())));
            }
            for (int j = i + 1; j < texts.size(); j++) {
                Shown b = texts.get(j);
                if (overlap(a.bounds(), b.bounds())) {
                    findings.add(new Finding(Kind.OVERLAPPING, a.text().getText() + "' over '" + b.text().getText(),
                            describe(a.text()) + " / " + describe(b.text())));
                }
            }
        }
        return findings;
    }

    /// Whether all of `node`'s height is on screen without scrolling the page: it and its
    /// ancestors are visible, and its top and bottom lie inside the window and inside the clip of
    /// every clipping ancestor (the page's scroll pane, a table's rows). Its width may be cut (a
    /// table wider than its view scrolls sideways). Used to count the table rows a reader sees
    /// (FX thread, after a pulse).
    public static boolean shownFullHeight(Node node) {
        if (!node.isVisible() || node.getOpacity() == 0 || node.getScene() == null) {
            return false;
        }
        Bounds whole = node.localToScene(node.getLayoutBounds());
        Bounds visible = visibleBounds(node);
        Parent root = node.getScene().getRoot();
        Bounds window = root.localToScene(root.getLayoutBounds());
        return visible != null
                && visible.getHeight() >= whole.getHeight() - TOLERANCE_PX
                && whole.getMinY() >= window.getMinY() - TOLERANCE_PX
                && whole.getMaxY() <= window.getMaxY() + TOLERANCE_PX;
    }

    /// The column headers of `table` whose text is cut to "...", shown or scrolled out of view
    /// (sideways scrolling is fine only while every header is whole).
    public static List<Finding> cutHeaders(TableView<?> table) {
        List<Finding> findings = new ArrayList<>();
        for (Node header : table.lookupAll(".column-header")) {
            for (Node label : header.lookupAll(".label")) {
                if (label instanceof Labeled labeled && labeled.isVisible() && truncated(labeled)) {
                    findings.add(new Finding(Kind.TRUNCATED, labeled.getText(), describe(labeled)));
                }
            }
        }
        return findings;
    }

    /// A text on screen and its visible bounds in scene coordinates.
    private record Shown(Text text, Bounds bounds) {
    }

    private static void collect(Node node, List<Shown> texts, List<Finding> findings) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled && truncated(labeled) && countsTruncation(labeled)
                && visibleBounds(labeled) != null) {
            findings.add(new Finding(Kind.TRUNCATED, labeled.getText(), describe(labeled)));
        }
        if (node instanceof Text text && !text.getText().isBlank()) {
            Bounds visible = visibleBounds(text);
            if (visible != null) {
                texts.add(new Shown(text, visible));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts, findings);
            }
        }
    }

    /// A labeled control's text is cut when the text it draws differs from its own (the skin
    /// replaced the end, or the middle, by an ellipsis).
    private static boolean truncated(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isBlank()) {
            return false;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && shown.isVisible()) {
                String drawn = shown.getText();
                String expected = labeled.isMnemonicParsing() ? full.replace("_", "") : full;
                return !drawn.equals(expected) && !drawn.equals(full);
            }
        }
        return false;
    }

    private static boolean countsTruncation(Labeled labeled) {
        IndexedCell<?> cell = enclosingCell(labeled);
        if (cell == null) {
            return true;
        }
        return cell instanceof TableCell<?, ?> tableCell && !cell.isEmpty()
                && tableCell.getTableColumn() != null
                && tableCell.getTableColumn().getStyleClass().contains("number-column");
    }

    private static IndexedCell<?> enclosingCell(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof IndexedCell<?> cell) {
                return cell;
            }
        }
        return null;
    }

    /// The part of `node` that is drawn: its scene bounds cut by every clipping ancestor; null
    /// when nothing of it is visible.
    private static Bounds visibleBounds(Node node) {
        Bounds visible = node.localToScene(node.getLayoutBounds());
        for (Node n = node; n != null; n = n.getParent()) {
            if (n != node && (!n.isVisible() || n.getOpacity() == 0)) {
                return null;
            }
            if (n.getClip() != null) {
                visible = intersect(visible, n.localToScene(n.getClip().getBoundsInParent()));
                if (visible == null) {
                    return null;
                }
            }
        }
        return visible;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX - minX < 1 || maxY - minY < 1 ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static boolean overlap(Bounds a, Bounds b) {
        double width = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double height = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return width > TOLERANCE_PX && height > TOLERANCE_PX;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null && path.length() < 160; n = n.getParent()) {
            String name = n.getId() != null ? "#" + n.getId()
                    : n.getStyleClass().isEmpty() ? n.getClass().getSimpleName() : "." + n.getStyleClass().getFirst();
            path.insert(0, path.isEmpty() ? name : name + " > ");
            if (n.getId() != null && n != node) {
                break;
            }
        }
        return path.toString();
    }
}
