package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.projection.MapLink;
import org.sembridge.engine.projection.MapPoint;

/// The pointed-at points of the map page: the hovered point, the selected point with its
/// links, and the two-way link to [WorkbenchState#selectedTokenProperty()]: a selected target
/// point becomes the workbench's token, and a token selected elsewhere is selected here and
/// centred by the [MapViewportState].
///
/// Points are indices into the shown [MapLayout]; -1 means none.
final class MapSelection {

    private final ObservableValue<MapLayout> layout;
    private final WorkbenchState state;
    private final MapViewportState camera;
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ObservableList<MapLinkRow> selectedLinks = FXCollections.observableArrayList();

    /// The selection on the map `layout` holds, following the token selected in `state` and
    /// centring it through `camera`.
    MapSelection(ObservableValue<MapLayout> layout, WorkbenchState state, MapViewportState camera) {
        this.layout = layout;
        this.state = state;
        this.camera = camera;
        state.selectedTokenProperty().addListener((obs, old, token) -> selectToken(token));
    }

    /// The point under the pointer, or -1.
    ReadOnlyIntegerProperty hovered() {
        return hovered.getReadOnlyProperty();
    }

    /// The selected point, or -1.
    ReadOnlyIntegerProperty selected() {
        return selected.getReadOnlyProperty();
    }

    /// The selected point's links, heaviest first.
    ObservableList<MapLinkRow> selectedLinks() {
        return selectedLinks;
    }

    /// Sets the hovered point (-1: none).
    void hover(int i) {
        hovered.set(i);
    }

    /// The hover text of point `i`: token, language and kind, e.g. `▁집 · ko target · new`.
    String describePoint(int i) {
        MapLayout map = layout.getValue();
        if (map == null || i < 0 || i >= map.size()) {
            return "";
        }
        MapPoint point = map.point(i);
        String role = map.isTarget(i) ? "target" : "source";
        String language = point.language().isEmpty() ? role : point.language() + " " + role;
        int linkCount = map.isTarget(i) ? map.linksFrom(i).size() : map.linksTo(i).size();
        return point.token() + "\n" + language + " · " + point.kind() + " · id " + point.id()
                + (linkCount > 0 ? " · " + linkCount + (map.isTarget(i) ? " sources" : " targets") : "");
    }

    /// Selects point `i` (-1 clears); a target point becomes the workbench's selected token.
    void selectPoint(int i) {
        selectOnly(i);
        MapLayout map = layout.getValue();
        if (map != null && i >= 0 && map.isTarget(i)) {
            state.selectedTokenProperty().set(map.point(i).token());
        }
    }

    /// Selects point `i` on the map only (-1 or an index past the map clears) and lists its
    /// links: to its sources (a target) or from the targets built from it (a source).
    void selectOnly(int i) {
        MapLayout map = layout.getValue();
        int index = map == null || i >= map.size() ? -1 : i;
        selected.set(index);
        List<MapLinkRow> rows = new ArrayList<>();
        if (index >= 0) {
            boolean target = map.isTarget(index);
            for (MapLink link : target ? map.linksFrom(index) : map.linksTo(index)) {
                int other = target ? link.toIndex() : link.fromIndex();
                rows.add(new MapLinkRow(other, map.point(other).token(), link.weight()));
            }
        }
        selectedLinks.setAll(rows);
    }

    /// Selects the workbench's selected token on a newly shown map, without centring it.
    void mapShown(MapLayout map) {
        selectOnly(map.indexOfTarget(state.selectedTokenProperty().get()));
    }

    private void selectToken(String token) {
        MapLayout map = layout.getValue();
        if (map == null) {
            return;
        }
        int index = map.indexOfTarget(token);
        if (index == selected.get()) {
            return;
        }
        selectOnly(index);
        if (index >= 0) {
            camera.centreOn(map, index);
        }
    }
}
