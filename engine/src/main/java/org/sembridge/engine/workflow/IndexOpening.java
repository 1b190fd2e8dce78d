package org.sembridge.engine.workflow;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.run.DeviceChoice;

/// How [OpenedIndex] opens an index: which model encodes the queries and how they are weighted.
///
/// @param model              the query encoder's model folder; empty for the model recorded in the
///                           index when it was built (the usual case)
/// @param weighting          how query tokens are weighted
/// @param device             where the model runs
/// @param missingModelAdvice what the user can do when the recorded model folder is gone, the end of
///                           that error's message (`pass --model DIR with the same model`)
public record IndexOpening(Optional<Path> model, QueryWeighting weighting, DeviceChoice device,
        String missingModelAdvice) {

    public IndexOpening {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(missingModelAdvice, "missingModelAdvice");
    }

    /// Queries encoded by the recorded model on `device`.
    public static IndexOpening recordedModel(DeviceChoice device, String missingModelAdvice) {
        return new IndexOpening(Optional.empty(), QueryWeighting.ENCODER, device, missingModelAdvice);
    }
}
