package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.projection.MapPoint;
import org.sembridge.engine.projection.MapSpace;
import org.sembridge.engine.projection.PcaParameters;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.projection.UmapParameters;
import org.sembridge.engine.run.LoadedRun;

/// Maps of a real Korean sample run made through [RunMapping], the service behind `sembridge
/// project` and the workbench's map page: labels, counts, the language rule, the parameter check
/// before any vector is read, the source space, cancellation and the bundled lexicon.
class RunMappingTest {

    private final RunMapping mapping = new RunMapping(SampleRuns.store());

    private static LoadedRun run() {
        return SampleRuns.korean("sembridge");
    }

    private static RunMapRequest request(String points, MapSpace space, boolean withSources,
            ProjectionParameters parameters, Optional<String> language, Path lexicon) throws InputFormatException {
        return new RunMapRequest(PointSetSpec.parse(points), space, withSources, parameters, language, lexicon);
    }

    @Test
    void lexiconMapLabelsKoreanTargetsAndEnglishSourcesInTheAdaptedSpace() throws Exception {
        RunMap map = mapping.map(run(), request("lexicon", MapSpace.ADAPTED, false, new PcaParameters(),
                Optional.empty(), RunMapping.bundledLexicon()), ProgressListener.NONE, CancellationToken.create());

        SelectedPoints points = map.points();
        List<MapPoint> drawn = map.map().points();
        assertEquals("ko", points.targetLanguage(), "the concepts column that matches the Korean vocabulary");
        assertTrue(points.targetCount() > 0 && points.sourceCount() > 0, points.targetCount() + " + " + points.sourceCount());
        assertEquals(points.targetCount() + points.sourceCount(), drawn.size());
        assertEquals(ProjectionMethod.PCA, map.map().method());
        for (MapPoint target : drawn.subList(0, points.targetCount())) {
            assertEquals("ko", target.language(), target.token());
            assertEquals("adapted", target.space(), target.token());
        }
        for (MapPoint source : drawn.subList(points.targetCount(), drawn.size())) {
            assertEquals(RunMapping.SOURCE_LANGUAGE, source.language(), source.token());
            assertTrue(Set.of(RunMapping.CHOSEN_SOURCE_KIND, RunMapping.CONTEXT_SOURCE_KIND).contains(source.kind()),
                    source.kind());
        }
        assertTrue(points.linkCount() >= points.targetCount(), "every lexicon target links to a chosen source");
        assertEquals(points.linkCount(), map.map().links().size());
    }

    @Test
    void tokenMapHoldsTheTokenItsChosenSourcesAndItsTenMostSimilarSources() throws Exception {
        SelectedPoints points = mapping.select(run(), request("token:집", MapSpace.ADAPTED, false,
                new PcaParameters(), Optional.empty(), RunMapping.bundledLexicon()));
        assertEquals(1, points.targetCount());
        assertEquals(11, points.pointCount(), "the CLI's figure for token:집 on this run");

        RunMap map = mapping.project(points, ProgressListener.NONE, CancellationToken.create());
        assertEquals("집", map.map().points().getFirst().token().replace("▁", ""));
        Set<Integer> labelled = map.labelledPoints(2);
        assertEquals(2, labelled.size(), labelled::toString);
        assertTrue(labelled.contains(0), "the target is labelled first: " + labelled);
    }

    @Test
    void tooFewPointsForUmapAreRefusedBeforeAnyVectorIsRead() {
        List<String> stages = new ArrayList<>();
        InputFormatException e = assertThrows(InputFormatException.class, () -> mapping.map(run(),
                request("token:집", MapSpace.ADAPTED, false, UmapParameters.defaults(), Optional.empty(),
                        RunMapping.bundledLexicon()), (stage, done, total) -> stages.add(stage),
                CancellationToken.create()));
        assertEquals("points 'token:집' in the adapted space give 11 points: UMAP with 15 neighbours needs more than "
                + "15 points; found 11 (lower the neighbour count or add points)", e.getMessage());
        assertEquals(List.of("selecting points token:집"), stages, "no vectors were read");
    }

    @Test
    void givenLanguageLabelsTheTargetsAndTheLexiconIsNotNeeded(@TempDir Path empty) throws Exception {
        Path missing = empty.resolve("no-lexicon.tsv");
        RunMap map = mapping.map(run(), request("top:5", MapSpace.ADAPTED, false, new PcaParameters(),
                Optional.of("kor"), missing), ProgressListener.NONE, CancellationToken.create());
        assertEquals("kor", map.points().targetLanguage());
        assertEquals(5, map.map().points().size(), "top:5 without sources");
        assertTrue(map.map().points().stream().allMatch(p -> p.language().equals("kor")));
    }

    @Test
    void selectedPointsTellTheAdaptedModelsHiddenSize(@TempDir Path empty) throws Exception {
        SelectedPoints points = mapping.select(run(), request("top:5", MapSpace.ADAPTED, false,
                new PcaParameters(), Optional.empty(), empty.resolve("no-lexicon.tsv")));
        int expected = com.google.gson.JsonParser.parseString(Files.readString(run().modelDirectory()
                .resolve("config.json"))).getAsJsonObject().get("hidden_size").getAsInt();
        assertEquals(expected, points.modelHiddenSize());
    }

    @Test
    void withoutALexiconFileTheTargetsAreLabelledTarget(@TempDir Path empty) throws Exception {
        SelectedPoints points = mapping.select(run(), request("top:5", MapSpace.ADAPTED, false,
                new PcaParameters(), Optional.empty(), empty.resolve("no-lexicon.tsv")));
        assertEquals(RunMapping.UNKNOWN_TARGET_LANGUAGE, points.targetLanguage());
    }

    @Test
    void lexiconPointsNeedTheLexiconFileAndNameIt(@TempDir Path empty) {
        Path missing = empty.resolve("no-lexicon.tsv");
        Exception e = assertThrows(Exception.class, () -> mapping.select(run(), request("lexicon",
                MapSpace.ADAPTED, false, new PcaParameters(), Optional.empty(), missing)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void selectRunsItsHookAfterTheLexiconIsReadAndBeforeSelecting(@TempDir Path empty) throws Exception {
        List<String> calls = new ArrayList<>();
        assertThrows(Exception.class, () -> mapping.select(run(), request("lexicon", MapSpace.ADAPTED, false,
                new PcaParameters(), Optional.empty(), empty.resolve("no-lexicon.tsv")), () -> calls.add("hook")));
        assertEquals(List.of(), calls, "a lexicon that cannot be read fails before the hook");

        assertThrows(InputFormatException.class, () -> mapping.select(run(), request("tokens:zzqx", MapSpace.ADAPTED,
                false, new PcaParameters(), Optional.empty(), RunMapping.bundledLexicon()), () -> calls.add("hook")));
        assertEquals(List.of("hook"), calls, "an unknown token fails while selecting, after the hook");
    }

    @Test
    void sourceSpaceMapsOnlyTheSourcesOfTheSelectedTargets() throws Exception {
        RunMap map = mapping.map(run(), request("tokens:집,문", MapSpace.SOURCE, true, new PcaParameters(),
                Optional.empty(), RunMapping.bundledLexicon()), ProgressListener.NONE, CancellationToken.create());
        SelectedPoints points = map.points();
        assertEquals(2, points.targetCount());
        assertEquals(0, points.shownTargetCount());
        assertEquals(points.sourceCount(), points.pointCount());
        assertEquals(points.sourceCount(), map.map().points().size());
        assertTrue(map.map().points().stream().allMatch(p -> p.language().equals(RunMapping.SOURCE_LANGUAGE)));
        assertTrue(map.map().links().isEmpty(), "the source space draws no links");
    }

    @Test
    void cancelledMapReturnsNothing() {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        assertThrows(OperationCancelledException.class, () -> mapping.map(run(), request("top:20",
                MapSpace.ADAPTED, false, new PcaParameters(), Optional.empty(), RunMapping.bundledLexicon()),
                ProgressListener.NONE, cancel));
    }

    @Test
    void bundledLexiconIsTheRepositoryConceptsFile() {
        Path expected = SampleRuns.repoRoot().resolve("assets").resolve("lexicon").resolve("concepts.tsv");
        Path bundled = RunMapping.bundledLexicon().toAbsolutePath().normalize();
        assertEquals(expected, bundled);
        assertTrue(Files.isRegularFile(bundled));
        assertFalse(RunMapping.BUNDLED_LEXICON.startsWith("/"), "relative to the repository root");
    }

    @Test
    void aMultilingualRunRecordsEveryLanguageItCoversAndItsLexiconPointsUseThemAll(@TempDir Path temp)
            throws Exception {
        // a WordPiece vocabulary holding the Korean and the Russian sample vocabularies, in a folder
        // whose name is no language code: the run is labelled from its scripts, its languages come
        // from the bundled lexicon
        Path tokenizers = SampleRuns.repoRoot().resolve("sample-models/tokenizers");
        java.util.LinkedHashSet<String> tokens = new java.util.LinkedHashSet<>(
                Files.readAllLines(tokenizers.resolve("ko/vocab.txt")));
        tokens.addAll(Files.readAllLines(tokenizers.resolve("ru/vocab.txt")));
        tokens.remove("");
        Path vocabulary = Files.createDirectories(temp.resolve("tokenizer-ko-ru"));
        Files.write(vocabulary.resolve("vocab.txt"), tokens);
        Path models = SampleRuns.repoRoot().resolve("sample-models");
        Path out = temp.resolve("run");
        ModelTransfer.using(new org.sembridge.engine.run.TransferRunner(SampleRuns.store(),
                org.sembridge.engine.provenance.ContentHash.withoutMemo())).transfer(
                org.sembridge.engine.run.TransferRequest.builder(models.resolve("splade-tiny-en"), vocabulary,
                        "sembridge", out).optBridge(models.resolve("bridge-tiny-multi")).build(),
                ProgressListener.NONE, CancellationToken.create());
        LoadedRun run = LoadedRun.open(out, SampleRuns.store());

        var language = run.manifest().targetLanguage().orElseThrow();
        assertEquals("multi", language.code(), language.toString());
        assertEquals(List.of("ko", "ru"), language.languages());
        SelectedPoints points = mapping.select(run, request("lexicon", MapSpace.ADAPTED, false, new PcaParameters(),
                Optional.empty(), RunMapping.bundledLexicon()));
        assertEquals("multi", points.targetLanguage());
        assertEquals(List.of("ko", "ru"), points.targetLanguages());
        int korean = 0;
        int russian = 0;
        for (int id : points.points().targetIds()) {
            String word = run.targetTokens().get(id);
            String label = points.targetLanguageOf(id);
            if (word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)) {
                assertEquals("ko", label, word);
                korean++;
            } else if (word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.CYRILLIC)) {
                assertEquals("ru", label, word);
                russian++;
            }
        }
        assertTrue(korean > 100 && russian > 100, korean + " Korean and " + russian + " Russian lexicon points");
        assertEquals(points.targetCount(), korean + russian);
    }
}
