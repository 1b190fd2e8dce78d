package org.sembridge.app.runs;

import java.util.List;
import java.util.Map;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// One initialization method the run form offers: its engine name, a one-line description and
/// whether it reads the bridge vectors.
///
/// The names and the bridge requirement come from the engine's [InitializerRegistry] (a method
/// added there appears here); the engine keeps no descriptions, so they are written here, and a
/// name without one is described as "initialization method NAME".
///
/// @param name the method as the engine and `run.json` spell it, e.g. `sembridge`
/// @param description what it does, in one line
/// @param needsBridge whether the run needs the bridge encoder
public record MethodChoice(String name, String description, boolean needsBridge) {

    /// The SemBridge method, whose alpha the form exposes.
    public static final String SEMBRIDGE = "sembridge";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            SEMBRIDGE, "SemBridge: alpha-entmax over all source tokens by bridge similarity (sparse weights)",
            "focus", "FOCUS: sparsemax over the overlapping source tokens only",
            "ofa", "OFA / WECHSEL: softmax (T = 0.1) over the 10 most similar source tokens",
            "mean", "Mean: every new row is the column mean of the source matrix",
            "random", "Random: i.i.d. normal entries with the source matrix's standard deviation",
            "gauss", "Gaussian: per-column normal with the source column means and deviations",
            "mvgauss", "Multivariate Gaussian: rows drawn with the source matrix's mean and covariance");

    /// Every method the engine registers, in the registry's order (SemBridge first).
    public static List<MethodChoice> all() {
        return InitializerRegistry.NAMES.stream().map(MethodChoice::of).toList();
    }

    /// The method called `name`, as the engine registers it.
    ///
    /// @throws IllegalArgumentException when the engine does not know `name`
    public static MethodChoice of(String name) {
        try {
            boolean needsBridge = InitializerRegistry.create(name, TransferRequest.DEFAULT_ALPHA).needsBridge();
            return new MethodChoice(name, DESCRIPTIONS.getOrDefault(name, "initialization method " + name),
                    needsBridge);
        } catch (InputFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /// Whether the form's alpha applies to this method.
    public boolean hasAlpha() {
        return SEMBRIDGE.equals(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
