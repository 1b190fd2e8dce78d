package org.sembridge.engine.transfer.baseline;

import java.util.List;
import java.util.Locale;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.EntmaxSolver;

/// The initialization methods by name, as the command line and `run.json` spell them:
/// `sembridge`, `focus`, `ofa`, `mean`, `random`, `gauss`, `mvgauss`.
///
/// Settings: `alpha` is read only by `sembridge`; the block bound of the similarity GEMM by
/// `sembridge`, `focus` and `ofa`; `topK` only by `sembridge` (it changes the cost, never the
/// result). FOCUS (sparsemax) and OFA (`k = 10`, `T = 0.1`) use the paper's fixed settings. The
/// seed of the random and Gaussian baselines is not a setting of the initializer: it travels in
/// [InitializationInput#seed()], so one initializer serves every seed.
public final class InitializerRegistry {

    /// Every method name, in the order of the paper's tables (SemBridge first).
    public static final List<String> NAMES = List.of(SemBridgeInitializer.NAME, FocusInitializer.NAME,
            OfaInitializer.NAME, MeanInitializer.NAME, RandomInitializer.NAME, GaussianInitializer.NAME,
            MultivariateGaussianInitializer.NAME);

    private InitializerRegistry() {
    }

    /// The initializer called `name` (case-insensitive, surrounding blanks ignored), with default
    /// search settings and the given `alpha` for SemBridge.
    ///
    /// @param alpha SemBridge's entmax order, `1 <= alpha <= 8` (4 in the paper); checked for
    ///     every method, so that a bad value on the command line never passes silently
    /// @throws InputFormatException when the name is unknown (the message lists the valid ones)
    ///     or `alpha` is outside `[1, 8]`
    public static EmbeddingInitializer create(String name, double alpha) throws InputFormatException {
        if (!(alpha >= EntmaxSolver.MIN_ALPHA && alpha <= EntmaxSolver.MAX_ALPHA)) {
            throw new InputFormatException("alpha must be in [" + EntmaxSolver.MIN_ALPHA + ", "
                    + EntmaxSolver.MAX_ALPHA + "] (4 in the paper), found " + alpha);
        }
        return create(name, AlignmentOptions.of(alpha));
    }

    /// The initializer called `name` (case-insensitive, surrounding blanks ignored) with explicit
    /// search settings (see the class comment for who reads which).
    ///
    /// @throws InputFormatException when the name is unknown; the message lists the valid ones
    public static EmbeddingInitializer create(String name, AlignmentOptions options) throws InputFormatException {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case SemBridgeInitializer.NAME -> new SemBridgeInitializer(options);
            case FocusInitializer.NAME -> new FocusInitializer(options.maxBlockBytes());
            case OfaInitializer.NAME -> new OfaInitializer(OfaInitializer.DEFAULT_NEIGHBOURS,
                    OfaInitializer.DEFAULT_TEMPERATURE, options.maxBlockBytes());
            case MeanInitializer.NAME -> new MeanInitializer();
            case RandomInitializer.NAME -> new RandomInitializer();
            case GaussianInitializer.NAME -> new GaussianInitializer();
            case MultivariateGaussianInitializer.NAME -> new MultivariateGaussianInitializer();
            default -> throw new InputFormatException("unknown initialization method \"" + name
                    + "\"; expected one of " + String.join(", ", NAMES));
        };
    }
}
