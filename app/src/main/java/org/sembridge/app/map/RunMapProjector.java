package org.sembridge.app.map;

import java.nio.file.Path;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.workflow.RunMap;
import org.sembridge.engine.workflow.RunMapRequest;
import org.sembridge.engine.workflow.RunMapping;
import org.sembridge.engine.workflow.SelectedPoints;

/// The map page's use of the engine's [RunMapping] (the job `sembridge project` runs too): turns
/// the page's [MapRequest] into an adapted-space request with this projector's lexicon, and the
/// map into a [MapLayout] for drawing. Called on an engine thread.
///
/// The target language label comes from the lexicon when one of its columns matches the run's
/// vocabulary, else it is `target`; source points are [#SOURCE_LANGUAGE] like the CLI's.
public final class RunMapProjector {

    /// The language label of source points.
    static final String SOURCE_LANGUAGE = RunMapping.SOURCE_LANGUAGE;

    private final RunMapping mapping;
    private final Path lexiconFile;

    /// A projector that reads `lexiconFile` (a concepts TSV or MUSE file) for `lexicon` points
    /// and the language label; the file may be missing.
    public RunMapProjector(Path lexiconFile) {
        this.mapping = RunMapping.withDefaultCache();
        this.lexiconFile = lexiconFile;
    }

    /// The projector with the repository's concepts lexicon ([RunMapping#bundledLexicon()], the
    /// CLI's default).
    public static RunMapProjector withBundledLexicon() {
        return new RunMapProjector(RunMapping.bundledLexicon());
    }

    /// Selects the points of `request` on `run` and reads the vector dimension, without reading
    /// any vector: milliseconds for `top:N`, a pass over the vocabulary for `pattern:`.
    ///
    /// @throws org.sembridge.engine.InputFormatException when the points select nothing or a
    ///     named token is not in the run, with the engine's message
    /// @throws Exception for unreadable run, lexicon or config files, as the engine reports them
    public MapPointCount count(LoadedRun run, MapRequest request) throws Exception {
        SelectedPoints points = mapping.select(run, adapted(request));
        return new MapPointCount(points, points.modelHiddenSize());
    }

    /// Projects the points `count` selected.
    ///
    /// @throws org.sembridge.engine.InputFormatException when the points do not suit the
    ///     parameters (too few for the perplexity or neighbour count), with the engine's message
    /// @throws org.sembridge.engine.OperationCancelledException when cancelled; nothing is returned
    /// @throws Exception for unreadable model files, as the engine reports them
    public MapLayout project(MapPointCount count, ProgressListener progress, CancellationToken cancel)
            throws Exception {
        RunMap map = mapping.project(count.selected(), progress, cancel);
        return MapLayout.of(map.map(), map.points().targetCount());
    }

    private RunMapRequest adapted(MapRequest request) {
        return RunMapRequest.adapted(request.points(), request.withSources(), request.parameters(), lexiconFile);
    }

    /// Maps `request` on `run`.
    ///
    /// @throws org.sembridge.engine.InputFormatException when the points select nothing, or do
    ///     not suit the parameters (too few for the perplexity or neighbour count), with the
    ///     engine's message
    /// @throws org.sembridge.engine.OperationCancelledException when cancelled; nothing is returned
    /// @throws Exception for unreadable run or model files, as the engine reports them
    public MapLayout project(LoadedRun run, MapRequest request, ProgressListener progress, CancellationToken cancel)
            throws Exception {
        RunMap map = mapping.map(run, RunMapRequest.adapted(request.points(), request.withSources(),
                request.parameters(), lexiconFile), progress, cancel);
        return MapLayout.of(map.map(), map.points().targetCount());
    }
}
