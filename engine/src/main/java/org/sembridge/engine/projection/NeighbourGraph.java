package org.sembridge.engine.projection;

/// The exact `k` nearest neighbours of every point, the point itself excluded.
///
/// Row `i` lists neighbours in ascending order of squared distance; equal distances are ordered
/// by point index, so the graph is unique for a given input.
///
/// @param indices n rows of `k` neighbour indices
/// @param squaredDistances n rows of the matching squared Euclidean distances
record NeighbourGraph(int[][] indices, double[][] squaredDistances) {

    /// The number of neighbours per point.
    int k() {
        return indices.length == 0 ? 0 : indices[0].length;
    }

    /// The number of points.
    int size() {
        return indices.length;
    }
}
