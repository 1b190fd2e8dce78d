package org.sembridge.engine.run;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/// What a finished [TransferRunner#run] produced, for the CLI summary and the workbench.
///
/// @param runDirectory the published run folder
/// @param method the initializer name
/// @param targetTokens target vocabulary size
/// @param overlapTokens non-special target tokens copied from a source token
/// @param newTokens non-special target tokens the method built
/// @param specialTokens special target tokens (copied or built)
/// @param noOp true when the method built no token: every target token overlapped
/// @param noOpReason why, in one sentence (empty unless `noOp`)
/// @param device the device the run used, e.g. `cpu()`
/// @param stageSeconds wall time per stage, in order
/// @param totalSeconds wall time of the whole run
public record TransferSummary(Path runDirectory, String method, int targetTokens, int overlapTokens, int newTokens,
        int specialTokens, boolean noOp, String noOpReason, String device, Map<String, Double> stageSeconds,
        double totalSeconds) {

    /// Copies the timings, keeping their order.
    public TransferSummary {
        stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    }
}
