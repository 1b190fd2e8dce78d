package org.sembridge.app.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.projection.EmbeddingMapper;
import org.sembridge.engine.projection.MapInput;
import org.sembridge.engine.projection.ProjectedMap;
import org.sembridge.engine.projection.MapSpace;
import org.sembridge.engine.projection.points.PointSet;
import org.sembridge.engine.projection.points.PointSetSelector;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.points.RunEmbeddings;
import org.sembridge.engine.projection.points.RunMapInputs;
import org.sembridge.engine.run.LexiconEvaluator;
import org.sembridge.engine.run.LoadedRun;

/// Makes the map of a run on an engine thread, the way `sembridge project` does: select the
/// points, read their vectors in the adapted space (target rows of `E_t`, source rows of `E_s`,
/// so each target sits among the sources it was built from), project, and prepare the result
/// for drawing ([MapLayout]).
///
/// The target language label comes from the bundled concepts lexicon when one of its columns
/// matches the run's vocabulary, else it is `target`; source points are `en` like the CLI's.
public final class RunMapProjector {

    /// The language label of source points.
    static final String SOURCE_LANGUAGE = "en";
    /// The language label of target points when the lexicon does not tell.
    static final String UNKNOWN_TARGET_LANGUAGE = "target";

    private final Path lexiconFile;

    /// A projector that reads `lexiconFile` (a concepts TSV or MUSE file) for `lexicon` points
    /// and the language label; the file may be missing.
    public RunMapProjector(Path lexiconFile) {
        this.lexiconFile = lexiconFile;
    }

    /// The projector with the repository's concepts lexicon
    /// (`${sembridge.repo.root}/assets/lexicon/concepts.tsv`, as the CLI's default).
    public static RunMapProjector withBundledLexicon() {
        return new RunMapProjector(Path.of(System.getProperty("sembridge.repo.root", "."))
                .resolve("assets").resolve("lexicon").resolve("concepts.tsv"));
    }

    /// Maps `request` on `run`.
    ///
    /// @throws InputFormatException when the points select nothing, or do not suit the
    ///     parameters (too few for the perplexity or neighbour count), with the engine's message
    /// @throws org.sembridge.engine.OperationCancelledException when cancelled; nothing is returned
    /// @throws Exception for unreadable run or model files, as the engine reports them
    public MapLayout project(LoadedRun run, MapRequest request, ProgressListener progress, CancellationToken cancel)
            throws Exception {
        progress.onProgress("selecting points " + request.points().text(), 0, -1);
        Optional<LexiconEvaluator.LanguageLexicon> lexicon = lexicon(run, request.points());
        String targetLanguage = lexicon.map(LexiconEvaluator.LanguageLexicon::language)
                .orElse(UNKNOWN_TARGET_LANGUAGE);
        PointSet points = new PointSetSelector(run).select(request.points(), request.withSources(),
                lexicon.map(LexiconEvaluator.LanguageLexicon::lexicon));
        cancel.throwIfCancelled("map");
        int pointCount = points.targetCount() + points.sourceCount();
        try {
            request.parameters().validate(pointCount);
        } catch (InputFormatException e) {
            throw new InputFormatException("points '" + request.points().text() + "' give " + pointCount
                    + " points: " + e.getMessage(), e);
        }
        progress.onProgress("reading vectors of " + pointCount + " points", 0, -1);
        MapInput input = new RunMapInputs(run, new RunEmbeddings(run, BridgeVectorStore.atDefaultLocation()))
                .assemble(points, MapSpace.ADAPTED, targetLanguage, SOURCE_LANGUAGE);
        cancel.throwIfCancelled("map");
        ProjectedMap map = EmbeddingMapper.project(input, request.parameters(), progress, cancel);
        return MapLayout.of(map, points.targetCount());
    }

    /// The lexicon for `lexicon` points (required) or for the language label (when readable).
    private Optional<LexiconEvaluator.LanguageLexicon> lexicon(LoadedRun run, PointSetSpec points)
            throws IOException, InputFormatException {
        if (points instanceof PointSetSpec.Lexicon) {
            return Optional.of(LexiconEvaluator.read(lexiconFile, Optional.empty(), run));
        }
        if (!Files.isRegularFile(lexiconFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LexiconEvaluator.read(lexiconFile, Optional.empty(), run));
        } catch (InputFormatException noLanguage) {
            return Optional.empty();
        }
    }
}
