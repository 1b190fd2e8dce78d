package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.projection.MapPoint;
import org.sembridge.engine.projection.MapQuality;
import org.sembridge.engine.projection.PcaParameters;
import org.sembridge.engine.projection.ProjectedMap;

/// The legend names every language of its points, not the first point's (issue 12).
class LegendEntryTest {

    @Test
    void aMapOfOneTargetLanguageNamesIt() {
        MapLayout map = map(List.of("ko", "ko"), List.of("en"));
        assertEquals(List.of(new LegendEntry(MapLayout.TARGET, "ko target tokens", 2),
                new LegendEntry(MapLayout.SOURCE, "en source tokens", 1)), LegendEntry.of(map, ColourMode.LANGUAGE));
    }

    @Test
    void aMapOfSeveralLanguagesNamesEachOnceInTheOrderOfItsFirstPoint() {
        MapLayout map = map(List.of("ko", "ru", "ko", "ar"), List.of("en", "de", "en"));
        assertEquals(List.of(new LegendEntry(MapLayout.TARGET, "ko, ru, ar target tokens", 4),
                new LegendEntry(MapLayout.SOURCE, "en, de source tokens", 3)), LegendEntry.of(map, ColourMode.LANGUAGE));
    }

    @Test
    void pointsWithoutALanguageLeaveTheRoleAlone() {
        MapLayout map = map(List.of("", ""), List.of(""));
        assertEquals(List.of(new LegendEntry(MapLayout.TARGET, "target tokens", 2),
                new LegendEntry(MapLayout.SOURCE, "source tokens", 1)), LegendEntry.of(map, ColourMode.LANGUAGE));
    }

    @Test
    void theSummaryCountsEveryTargetLanguage() {
        MapLayout map = map(List.of("ko", "ru"), List.of("en"));
        assertTrue(map.summary().contains("2 ko, ru target + 1 en source"), map.summary());
    }

    /// Target points of `targetLanguages` then source points of `sourceLanguages`, no links.
    private static MapLayout map(List<String> targetLanguages, List<String> sourceLanguages) {
        List<MapPoint> points = new ArrayList<>();
        for (int i = 0; i < targetLanguages.size(); i++) {
            points.add(new MapPoint("t" + i, i, "adapted", targetLanguages.get(i), "new", i, 0));
        }
        for (int i = 0; i < sourceLanguages.size(); i++) {
            points.add(new MapPoint("s" + i, i, "source", sourceLanguages.get(i), "chosen", i, 1));
        }
        return MapLayout.of(new ProjectedMap(points, List.of(), new PcaParameters(), new MapQuality(10, 1, null), 0),
                targetLanguages.size());
    }
}
