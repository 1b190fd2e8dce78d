package org.sembridge.engine.workflow;

import java.util.Objects;
import org.sembridge.engine.run.AlignmentRecord;

/// One target token of a run as [OpenedRun#inspect] shows it.
///
/// @param record how the token was built: kind, sources with weights, support, nearest tokens
/// @param alpha the alpha of the weights: the run's own, or the one re-aligned at
/// @param realigned whether the weights were re-solved from the run's cached bridge vectors
///     rather than read from the run
/// @param elapsedNanos how long the lookup (and re-alignment) took
public record InspectedToken(AlignmentRecord record, double alpha, boolean realigned, long elapsedNanos) {

    /// Checks the record.
    public InspectedToken {
        Objects.requireNonNull(record, "record");
    }
}
