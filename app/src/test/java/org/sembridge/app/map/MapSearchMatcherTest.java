package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/// The map search's three modes on a made-up map: targets `▁집`, `▁House`, `##house`, `Ġhouses`,
/// `집들`; sources `house`, `home`, `dog` (points 5, 6, 7); links 0 -> 5, 0 -> 6, 4 -> 6.
class MapSearchMatcherTest {

    private static final MapLayout MAP = SyntheticMaps.withTokens(
            List.of("▁집", "▁House", "##house", "Ġhouses", "집들", "house", "home", "dog"), 5,
            new int[] {0, 5}, new int[] {0, 6}, new int[] {4, 6});

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = ';', value = {
        "house; 1 2 3 5",
        "HOUSE; 1 2 3 5",
        "집; 0 4",
        "houses; 3",
        "▁house; 1 2 3 5",
        "cat; ''"})
    void tokenTextIgnoresCaseAndSubwordMarkers(String query, String expected) {
        assertArrayEquals(indices(expected), MapSearchMatcher.find(MAP, query, MapSearchMode.TEXT).matches());
    }

    @ParameterizedTest(name = "/{0}/ finds {1}")
    @CsvSource(delimiter = ';', value = {
        "^▁; 0 1",
        "^##; 2",
        "s$; 3",
        "^h.*e$; 5 6",
        "H; 1"})
    void regexIsFoundInTheStoredToken(String query, String expected) {
        assertArrayEquals(indices(expected), MapSearchMatcher.find(MAP, query, MapSearchMode.REGEX).matches());
    }

    @Test
    void invalidRegexSaysWhyAndMatchesNothing() {
        MapSearchResult result = MapSearchMatcher.find(MAP, "(house", MapSearchMode.REGEX);
        assertFalse(result.valid());
        assertEquals(0, result.size());
        assertTrue(result.message().startsWith("invalid regex: Unclosed group"), result.message());
    }

    @Test
    void englishSourceFindsTheSourceAndEveryTargetBuiltFromIt() {
        assertArrayEquals(new int[] {0, 4, 6}, MapSearchMatcher.find(MAP, "home", MapSearchMode.SOURCE).matches());
        assertArrayEquals(new int[] {0, 5}, MapSearchMatcher.find(MAP, "house", MapSearchMode.SOURCE).matches());
        assertArrayEquals(new int[] {7}, MapSearchMatcher.find(MAP, "dog", MapSearchMode.SOURCE).matches());
    }

    @Test
    void englishSourceOnAMapWithoutSourcesSaysWhatToDo() {
        MapLayout targetsOnly = SyntheticMaps.withTokens(List.of("▁집", "▁house"), 2);
        MapSearchResult result = MapSearchMatcher.find(targetsOnly, "house", MapSearchMode.SOURCE);
        assertFalse(result.valid());
        assertTrue(result.message().contains("with sources"), result.message());
    }

    @Test
    void blankQueryIsNoSearch() {
        assertSame(MapSearchResult.NONE, MapSearchMatcher.find(MAP, "  ", MapSearchMode.TEXT));
        assertFalse(MapSearchResult.NONE.active());
    }

    @Test
    void messageCountsTargetsAndSources() {
        assertEquals("4 matches (3 targets, 1 source)", MapSearchMatcher.find(MAP, "house", MapSearchMode.TEXT)
                .message());
        assertEquals("no match", MapSearchMatcher.find(MAP, "cat", MapSearchMode.TEXT).message());
    }

    private static int[] indices(String spaced) {
        return spaced.isBlank() ? new int[0]
                : java.util.Arrays.stream(spaced.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    }
}
