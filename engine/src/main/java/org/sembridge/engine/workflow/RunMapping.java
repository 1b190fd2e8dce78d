package org.sembridge.engine.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.projection.EmbeddingMapper;
import org.sembridge.engine.projection.MapInput;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectedMap;
import org.sembridge.engine.projection.points.PointSet;
import org.sembridge.engine.projection.points.PointSetSelector;
import org.sembridge.engine.projection.points.RunEmbeddings;
import org.sembridge.engine.projection.points.RunMapInputs;
import org.sembridge.engine.run.LexiconEvaluator;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TargetLanguage;
import org.sembridge.engine.vocab.BilingualLexicon;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.VocabularyScheme;

/// Map a run: the job of `sembridge project --run` and of the workbench's map page. Selects the
/// points of a [RunMapRequest] (reading the lexicon for `lexicon` points and for the target
/// language label), checks that they suit the projection parameters, reads their vectors in the
/// requested space and projects them.
///
/// Two steps, so that a front-end can report between them ([#select], then [#project]); [#map]
/// runs both. The parameters are checked against the point count before any vector is read, so
/// a map with too few points fails in milliseconds.
///
/// Labels: source points are [#SOURCE_LANGUAGE]; target points take the request's language, else
/// the lexicon column that matches the run's vocabulary, else [#UNKNOWN_TARGET_LANGUAGE]. Source
/// points are of kind [#CHOSEN_SOURCE_KIND] (some target was built from them) or
/// [#CONTEXT_SOURCE_KIND] (shown for orientation).
public final class RunMapping {

    /// Language label of source points: SemBridge transfers English-centric encoders.
    public static final String SOURCE_LANGUAGE = "en";
    /// Language label of target points when neither the request nor the lexicon tells.
    public static final String UNKNOWN_TARGET_LANGUAGE = "target";
    /// The `kind` of a source point that some target was built from.
    public static final String CHOSEN_SOURCE_KIND = RunMapInputs.CHOSEN;
    /// The `kind` of a source point shown for orientation only.
    public static final String CONTEXT_SOURCE_KIND = RunMapInputs.CONTEXT;
    /// The system property naming the repository root (set by `bin/sembridge` and `bin/workbench`).
    public static final String REPOSITORY_ROOT_PROPERTY = "sembridge.repo.root";
    /// The bundled concepts lexicon, relative to the repository root.
    public static final String BUNDLED_LEXICON = "assets/lexicon/concepts.tsv";

    private final BridgeVectorStore store;

    /// A mapping that reads bridge vectors (the `bridge` space) from `store`'s cache, the store
    /// the runs were made with.
    public RunMapping(BridgeVectorStore store) {
        this.store = store;
    }

    /// A mapping on the default bridge-vector cache (`SEMBRIDGE_CACHE`, else the user cache).
    public static RunMapping withDefaultCache() {
        return new RunMapping(BridgeVectorStore.atDefaultLocation());
    }

    /// The bundled concepts lexicon: `${sembridge.repo.root:-.}/assets/lexicon/concepts.tsv`, the
    /// default of `project --lexicon` and the workbench's lexicon.
    public static Path bundledLexicon() {
        return Path.of(System.getProperty(REPOSITORY_ROOT_PROPERTY, ".") + "/" + BUNDLED_LEXICON);
    }

    /// Maps `request` on `run`: [#select], [#project]. Reports `selecting points SPEC` and
    /// `reading vectors of N points` as stages of unknown size, then the projection's stages.
    ///
    /// @throws InputFormatException as [#select] and [#project]
    /// @throws org.sembridge.engine.OperationCancelledException when cancelled; nothing is returned
    /// @throws IOException when a run or lexicon file cannot be read
    public RunMap map(LoadedRun run, RunMapRequest request, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        progress.onProgress("selecting points " + request.points().text(), 0, -1);
        SelectedPoints points = select(run, request);
        cancel.throwIfCancelled("map");
        check(points);
        progress.onProgress("reading vectors of " + points.pointCount() + " points", 0, -1);
        return project(points, progress, cancel);
    }

    /// The points of `request` on `run`: reads the lexicon (required for `lexicon` points; for the
    /// others read when it exists and no language is given, only for the label) and selects.
    ///
    /// @throws InputFormatException when the lexicon is malformed or has no column for the run, a
    ///     named token is not in the run (naming close tokens), or the points select nothing
    /// @throws IOException when a run or lexicon file cannot be read
    public SelectedPoints select(LoadedRun run, RunMapRequest request) throws IOException, InputFormatException {
        return select(run, request, () -> { });
    }

    /// As [#select(LoadedRun, RunMapRequest)], running `beforeSelecting` once the lexicon is read
    /// and before the points are selected (where `sembridge project` announces its stage).
    ///
    /// @throws InputFormatException as [#select(LoadedRun, RunMapRequest)]
    /// @throws IOException when a run or lexicon file cannot be read
    public SelectedPoints select(LoadedRun run, RunMapRequest request, Runnable beforeSelecting)
            throws IOException, InputFormatException {
        List<LexiconEvaluator.LanguageLexicon> lexicons = lexicons(run, request);
        beforeSelecting.run();
        String targetLanguage = request.language().orElseGet(() -> switch (lexicons.size()) {
            case 0 -> UNKNOWN_TARGET_LANGUAGE;
            case 1 -> lexicons.getFirst().language();
            default -> run.manifest().targetLanguage().map(TargetLanguage::code).orElse(TargetLanguage.MULTI);
        });
        Optional<BilingualLexicon> words = lexicons.isEmpty() ? Optional.empty()
                : Optional.of(lexicons.size() == 1 ? lexicons.getFirst().lexicon() : BilingualLexicon.of(
                        lexicons.stream().flatMap(l -> l.lexicon().pairs().stream()).toList()));
        PointSet selected = new PointSetSelector(run).select(request.points(), request.withSources(), words);
        Map<Integer, String> languages = request.points() instanceof PointSetSpec.Lexicon && lexicons.size() > 1
                ? languagesOf(run, lexicons) : Map.of();
        return new SelectedPoints(run, request, selected, targetLanguage, languages);
    }

    /// The lexicon column of each target token a word of several lexicons selects (the first
    /// column whose word is that word-start token, as the lexicon point set selects them).
    private static Map<Integer, String> languagesOf(LoadedRun run, List<LexiconEvaluator.LanguageLexicon> lexicons)
            throws InputFormatException {
        CanonicalVocabulary target = run.targetCanonical();
        Map<Integer, String> languages = new HashMap<>();
        for (LexiconEvaluator.LanguageLexicon lexicon : lexicons) {
            for (String word : lexicon.lexicon().targetWords()) {
                int id = target.lowestIdWithCanonicalForm(VocabularyScheme.WORD_START + word);
                if (id >= 0) {
                    languages.putIfAbsent(id, lexicon.language());
                }
            }
        }
        return languages;
    }

    /// Checks that the selected points suit the request's projection parameters.
    ///
    /// @throws InputFormatException naming the points, the space and the count, with the
    ///     parameters' reason (too few for the perplexity or neighbour count)
    public void check(SelectedPoints points) throws InputFormatException {
        RunMapRequest request = points.request();
        try {
            request.parameters().validate(points.pointCount());
        } catch (InputFormatException e) {
            throw new InputFormatException("points '" + request.points().text() + "' in the " + request.space().text()
                    + " space give " + points.pointCount() + " points: " + e.getMessage(), e);
        }
    }

    /// Checks the points ([#check]), reads their vectors in the request's space and projects them.
    ///
    /// @throws InputFormatException as [#check]; when the source space has no source tokens, the
    ///     run has no bridge vectors for the bridge space, or the vectors are not finite
    /// @throws ModelFormatException when a model folder of the run cannot be read
    /// @throws org.sembridge.engine.OperationCancelledException when cancelled; nothing is returned
    public RunMap project(SelectedPoints points, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException {
        check(points);
        RunMapRequest request = points.request();
        MapInput input = new RunMapInputs(points.run(), new RunEmbeddings(points.run(), store))
                .assemble(points.points(), request.space(), points::targetLanguageOf, SOURCE_LANGUAGE);
        cancel.throwIfCancelled("map");
        ProjectedMap map = EmbeddingMapper.project(input, request.parameters(), progress, cancel);
        return new RunMap(points, map);
    }

    /// The lexicons for `lexicon` points (required: the named language, else every language the
    /// run covers, [LexiconEvaluator#readCovered]) or for the language label (when they can be read).
    private static List<LexiconEvaluator.LanguageLexicon> lexicons(LoadedRun run, RunMapRequest request)
            throws IOException, InputFormatException {
        Path file = request.lexicon();
        if (request.points() instanceof PointSetSpec.Lexicon) {
            if (request.language().isPresent()) {
                return List.of(LexiconEvaluator.read(file, request.language(), run));
            }
            List<LexiconEvaluator.LanguageLexicon> covered = LexiconEvaluator.readCovered(file, run);
            // none covered: the single-column reader's message says why
            return covered.isEmpty() ? List.of(LexiconEvaluator.read(file, Optional.empty(), run)) : covered;
        }
        if (request.language().isPresent() || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return LexiconEvaluator.readCovered(file, run);
        } catch (InputFormatException noLanguage) {
            return List.of();
        }
    }
}
