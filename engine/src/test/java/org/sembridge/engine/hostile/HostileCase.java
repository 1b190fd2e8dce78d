package org.sembridge.engine.hostile;

import java.nio.file.Path;

/// One case of the hostile-input harness: its number, its seed, and its folder.
///
/// @param index the case number within the run (with the run's seed it fixes everything)
/// @param seed the case's own seed, derived from the run's seed and [#index]
/// @param folder the case's folder, made fresh for the case and removed after it
/// @param scratch the scratch root with the pristine inputs every case starts from
public record HostileCase(int index, long seed, Path folder, ScratchRoot scratch) {

    /// The folder a command of this case may write to (`--out`, `--index`); not created.
    public Path output() {
        return folder.resolve("out");
    }
}
