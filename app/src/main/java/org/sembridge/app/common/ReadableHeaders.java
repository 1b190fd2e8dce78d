package org.sembridge.app.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/// Keeps a table's column headers readable at any font size (presentation mode): each column is
/// at least as wide as its header's text in the header's font, so no header is cut to "su...".
/// The table scrolls sideways when the columns no longer fit. Column widths set in pixels for the
/// normal font stay; only the minimum grows with the font.
public final class ReadableHeaders {

    /// Room for the header's padding and sort arrow, in multiples of the font size.
    private static final double PADDING_EM = 2.2;
    /// Table property: the constrained resize policy set aside while the columns do not fit.
    private static final String CONSTRAINED_POLICY = ReadableHeaders.class.getName() + ".constrainedPolicy";
    /// Room kept for the vertical scroll bar.
    private static final double SCROLL_BAR_ROOM_PX = 16;
    /// Column property: the header text and font the minimum width was measured for.
    private static final String MEASURED_FOR = ReadableHeaders.class.getName() + ".measuredFor";

    private ReadableHeaders() {
    }

    /// Sets each column's minimum width from its header label's font (after CSS and layout).
    public static void fit(TableView<?> table) {
        fitColumns(table);
        keepMinimumsInConstrainedTables(table);
    }

    /// A table that fits its columns to its width (a constrained resize policy) cuts headers
    /// when the columns' minimum widths add up to more than the table is wide: such a table lets
    /// its columns take their own widths and scrolls sideways, until they fit again.
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void keepMinimumsInConstrainedTables(TableView table) {
        Object saved = table.getProperties().get(CONSTRAINED_POLICY);
        boolean constrained = saved != null || table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (!constrained || table.getWidth() <= 0) {
            return;
        }
        double minimums = 0;
        for (Object column : table.getVisibleLeafColumns()) {
            minimums += ((TableColumnBase<?, ?>) column).getMinWidth();
        }
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR_ROOM_PX;
        if (minimums > room && saved == null) {
            table.getProperties().put(CONSTRAINED_POLICY, table.getColumnResizePolicy());
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        } else if (minimums <= room && saved != null) {
            table.getProperties().remove(CONSTRAINED_POLICY);
            table.setColumnResizePolicy((javafx.util.Callback) saved);
            // fit the columns to the width again, as the table does when it is resized
            table.getColumnResizePolicy().call(new TableView.ResizeFeatures(table, null, 0.0));
        }
    }

    private static void fitColumns(TableView<?> table) {
        for (Node node : table.lookupAll(".column-header")) {
            if (!(node instanceof TableColumnHeader header)) {
                continue;
            }
            TableColumnBase<?, ?> column = header.getTableColumn();
            Label label = header.lookup(".label") instanceof Label found ? found : null;
            if (column == null || label == null || !column.getColumns().isEmpty()) {
                continue;
            }
            // a header shown as a graphic label (for its tooltip) has no text of its own
            String text = column.getText() != null ? column.getText()
                    : column.getGraphic() instanceof Labeled graphic ? graphic.getText() : null;
            Font font = column.getText() == null && column.getGraphic() instanceof Labeled graphic
                    ? graphic.getFont() : label.getFont();
            if (text == null || text.isBlank()) {
                continue;
            }
            String measuredFor = text + "@" + font;
            if (measuredFor.equals(column.getProperties().get(MEASURED_FOR))) {
                continue;
            }
            column.getProperties().put(MEASURED_FOR, measuredFor);
            double needed = textWidth(text, font) + PADDING_EM * font.getSize();
            if (column.getMinWidth() < needed - 0.5 || column.getMinWidth() > needed + 0.5) {
                column.setMinWidth(Math.ceil(needed));
            }
        }
    }

    private static double textWidth(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
