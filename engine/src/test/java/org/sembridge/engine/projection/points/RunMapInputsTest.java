package org.sembridge.engine.projection.points;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.projection.MapInput;
import org.sembridge.engine.projection.MapLink;
import org.sembridge.engine.projection.MapSpace;
import org.sembridge.engine.projection.PointLabel;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.SourceWeight;

/// The vectors, labels and links of a run's map in each space, checked against what the run
/// recorded: an adapted row is the weighted sum of its linked source rows, an overlap row equals
/// its source row, and bridge cosines equal the recorded similarities.
class RunMapInputsTest {

    /// Tolerance of a reconstructed row against the weighted sum recomputed here (float sums of a
    /// few terms, weights printed as shortest floats in `alignments.jsonl`).
    private static final double ROW_TOLERANCE = 1e-5;
    /// Tolerance of a cosine recomputed here against the run's (float GEMM on another path).
    private static final double COSINE_TOLERANCE = 1e-5;

    @TempDir
    static Path shared;

    private static FixtureRuns runs;
    private static LoadedRun sembridge;

    @BeforeAll
    static void runs() throws Exception {
        runs = FixtureRuns.create(shared);
        sembridge = runs.open(runs.sembridge());
    }

    private static MapInput input(LoadedRun run, String spec, boolean withSources, MapSpace space) throws Exception {
        return input(run, spec, withSources, space, runs.store());
    }

    private static MapInput input(LoadedRun run, String spec, boolean withSources, MapSpace space,
            BridgeVectorStore store) throws Exception {
        PointSet points = new PointSetSelector(run).select(PointSetSpec.parse(spec), withSources, Optional.empty());
        return new RunMapInputs(run, new RunEmbeddings(run, store)).assemble(points, space, "de", "en");
    }

    @Test
    void adaptedRowOfANewTokenIsTheWeightedSumOfItsLinkedSourceRows() throws Exception {
        MapInput input = input(sembridge, "token:katze", false, MapSpace.ADAPTED);
        float[] target = input.vectors()[0];
        double[] sum = new double[target.length];
        for (MapLink link : input.links()) {
            float[] source = input.vectors()[link.toIndex()];
            for (int d = 0; d < sum.length; d++) {
                sum[d] += link.weight() * source[d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            assertEquals(sum[d], target[d], ROW_TOLERANCE * Math.max(1, Math.abs(sum[d])), "dimension " + d);
        }
    }

    @Test
    void adaptedRowOfAnOverlapTokenEqualsItsSourceRow() throws Exception {
        MapInput input = input(sembridge, "tokens:house", true, MapSpace.ADAPTED);
        assertEquals(List.of(new MapLink(0, 1, 1.0f)), input.links());
        assertArrayEquals(input.vectors()[1], input.vectors()[0]);
        assertEquals("overlap", input.labels().get(0).kind());
    }

    @Test
    void bridgeCosinesEqualTheRecordedSimilarities() throws Exception {
        AlignmentRecord record = sembridge.token(sembridge.idOf("katze").orElseThrow());
        MapInput input = input(sembridge, "token:katze", false, MapSpace.BRIDGE);
        assertEquals(record.sources().size(), input.links().size());
        for (int k = 0; k < input.links().size(); k++) {
            MapLink link = input.links().get(k);
            SourceWeight recorded = record.sources().get(k);
            assertEquals(recorded.id(), input.labels().get(link.toIndex()).id());
            assertEquals(recorded.similarity(), cosine(input.vectors()[0], input.vectors()[link.toIndex()]),
                    COSINE_TOLERANCE, recorded.token());
        }
    }

    @Test
    void labelsNameSpaceLanguageAndRole() throws Exception {
        MapInput input = input(sembridge, "token:katze", false, MapSpace.ADAPTED);
        PointLabel target = input.labels().getFirst();
        assertEquals(new PointLabel("katze", sembridge.idOf("katze").orElseThrow(), "adapted", "de", "new"), target);
        Set<Integer> linked = new java.util.HashSet<>();
        input.links().forEach(link -> linked.add(link.toIndex()));
        for (int i = 1; i < input.size(); i++) {
            PointLabel source = input.labels().get(i);
            assertEquals("source", source.space());
            assertEquals("en", source.language());
            assertEquals(linked.contains(i) ? RunMapInputs.CHOSEN : RunMapInputs.CONTEXT, source.kind());
        }
    }

    @Test
    void sourceSpaceHoldsOnlyTheSourcesWithoutLinks() throws Exception {
        MapInput joint = input(sembridge, "tokens:katze,hund", true, MapSpace.ADAPTED);
        MapInput sources = input(sembridge, "tokens:katze,hund", true, MapSpace.SOURCE);
        assertEquals(joint.size() - 2, sources.size());
        assertTrue(sources.links().isEmpty());
        for (int i = 0; i < sources.size(); i++) {
            assertEquals(joint.labels().get(i + 2), sources.labels().get(i));
            assertArrayEquals(joint.vectors()[i + 2], sources.vectors()[i]);
        }
    }

    @Test
    void sourceSpaceWithoutSourcesSaysHowToGetThem() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> input(sembridge, "top:3", false, MapSpace.SOURCE));
        assertTrue(e.getMessage().contains("--with-sources"), e.getMessage());
    }

    @Test
    void bridgeSpaceOfAStatisticalBaselineRunIsRefused() throws Exception {
        LoadedRun mean = runs.open(runs.mean());
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> input(mean, "top:3", false, MapSpace.BRIDGE));
        assertTrue(e.getMessage().contains("no bridge space"), e.getMessage());
    }

    @Test
    void bridgeSpaceWithAnotherCacheNamesTheMissingFile() {
        BridgeVectorStore empty = new BridgeVectorStore(shared.resolve("empty-cache"), ContentHash.withoutMemo());
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> input(sembridge, "top:3", false, MapSpace.BRIDGE, empty));
        assertTrue(e.getMessage().contains("bridge vectors of run"), e.getMessage());
        assertTrue(e.getMessage().contains("--cache"), e.getMessage());
    }

    @Test
    void labelledPointsSpreadOverTheTargetsEachWithItsHeaviestSource() throws Exception {
        PointSet points = new PointSetSelector(sembridge).select(PointSetSpec.parse("top:6"), true,
                Optional.empty());
        Set<Integer> labelled = RunMapInputs.labelledPoints(points, MapSpace.ADAPTED, 6);
        int heaviestOfTarget2 = points.links().stream().filter(l -> l.target() == 2).findFirst().orElseThrow()
                .source();
        assertEquals(6, labelled.size());
        assertTrue(labelled.containsAll(List.of(0, 2, 4, 6 + heaviestOfTarget2)), labelled.toString());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int d = 0; d < a.length; d++) {
            dot += (double) a[d] * b[d];
            normA += (double) a[d] * a[d];
            normB += (double) b[d] * b[d];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
