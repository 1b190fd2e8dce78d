package org.sembridge.engine.experiment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.transfer.baseline.SemBridgeInitializer;
import org.sembridge.engine.transfer.baseline.TransferMethod;

/// One row of the experiment table: how the target-language encoder is obtained.
///
/// | name | what is evaluated |
/// |---|---|
/// | `base` | the untouched source encoder on target-language text (its own tokenizer) |
/// | `sembridge`, `focus`, `ofa`, `mean`, `random`, `gauss`, `mvgauss` | the source encoder after a transfer to the target tokenizer with that initializer |
/// | `bm25` | BM25 with the language's analyzer (no encoder; the lexical reference) |
///
/// @param name  the method name, lower case
/// @param alpha the entmax order of a method that [reads it][TransferMethod#readsAlpha()]
///     (`sembridge`) in `[1, 8]`; every other method carries [TransferRequest#DEFAULT_ALPHA],
///     which it does not read
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

    /// Whether alpha is a parameter of the method (only `sembridge`), as the method says.
    public boolean readsAlpha() {
        return transfers() && InitializerRegistry.describe(name).readsAlpha();
    }

    /// A file-name-safe identifier, unique within an experiment: the name, plus `-a<alpha>` for
    /// `sembridge` (`sembridge-a4`, `sembridge-a2.5`).
    public String id() {
        return readsAlpha() ? name + "-a" + plainAlpha() : name;
    }

    /// The row label of the tables, spelled as in the paper (`SemBridge (α=4)`, `FOCUS`,
    /// `Multivariate Gaussian`) from the method's own [label][TransferMethod#label()]; unknown
    /// names are shown as they are.
    public String label() {
        return switch (name) {
            case BASE -> "Base (no transfer)";
            case BM25 -> "BM25";
            default -> {
                TransferMethod method = InitializerRegistry.describe(name);
                yield method.readsAlpha() ? method.label() + " (α=" + plainAlpha() + ")" : method.label();
            }
        };
    }

    /// Alpha without trailing zeros: `4`, `2.5`.
    private String plainAlpha() {
        return BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
    }
}
