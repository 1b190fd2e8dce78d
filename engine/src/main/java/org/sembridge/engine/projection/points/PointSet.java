package org.sembridge.engine.projection.points;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.sembridge.engine.projection.PointSetSpec;

/// The tokens a map of a run shows: target tokens, source tokens, and the alignment links from
/// targets to the sources they were built from.
///
/// Source tokens come in two roles: *chosen* ones (the end of at least one link) and *context*
/// ones (shown for orientation, e.g. the nearest source tokens of `token:X`, without a link).
///
/// @param spec the spec that selected the points, e.g. `lexicon`
/// @param targetIds target token ids, distinct, in selection order
/// @param sourceIds source token ids, distinct, chosen ones first (in order of first use), then
///     context ones
/// @param links target-to-source links, positions into the two arrays; empty when the run's
///     method chose no sources (statistical baselines) or sources were not asked for
public record PointSet(PointSetSpec spec, int[] targetIds, int[] sourceIds, List<SourceLink> links) {

    /// Copies the arrays and the list, and checks the link positions.
    public PointSet {
        Objects.requireNonNull(spec, "spec");
        targetIds = targetIds.clone();
        sourceIds = sourceIds.clone();
        links = List.copyOf(links);
        for (SourceLink link : links) {
            if (link.target() >= targetIds.length || link.source() >= sourceIds.length) {
                throw new IllegalArgumentException("link " + link + " points outside " + targetIds.length
                        + " targets and " + sourceIds.length + " sources");
            }
        }
    }

    /// The number of target tokens.
    public int targetCount() {
        return targetIds.length;
    }

    /// The number of source tokens, chosen and context.
    public int sourceCount() {
        return sourceIds.length;
    }

    /// Per source position, whether that source token is the end of a link (chosen) rather than
    /// context.
    public boolean[] chosenSources() {
        boolean[] chosen = new boolean[sourceIds.length];
        for (SourceLink link : links) {
            chosen[link.source()] = true;
        }
        return chosen;
    }

    /// The target ids (a copy).
    @Override
    public int[] targetIds() {
        return targetIds.clone();
    }

    /// The source ids (a copy).
    @Override
    public int[] sourceIds() {
        return sourceIds.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PointSet that && spec.equals(that.spec) && Arrays.equals(targetIds, that.targetIds)
                && Arrays.equals(sourceIds, that.sourceIds) && links.equals(that.links);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, Arrays.hashCode(targetIds), Arrays.hashCode(sourceIds), links);
    }

    @Override
    public String toString() {
        return "PointSet[" + spec.text() + ": " + targetIds.length + " targets, " + sourceIds.length + " sources, "
                + links.size() + " links]";
    }
}
