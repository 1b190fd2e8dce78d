package org.sembridge.engine.projection;

/// Figures that say how faithful a 2-D map is to the original vectors.
///
/// @param k the neighbourhood size both figures use: 10, or `floor((n - 1) / 2)` for maps of
///     fewer than 21 points (trustworthiness is defined for `k < n / 2`)
/// @param trustworthiness trustworthiness at `k` (Venna and Kaski 2001), in [0, 1]: 1 when every
///     map neighbour is also a neighbour in the original space; see [QualityEvaluator]
/// @param linkedShare the linked-neighbour share of a joint map, or null when the map has no links
/// @param neighbours every point's `k` nearest neighbours in the original space and on the map,
///     the lists both figures were computed from; null when not kept (a map read back from a file)
public record MapQuality(int k, double trustworthiness, LinkedNeighbourShare linkedShare,
        MapNeighbours neighbours) {

    /// Figures without the neighbour lists.
    public MapQuality(int k, double trustworthiness, LinkedNeighbourShare linkedShare) {
        this(k, trustworthiness, linkedShare, null);
    }

    /// Whether the neighbour lists were kept, so that [#neighbours()] is present.
    public boolean hasNeighbours() {
        return neighbours != null;
    }

    /// Whether the map had links, so that [#linkedShare()] is present.
    public boolean hasLinkedShare() {
        return linkedShare != null;
    }
}
