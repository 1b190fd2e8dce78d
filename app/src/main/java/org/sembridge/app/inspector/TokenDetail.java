package org.sembridge.app.inspector;

import org.sembridge.engine.run.AlignmentRecord;

/// What the detail pane shows for one token at one alpha: the run's own record (at the run's
/// alpha) or a re-alignment ([org.sembridge.engine.run.LoadedRun#realign]).
///
/// @param record the token's sources, weights, support, entropy, nearest sources and bias
/// @param alpha the alpha it was asked for
/// @param realigned true when the weights were re-computed, false for the run's stored record
/// @param elapsedNanos how long reading or re-aligning took, measured on the engine thread
public record TokenDetail(AlignmentRecord record, double alpha, boolean realigned, long elapsedNanos) {
}
