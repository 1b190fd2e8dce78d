package org.sembridge.engine.projection;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sembridge.engine.InputFormatException;

/// The settings of one projection, fixed before it runs: one record per method ([PcaParameters],
/// [TsneParameters], [UmapParameters]). The same parameters and the same input give the same
/// coordinates on the same machine (see the package guide on determinism).
public sealed interface ProjectionParameters permits PcaParameters, TsneParameters, UmapParameters {

    /// The parameters of `method` from `values` keyed by setting name ([ProjectionSetting#name()]);
    /// a setting that is absent takes its default, names the method does not have are ignored.
    static ProjectionParameters of(ProjectionMethod method, Map<String, ? extends Number> values) {
        return switch (method) {
            case PCA -> new PcaParameters();
            case TSNE -> TsneParameters.of(values);
            case UMAP -> UmapParameters.of(values);
        };
    }

    /// The method these parameters configure.
    ProjectionMethod method();

    /// The settings by name, in a stable order, for files and titles (e.g. `perplexity -> 30.0`).
    Map<String, Number> settings();

    /// Checks the settings against the number of points to project.
    ///
    /// @throws InputFormatException when a setting is outside its valid range or does not suit
    ///     `pointCount` (e.g. a t-SNE perplexity too large for the number of points)
    void validate(int pointCount) throws InputFormatException;

    /// The settings as one line, e.g. `perplexity 30, iterations 1000, learning rate 200, seed 42`.
    default String summary() {
        return settings().entrySet().stream()
                .map(e -> e.getKey().replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT)
                        + " " + formatNumber(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String formatNumber(Number value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}
