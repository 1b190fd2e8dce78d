package org.sembridge.engine.projection;

import java.util.List;
import java.util.Map;
import org.sembridge.engine.InputFormatException;

/// Settings of a PCA map. PCA has none: it is exact and deterministic, so it needs no seed.
/// Needs at least [#MIN_POINTS] points of at least two dimensions.
public record PcaParameters() implements ProjectionParameters {

    /// The fewest points a PCA map accepts.
    public static final int MIN_POINTS = 3;

    /// PCA has no settings.
    public static final List<ProjectionSetting> SETTINGS = List.of();

    @Override
    public ProjectionMethod method() {
        return ProjectionMethod.PCA;
    }

    @Override
    public Map<String, Number> settings() {
        return Map.of();
    }

    @Override
    public void validate(int pointCount) throws InputFormatException {
        if (pointCount < MIN_POINTS) {
            throw new InputFormatException("a PCA map needs at least " + MIN_POINTS + " points; found " + pointCount);
        }
    }
}
