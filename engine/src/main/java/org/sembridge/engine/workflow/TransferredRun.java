package org.sembridge.engine.workflow;

import java.util.Objects;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferSummary;

/// A finished transfer ([ModelTransfer#transferAndOpen]) and its run folder, opened.
///
/// @param summary counts, timings and the no-op verdict of the transfer
/// @param run the published run folder, opened with the transfer's bridge-vector cache
public record TransferredRun(TransferSummary summary, LoadedRun run) {

    public TransferredRun {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(run, "run");
    }
}
