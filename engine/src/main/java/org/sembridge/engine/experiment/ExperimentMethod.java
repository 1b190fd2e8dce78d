package org.sembridge.engine.experiment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.transfer.baseline.FocusInitializer;
import org.sembridge.engine.transfer.baseline.GaussianInitializer;
import org.sembridge.engine.transfer.baseline.MeanInitializer;
import org.sembridge.engine.transfer.baseline.MultivariateGaussianInitializer;
import org.sembridge.engine.transfer.baseline.OfaInitializer;
import org.sembridge.engine.transfer.baseline.RandomInitializer;
import org.sembridge.engine.transfer.baseline.SemBridgeInitializer;

/// One row of the experiment table: how the target-language encoder is obtained.
///
/// | name | what is evaluated |
/// |---|---|
/// | `base` | the untouched source encoder on target-language text (its own tokenizer) |
/// | `sembridge`, `focus`, `ofa`, `mean`, `random`, `gauss`, `mvgauss` | the source encoder after a transfer to the target tokenizer with that initializer |
/// | `bm25` | BM25 with the language's analyzer (no encoder; the lexical reference) |
///
/// @param name  the method name, lower case
/// @param alpha the entmax order of `sembridge` in `[1, 8]`; every other method carries
///     [TransferRequest#DEFAULT_ALPHA], which it does not read
public record ExperimentMethod(String name, double alpha) {

    /// The untouched source encoder.
    public static final String BASE = "base";
    /// The lexical reference.
    public static final String BM25 = "bm25";

    /// Checks the name.
    ///
    /// @throws IllegalArgumentException for a blank or upper-case name
    public ExperimentMethod {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("method name must be non-blank lower case, found '" + name + "'");
        }
    }

    /// The method `name` with the default alpha (every method but `sembridge`).
    public static ExperimentMethod named(String name) {
        return new ExperimentMethod(name, TransferRequest.DEFAULT_ALPHA);
    }

    /// SemBridge at entmax order `alpha`.
    public static ExperimentMethod semBridge(double alpha) {
        return new ExperimentMethod(SemBridgeInitializer.NAME, alpha);
    }

    /// Whether the method transfers the source encoder (everything but `base` and `bm25`).
    public boolean transfers() {
        return !name.equals(BASE) && !name.equals(BM25);
    }

    /// Whether the method is BM25 (no encoder).
    public boolean lexical() {
        return name.equals(BM25);
    }

    /// Whether alpha is a parameter of the method (only `sembridge`).
    public boolean readsAlpha() {
        return name.equals(SemBridgeInitializer.NAME);
    }

    /// A file-name-safe identifier, unique within an experiment: the name, plus `-a<alpha>` for
    /// `sembridge` (`sembridge-a4`, `sembridge-a2.5`).
    public String id() {
        return readsAlpha() ? name + "-a" + plainAlpha() : name;
    }

    /// The row label of the tables, spelled as in the paper (`SemBridge (α=4)`, `FOCUS`,
    /// `Multivariate Gaussian`); unknown names are shown as they are.
    public String label() {
        return switch (name) {
            case BASE -> "Base (no transfer)";
            case BM25 -> "BM25";
            case SemBridgeInitializer.NAME -> "SemBridge (α=" + plainAlpha() + ")";
            case FocusInitializer.NAME -> "FOCUS";
            case OfaInitializer.NAME -> "OFA";
            case MeanInitializer.NAME -> "Mean";
            case RandomInitializer.NAME -> "Random";
            case GaussianInitializer.NAME -> "Gaussian";
            case MultivariateGaussianInitializer.NAME -> "Multivariate Gaussian";
            default -> name;
        };
    }

    /// Alpha without trailing zeros: `4`, `2.5`.
    private String plainAlpha() {
        return BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
    }
}
