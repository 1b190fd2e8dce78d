package org.sembridge.app.workspace;

import java.util.Locale;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// A finished run open in the workbench: its display label and the engine's view of its folder.
///
/// @param label what lists and tabs show, e.g. `sembridge α=4 · ko`
/// @param run the opened run folder
public record OpenRun(String label, LoadedRun run) {

    /// Labels `run` by its method, alpha (where the method reads it) and folder name.
    public static OpenRun of(LoadedRun run) {
        String method = run.manifest().method();
        String alpha = InitializerRegistry.describe(method).readsAlpha()
                ? String.format(Locale.ROOT, " α=%s", trim(run.manifest().alpha()))
                : "";
        return new OpenRun(method + alpha + " · " + run.directory().getFileName(), run);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public String toString() {
        return label;
    }
}
