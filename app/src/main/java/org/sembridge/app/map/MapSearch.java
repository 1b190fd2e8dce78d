package org.sembridge.app.map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/// The search box of the map page (the Embedding Projector's search, with regex and English
/// sources): the query and its [MapSearchMode], the points it finds on the shown map, and the
/// camera moves that bring them into view.
///
/// The result follows the query, the mode and the map as they change. A changed query or mode
/// that finds something fits the view to its matches ([MapViewportState#showPoints]); a new map
/// keeps the query and highlights its matches without moving the view. [#next()] steps through
/// the matches, selecting and centring each.
final class MapSearch {

    private final ObservableValue<MapLayout> layout;
    private final MapViewportState camera;
    private final MapSelection selection;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<MapSearchMode> mode = new SimpleObjectProperty<>(MapSearchMode.TEXT);
    private final ReadOnlyObjectWrapper<MapSearchResult> result = new ReadOnlyObjectWrapper<>(MapSearchResult.NONE);
    private int cursor = -1;

    /// A search over the map `layout` holds, moving `camera` and stepping `selection`.
    MapSearch(ObservableValue<MapLayout> layout, MapViewportState camera, MapSelection selection) {
        this.layout = layout;
        this.camera = camera;
        this.selection = selection;
        query.addListener((obs, old, now) -> update(true));
        mode.addListener((obs, old, now) -> update(true));
        layout.addListener((obs, old, now) -> update(false));
    }

    /// The query text; blank: no search.
    StringProperty query() {
        return query;
    }

    /// How the query is read; [MapSearchMode#TEXT] by default.
    ObjectProperty<MapSearchMode> mode() {
        return mode;
    }

    /// What the query finds on the shown map.
    ReadOnlyObjectProperty<MapSearchResult> result() {
        return result.getReadOnlyProperty();
    }

    /// Selects the next match after the last one stepped to (the first one at the start, wrapping
    /// round) and centres it; tells which point, or -1 when nothing matches.
    int next() {
        MapSearchResult found = result.get();
        MapLayout map = layout.getValue();
        if (map == null || found.size() == 0) {
            return -1;
        }
        cursor = (cursor + 1) % found.size();
        int point = found.matches()[cursor];
        selection.selectPoint(point);
        camera.centreOn(map, point);
        return point;
    }

    /// Clears the query.
    void clear() {
        query.set("");
    }

    private void update(boolean queryChanged) {
        MapLayout map = layout.getValue();
        MapSearchResult found = map == null ? MapSearchResult.NONE
                : MapSearchMatcher.find(map, query.get(), mode.get());
        cursor = -1;
        result.set(found);
        if (queryChanged && map != null && found.size() > 0) {
            camera.showPoints(map, found.matches());
        }
    }
}
