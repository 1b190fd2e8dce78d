package org.sembridge.engine.transfer.baseline;

import java.util.Locale;
import java.util.Objects;
import org.sembridge.engine.transfer.AlignmentOptions;

/// What one transfer method says about itself, and how to make its [EmbeddingInitializer]: the
/// one place the command line's help, the workbench's method chooser, the experiment tables and
/// `run.json` read a method's name, label, description and needs from. Each initializer class
/// declares its own as `METHOD`; [InitializerRegistry] lists them.
///
/// @param name the name the command line, experiment configurations and `run.json` use, lower
///     case, e.g. `sembridge`
/// @param label the name as the paper's tables spell it, e.g. `SemBridge`, `FOCUS`
/// @param description what it does, in one line
/// @param readsAlpha whether the entmax order `alpha` changes its result (only SemBridge's does)
/// @param needsBridgeVectors whether it reads the bridge vectors (so a run needs a bridge)
/// @param decision the sentence `run.json`'s decisions record for a run with this method
/// @param factory makes the initializer from the search settings (alpha, top-K, block bound);
///     a method reads only the settings it documents
public record TransferMethod(String name, String label, String description, boolean readsAlpha,
        boolean needsBridgeVectors, Decision decision, Factory factory) {

    /// The decision sentence of a run, from the run's settings.
    @FunctionalInterface
    public interface Decision {

        /// The sentence for a run with `alpha` and `seed` (each method uses what it reads).
        String text(Alpha alpha, long seed);
    }

    /// Makes the initializer.
    @FunctionalInterface
    public interface Factory {

        /// The initializer with these search settings.
        EmbeddingInitializer create(AlignmentOptions options);
    }

    /// Checks the values.
    ///
    /// @throws IllegalArgumentException for a blank or upper-case name or a blank label
    public TransferMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(factory, "factory");
        if (name.isBlank() || !name.equals(name.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("method name must be non-blank lower case, found '" + name + "'");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("method " + name + " has a blank label");
        }
    }

    /// A method this engine does not know (e.g. a run made by a newer version): labelled and
    /// described by its name, reading neither alpha nor bridge vectors; [#factory] fails.
    static TransferMethod unknown(String name) {
        return new TransferMethod(name, name, "initialization method " + name, false, false,
                (alpha, seed) -> "initialization method " + name, options -> {
                    throw new IllegalStateException("initialization method " + name + " is not registered");
                });
    }

    /// The label with alpha where the method reads it: `SemBridge (α=4)`, `FOCUS`.
    public String label(Alpha alpha) {
        return readsAlpha ? label + " (α=" + alpha.plain() + ")" : label;
    }

    /// The short form lists and tabs use: the name, with alpha where the method reads it
    /// (`sembridge α=4`, `ofa`).
    public String shortLabel(Alpha alpha) {
        return readsAlpha ? name + " α=" + alpha.plain() : name;
    }

    /// The initializer with default search settings and `alpha`.
    public EmbeddingInitializer create(Alpha alpha) {
        return factory.create(AlignmentOptions.of(alpha.value()));
    }

    @Override
    public String toString() {
        return name;
    }
}
