package org.sembridge.engine.projection.points;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.NearestSource;
import org.sembridge.engine.run.SourceWeight;
import org.sembridge.engine.run.TargetTokenKind;
import org.sembridge.engine.vocab.BilingualLexicon;
import org.sembridge.engine.vocab.WordPair;

/// Selecting the points of a run: each spec's targets, the sources and links it brings, and the
/// messages for specs that select nothing or name unknown tokens.
class PointSetSelectorTest {

    @TempDir
    static Path shared;

    private static LoadedRun sembridge;
    private static LoadedRun mean;

    @BeforeAll
    static void runs() throws Exception {
        FixtureRuns runs = FixtureRuns.create(shared);
        sembridge = runs.open(runs.sembridge());
        mean = runs.open(runs.mean());
    }

    private static PointSet select(LoadedRun run, String spec, boolean withSources) throws Exception {
        return new PointSetSelector(run).select(PointSetSpec.parse(spec), withSources, Optional.empty());
    }

    private static int id(String token) throws Exception {
        return sembridge.idOf(token).orElseThrow();
    }

    @Test
    void lexiconSelectsItsWordsThatAreTargetTokensInLexiconOrder() throws Exception {
        BilingualLexicon lexicon = BilingualLexicon.of(List.of(new WordPair("cat", "katze"),
                new WordPair("dog", "hund"), new WordPair("tree", "nichtda"), new WordPair("tree", "baum")));
        PointSet points = new PointSetSelector(sembridge).select(PointSetSpec.parse("lexicon"), false,
                Optional.of(lexicon));
        assertArrayEquals(new int[] {id("katze"), id("hund"), id("baum")}, points.targetIds());
        assertTrue(points.sourceCount() > 0, "lexicon maps are joint maps");
    }

    @Test
    void lexiconWithoutASingleTargetTokenIsNamed() {
        BilingualLexicon lexicon = BilingualLexicon.of(List.of(new WordPair("house", "집")));
        InputFormatException e = assertThrows(InputFormatException.class, () -> new PointSetSelector(sembridge)
                .select(PointSetSpec.parse("lexicon"), false, Optional.of(lexicon)));
        assertTrue(e.getMessage().contains("none of the lexicon's 1 target words"), e.getMessage());
        assertTrue(e.getMessage().contains("--lang"), e.getMessage());
    }

    @Test
    void topTakesTheLowestNewIds() throws Exception {
        int[] expected = IntStream.range(0, sembridge.targetSize())
                .filter(id -> sembridge.kind(id) == TargetTokenKind.NEW).limit(4).toArray();
        PointSet points = select(sembridge, "top:4", false);
        assertArrayEquals(expected, points.targetIds());
        assertEquals(0, points.sourceCount());
        assertTrue(points.links().isEmpty());
    }

    @Test
    void topBeyondTheVocabularyTakesEveryNewToken() throws Exception {
        assertEquals(sembridge.idsOfKind(TargetTokenKind.NEW).length,
                select(sembridge, "top:100000", false).targetCount());
    }

    @Test
    void patternFindsMatchesInStoredTokens() throws Exception {
        PointSet points = select(sembridge, "pattern:^##c", false);
        assertArrayEquals(new int[] {id("##c"), id("##chen")}, points.targetIds());
    }

    @Test
    void patternSkipsSpecialTokens() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> select(sembridge, "pattern:^\\[", false));
        assertTrue(e.getMessage().contains("points 'pattern:^\\[' select no target token"), e.getMessage());
    }

    @Test
    void tokensAcceptStoredStringsWordsAndIdsOnceEach() throws Exception {
        PointSet points = select(sembridge, "tokens:##en,katze,#" + id("hund") + ",katze", false);
        assertArrayEquals(new int[] {id("##en"), id("katze"), id("hund")}, points.targetIds());
    }

    @Test
    void unknownTokensAreReportedTogetherWithCloseTokens() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> select(sembridge, "tokens:katze,katz,qqqqqq", false));
        String message = e.getMessage();
        assertTrue(message.contains("2 of 3 tokens are not in the target vocabulary"), message);
        assertTrue(message.contains("'katz' (did you mean 'katze'"), message);
        assertTrue(message.contains("'qqqqqq' (no close token)"), message);
    }

    @Test
    void singleTokenLinksItsChosenSourcesAndAddsItsNearestAsContext() throws Exception {
        AlignmentRecord record = sembridge.token(id("katze"));
        PointSet points = select(sembridge, "token:katze", false);
        assertArrayEquals(new int[] {id("katze")}, points.targetIds());
        int[] sources = points.sourceIds();
        assertEquals(record.sources().size(), points.links().size());
        for (int k = 0; k < record.sources().size(); k++) {
            SourceWeight chosen = record.sources().get(k);
            SourceLink link = points.links().get(k);
            assertEquals(chosen.id(), sources[link.source()]);
            assertEquals(chosen.weight(), link.weight());
        }
        boolean[] linked = points.chosenSources();
        for (NearestSource near : record.nearest()) {
            int position = Arrays.stream(sources).boxed().toList().indexOf(near.id());
            assertTrue(position >= 0, "nearest source " + near.token() + " missing");
            assertEquals(record.sources().stream().anyMatch(s -> s.id() == near.id()), linked[position]);
        }
    }

    @Test
    void withSourcesGivesEachSharedSourceOnePoint() throws Exception {
        PointSet points = select(sembridge, "tokens:katze,hund,wasser", true);
        int linkCount = 0;
        for (int target : points.targetIds()) {
            linkCount += sembridge.token(target).sources().size();
        }
        assertEquals(linkCount, points.links().size());
        assertEquals(points.sourceCount(), Arrays.stream(points.sourceIds()).distinct().count());
        assertTrue(IntStream.range(0, points.sourceCount()).allMatch(p -> points.chosenSources()[p]));
    }

    @Test
    void statisticalBaselineRunsBringNoSources() throws Exception {
        PointSet points = select(mean, "token:katze", false);
        assertEquals(1, points.targetCount());
        assertEquals(0, points.sourceCount());
    }
}
