package org.sembridge.engine.workflow;

import java.util.List;
import org.sembridge.engine.run.LoadedRun;

/// The runs of one folder, opened by [ModelTransfer#openAll].
///
/// @param opened the run folders that opened, in name order
/// @param problems for each folder that is not a run, the one-line message saying why
/// @param millis wall time of the whole scan, in milliseconds
public record RunFolderScan(List<LoadedRun> opened, List<String> problems, long millis) {

    public RunFolderScan {
        opened = List.copyOf(opened);
        problems = List.copyOf(problems);
    }
}
