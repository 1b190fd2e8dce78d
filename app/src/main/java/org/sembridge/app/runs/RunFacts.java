package org.sembridge.app.runs;

import java.util.List;
import java.util.Map;
import org.sembridge.app.common.Formats;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.engine.run.RunManifest;
import org.sembridge.engine.run.TargetLanguage;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// One row of the open-runs table, as text with units, read from the run's `run.json`.
///
/// @param label the run's label, e.g. `sembridge α=4 · demo-ko-sembridge`
/// @param method the initialization method
/// @param language the target language the run recorded, with the languages a multilingual run
///     covers: `ko`, `multi: ko, ru, ar`, `hangul`; `—` for runs written before runs recorded one
/// @param alpha the entmax order for `sembridge`, `—` for other methods
/// @param targetTokens the target vocabulary size, e.g. `5,653`
/// @param overlapNew copied / built target tokens, e.g. `1,890 / 3,758`
/// @param totalTime the run's wall time, e.g. `2.9 s`
/// @param folder the run folder
public record RunFacts(String label, String method, String language, String alpha, String targetTokens,
        String overlapNew, String totalTime, String folder) {

    /// The facts of an open run.
    public static RunFacts of(OpenRun open) {
        RunManifest manifest = open.run().manifest();
        Map<String, Integer> counts = manifest.counts();
        Double total = manifest.timingsSeconds().get("total");
        return new RunFacts(open.label(), manifest.method(), manifest.targetLanguage().map(RunFacts::language).orElse("—"),
                InitializerRegistry.describe(manifest.method()).readsAlpha() ? RunForm.format(manifest.alpha()) : "—",
                countOf(counts, "target_tokens"),
                countOf(counts, "overlap") + " / " + countOf(counts, "new"),
                total == null ? "—" : Formats.duration(Math.round(total * 1e9)),
                open.run().directory().toString());
    }

    /// `ko`; a label that is not one of the languages it covers is followed by them: `multi: ko, ru`.
    private static String language(TargetLanguage language) {
        return language.languages().isEmpty() || language.languages().equals(List.of(language.code()))
                ? language.code() : language.code() + ": " + String.join(", ", language.languages());
    }

    private static String countOf(Map<String, Integer> counts, String key) {
        Integer value = counts.get(key);
        return value == null ? "—" : Formats.count(value);
    }
}
