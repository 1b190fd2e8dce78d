package org.sembridge.app.runs;

import java.util.List;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.transfer.baseline.SemBridgeInitializer;
import org.sembridge.engine.transfer.baseline.TransferMethod;

/// One initialization method the run form offers: its engine name, a one-line description,
/// whether it reads the bridge vectors and whether it reads alpha.
///
/// Everything comes from the method's own [TransferMethod] in the engine's [InitializerRegistry],
/// so a method registered there appears here with its description and needs.
///
/// @param name the method as the engine and `run.json` spell it, e.g. `sembridge`
/// @param description what it does, in one line
/// @param needsBridge whether the run needs the bridge encoder
/// @param readsAlpha whether the form's alpha changes the result
public record MethodChoice(String name, String description, boolean needsBridge, boolean readsAlpha) {

    /// The SemBridge method, the form's default.
    public static final String SEMBRIDGE = SemBridgeInitializer.NAME;

    /// Every method the engine registers, in the registry's order (SemBridge first).
    public static List<MethodChoice> all() {
        return InitializerRegistry.methods().stream().map(MethodChoice::of).toList();
    }

    /// The method called `name`, as the engine registers it.
    ///
    /// @throws IllegalArgumentException when the engine does not know `name`
    public static MethodChoice of(String name) {
        return of(InitializerRegistry.find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown initialization method \"" + name + "\"; expected one of "
                        + String.join(", ", InitializerRegistry.names()))));
    }

    /// The choice for a registered method.
    public static MethodChoice of(TransferMethod method) {
        return new MethodChoice(method.name(), method.description(), method.needsBridgeVectors(), method.readsAlpha());
    }

    /// Whether the form's alpha applies to this method (it [reads it][TransferMethod#readsAlpha()]).
    public boolean hasAlpha() {
        return readsAlpha;
    }

    @Override
    public String toString() {
        return name;
    }
}
