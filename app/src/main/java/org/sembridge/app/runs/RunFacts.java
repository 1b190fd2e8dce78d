package org.sembridge.app.runs;

import java.util.Map;
import org.sembridge.app.common.Formats;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.engine.run.RunManifest;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// One row of the open-runs table, as text with units, read from the run's `run.json`.
///
/// @param label the run's label, e.g. `sembridge α=4 · demo-ko-sembridge`
/// @param method the initialization method
/// @param alpha the entmax order for `sembridge`, `—` for other methods
/// @param targetTokens the target vocabulary size, e.g. `5,653`
/// @param overlapNew copied / built target tokens, e.g. `1,890 / 3,758`
/// @param totalTime the run's wall time, e.g. `2.9 s`
/// @param folder the run folder
public record RunFacts(String label, String method, String alpha, String targetTokens, String overlapNew,
        String totalTime, String folder) {

    /// The facts of an open run.
    public static RunFacts of(OpenRun open) {
        RunManifest manifest = open.run().manifest();
        Map<String, Integer> counts = manifest.counts();
        Double total = manifest.timingsSeconds().get("total");
        return new RunFacts(open.label(), manifest.method(),
                InitializerRegistry.describe(manifest.method()).readsAlpha() ? RunForm.format(manifest.alpha()) : "—",
                countOf(counts, "target_tokens"),
                countOf(counts, "overlap") + " / " + countOf(counts, "new"),
                total == null ? "—" : Formats.duration(Math.round(total * 1e9)),
                open.run().directory().toString());
    }

    private static String countOf(Map<String, Integer> counts, String key) {
        Integer value = counts.get(key);
        return value == null ? "—" : Formats.count(value);
    }
}
