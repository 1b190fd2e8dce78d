package org.sembridge.engine.workflow;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.sembridge.engine.projection.MapSpace;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectionParameters;

/// What a map of a run shows and how it is projected: the request [RunMapping] answers, written
/// the same way by `sembridge project` and the workbench's map page.
///
/// @param points which target tokens (`lexicon`, `top:N`, `tokens:a,b`, `pattern:RE`, `token:X`)
/// @param space the vectors projected: `adapted` (the workbench's only space), `source` or `bridge`
/// @param withSources whether `top:N`, `tokens:` and `pattern:` also bring their chosen sources
/// @param parameters the projection method and its settings
/// @param language the target language (the lexicon column and legend label); empty: the concepts
///     column with the most single target tokens, else [RunMapping#UNKNOWN_TARGET_LANGUAGE]
/// @param lexicon a concepts TSV or MUSE file, needed for `lexicon` points and otherwise read
///     only for the language label; may be missing then ([RunMapping#bundledLexicon()] is the default)
public record RunMapRequest(PointSetSpec points, MapSpace space, boolean withSources, ProjectionParameters parameters,
        Optional<String> language, Path lexicon) {

    /// Checks that nothing is null.
    public RunMapRequest {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(lexicon, "lexicon");
    }

    /// A map in the adapted space with the language taken from `lexicon`: the workbench's request.
    public static RunMapRequest adapted(PointSetSpec points, boolean withSources, ProjectionParameters parameters,
            Path lexicon) {
        return new RunMapRequest(points, MapSpace.ADAPTED, withSources, parameters, Optional.empty(), lexicon);
    }
}
