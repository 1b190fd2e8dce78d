package org.sembridge.engine.transfer.baseline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.transfer.AlignmentOptions;

/// The transfer methods by name, as the command line and `run.json` spell them: `sembridge`,
/// `focus`, `ofa`, `mean`, `random`, `gauss`, `mvgauss`. Each method describes itself
/// ([TransferMethod]); everything that lists, labels or asks about methods (CLI help, the
/// workbench's method chooser, experiment tables, `run.json`) reads this registry, so a new method
/// is one class with a `METHOD` constant plus one line in [#BUILT_IN].
///
/// Settings: `alpha` is read only by methods that [say so][TransferMethod#readsAlpha()]
/// (`sembridge`); the block bound of the similarity GEMM by `sembridge`, `focus` and `ofa`; `topK`
/// only by `sembridge` (it changes the cost, never the result). FOCUS (sparsemax) and OFA
/// (`k = 10`, `T = 0.1`) use the paper's fixed settings. The seed of the random and Gaussian
/// baselines is not a setting of the initializer: it travels in [InitializationInput#seed()], so
/// one initializer serves every seed.
public final class InitializerRegistry {

    /// The engine's methods, in the order of the paper's tables (SemBridge first); one line each.
    private static final List<TransferMethod> BUILT_IN = List.of(
            SemBridgeInitializer.METHOD,
            FocusInitializer.METHOD,
            OfaInitializer.METHOD,
            MeanInitializer.METHOD,
            RandomInitializer.METHOD,
            GaussianInitializer.METHOD,
            MultivariateGaussianInitializer.METHOD);

    private static final List<TransferMethod> METHODS = new CopyOnWriteArrayList<>(BUILT_IN);

    private InitializerRegistry() {
    }

    /// Every registered method, built-in ones first in the paper's order.
    public static List<TransferMethod> methods() {
        return List.copyOf(METHODS);
    }

    /// Every registered method name, in [#methods()] order.
    public static List<String> names() {
        return METHODS.stream().map(TransferMethod::name).toList();
    }

    /// The method called `name` (case-insensitive, surrounding blanks ignored), if registered.
    public static Optional<TransferMethod> find(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return METHODS.stream().filter(method -> method.name().equals(key)).findFirst();
    }

    /// The method called `name`.
    ///
    /// @throws InputFormatException when the name is unknown; the message lists the valid ones
    public static TransferMethod method(String name) throws InputFormatException {
        Optional<TransferMethod> found = find(name);
        if (found.isEmpty()) {
            throw new InputFormatException("unknown initialization method \"" + name + "\"; expected one of "
                    + String.join(", ", names()));
        }
        return found.get();
    }

    /// What a recorded method name means, for reading runs: the registered method, or for a name
    /// this engine does not know one labelled by its name that reads neither alpha nor bridge
    /// vectors (so an old or foreign `run.json` still opens).
    public static TransferMethod describe(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return find(key).orElseGet(() -> TransferMethod.unknown(key.isEmpty() ? "unknown" : key));
    }

    /// Adds a method after the built-in ones, e.g. from a plug-in or a test; closing the returned
    /// registration removes it again.
    ///
    /// @throws IllegalArgumentException when a method of that name is already registered
    public static Registration register(TransferMethod method) {
        synchronized (METHODS) {
            if (find(method.name()).isPresent()) {
                throw new IllegalArgumentException("a method called " + method.name() + " is already registered");
            }
            METHODS.add(method);
        }
        return () -> METHODS.remove(method);
    }

    /// A method added by [#register]; [#close()] removes it.
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        /// Removes the method from the registry.
        @Override
        void close();
    }

    /// The initializer called `name` (case-insensitive, surrounding blanks ignored), with default
    /// search settings and the given `alpha` for methods that read it.
    ///
    /// @param alpha the entmax order, `1 <= alpha <= 8` (4 in the paper); checked for every
    ///     method ([Alpha#of]), so that a bad value on the command line never passes silently
    /// @throws InputFormatException when the name is unknown (the message lists the valid ones)
    ///     or `alpha` is outside `[1, 8]`
    public static EmbeddingInitializer create(String name, double alpha) throws InputFormatException {
        Alpha checked = Alpha.of(alpha);
        return method(name).create(checked);
    }

    /// The initializer called `name` (case-insensitive, surrounding blanks ignored) with explicit
    /// search settings (see the class comment for who reads which).
    ///
    /// @throws InputFormatException when the name is unknown; the message lists the valid ones
    public static EmbeddingInitializer create(String name, AlignmentOptions options) throws InputFormatException {
        return method(name).factory().create(options);
    }
}
