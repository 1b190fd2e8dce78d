package org.sembridge.engine.workflow;

import java.nio.file.Path;
import java.util.Objects;
import org.sembridge.engine.run.LexiconEvaluation;

/// A run scored on a lexicon ([LexiconScoring#evaluate]).
///
/// @param run the run folder as given
/// @param lexicon the lexicon file as given
/// @param method the run's initialization method, as `run.json` records it
/// @param evaluation precision@1 and @5, the counts and the per-word outcomes
public record LexiconReport(Path run, Path lexicon, String method, LexiconEvaluation evaluation) {

    public LexiconReport {
        Objects.requireNonNull(evaluation, "evaluation");
    }
}
