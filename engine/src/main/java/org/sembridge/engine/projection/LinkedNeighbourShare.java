package org.sembridge.engine.projection;

/// How often a linked point stays close in a joint map: among the points that have links (target
/// tokens), the share that have at least one of their linked points (their source tokens) among
/// their `k` nearest neighbours, measured once in the original space and once in the map.
///
/// A map that keeps the alignment visible has `map` close to `originalSpace`; `map` well below
/// `originalSpace` means the projection tore linked points apart.
///
/// @param k the neighbourhood size (10 unless the map has fewer than 21 points)
/// @param linkedPoints the number of points with at least one link, > 0
/// @param originalSpace the share in the original vector space, in [0, 1]
/// @param map the share in the 2-D map, in [0, 1]
public record LinkedNeighbourShare(int k, int linkedPoints, double originalSpace, double map) {
}
