package org.sembridge.engine.projection;

import java.math.BigDecimal;
import java.util.Objects;

/// One setting of a projection method, described once: its name, how the command line and the
/// workbench offer it, its range, default, unit and help. The `project` command's options and
/// the map page's controls are generated from these descriptors ([ProjectionSettingCatalog]),
/// so a new setting is declared in one place: beside the parameter record that uses it.
///
/// @param name the key in [ProjectionParameters#settings()], session files and map JSON, e.g.
///     `perplexity`, `minDist`
/// @param option the command-line option, e.g. `--perplexity`; methods may share one (`--seed`,
///     and `--iterations` for t-SNE iterations and UMAP epochs)
/// @param valueLabel the option's value placeholder in the help, e.g. `P`
/// @param label the workbench label, e.g. `Perplexity`
/// @param kind whether the value is a whole number, a real number or a seed
/// @param min the smallest value the controls offer
/// @param max the largest value the controls offer (the valid range may also depend on the
///     number of points; [ProjectionParameters#validate] checks that)
/// @param step the step of the workbench's spinner
/// @param defaultValue the default, within `[min, max]` (any value for a seed)
/// @param help what the setting is, after the method name: `perplexity`, `min_dist`
/// @param range the valid range in words, e.g. `> 1 and below (points - 1) / 3`; empty for none
/// @param unit the unit of the value, e.g. `map units`; empty for a plain number
/// @param explanation one sentence on its effect, for tooltips; may be empty
public record ProjectionSetting(String name, String option, String valueLabel, String label, Kind kind, double min,
        double max, double step, Number defaultValue, String help, String range, String unit, String explanation) {

    /// The type of a setting's value.
    public enum Kind {
        /// A whole number (`int`), e.g. iterations.
        INTEGER,
        /// A real number (`double`), e.g. perplexity.
        REAL,
        /// A `long` seed of the random start and sampling; no range.
        SEED
    }

    /// Checks the description.
    ///
    /// @throws IllegalArgumentException when a name is blank, the option does not start with
    ///     `--`, or the default lies outside `[min, max]`
    public ProjectionSetting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        for (String text : new String[] {name, label, help, valueLabel}) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a projection setting needs a name, label, help and value label");
            }
        }
        if (option == null || !option.startsWith("--")) {
            throw new IllegalArgumentException("setting " + name + ": option must start with --, found " + option);
        }
        range = Objects.requireNonNullElse(range, "");
        unit = Objects.requireNonNullElse(unit, "");
        explanation = Objects.requireNonNullElse(explanation, "");
        if (kind != Kind.SEED && !(defaultValue.doubleValue() >= min && defaultValue.doubleValue() <= max)) {
            throw new IllegalArgumentException("setting " + name + ": default " + defaultValue + " outside [" + min
                    + ", " + max + "]");
        }
    }

    /// The default as text without trailing zeros: `30`, `0.1`, `42`.
    public String defaultText() {
        return format(defaultValue);
    }

    /// A number as text without trailing zeros or exponent: `30`, `0.1`.
    public static String format(Number value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /// The value of this setting in `values` (by [#name]), or the default when absent.
    public Number valueIn(java.util.Map<String, ? extends Number> values) {
        Number value = values.get(name);
        return value == null ? defaultValue : value;
    }
}
