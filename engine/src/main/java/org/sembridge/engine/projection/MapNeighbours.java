package org.sembridge.engine.projection;

import java.util.Arrays;

/// The exact `k` nearest neighbours of every point of a map, once by distance between the
/// original vectors and once by distance on the map: what [QualityEvaluator] ranks to compute
/// trustworthiness, kept so that a front-end can show a point's two neighbourhoods side by side
/// (what the projection kept, what it tore apart, what it brought close).
///
/// Order: ascending Euclidean distance, ties by the smaller point index; the point itself is
/// never its own neighbour. Memory: `2 n k` ints and `2 n k` floats (16 MiB at 100,000 points
/// and k = 10).
///
/// @param k the neighbours per point, >= 1
/// @param original n rows of `k` point indices, nearest first, by original distance
/// @param originalDistances n rows of the matching Euclidean distances between the vectors
/// @param map n rows of `k` point indices, nearest first, by map distance
/// @param mapDistances n rows of the matching Euclidean distances in map units
public record MapNeighbours(int k, int[][] original, float[][] originalDistances, int[][] map,
        float[][] mapDistances) {

    /// Checks that the four tables have one row of `k` entries per point.
    public MapNeighbours {
        int n = original.length;
        if (k < 1 || originalDistances.length != n || map.length != n || mapDistances.length != n) {
            throw new IllegalArgumentException("neighbour tables need n rows each and k >= 1; found k = " + k
                    + ", rows " + n + "/" + originalDistances.length + "/" + map.length + "/" + mapDistances.length);
        }
        for (int i = 0; i < n; i++) {
            if (original[i].length != k || originalDistances[i].length != k || map[i].length != k
                    || mapDistances[i].length != k) {
                throw new IllegalArgumentException("neighbour row " + i + " does not have " + k + " entries");
            }
        }
    }

    /// The number of points.
    public int size() {
        return original.length;
    }

    /// The neighbours of point `i` in the original space, nearest first (a copy).
    public int[] originalOf(int i) {
        return original[i].clone();
    }

    /// The neighbours of point `i` on the map, nearest first (a copy).
    public int[] mapOf(int i) {
        return map[i].clone();
    }

    /// How many of point `i`'s original neighbours are also among its map neighbours (0..k).
    public int sharedCount(int i) {
        return (int) Arrays.stream(original[i]).filter(j -> Arrays.stream(map[i]).anyMatch(m -> m == j)).count();
    }

    /// A graph's indices with their squared distances turned into Euclidean distances.
    static float[][] distances(double[][] squaredDistances) {
        float[][] rows = new float[squaredDistances.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[squaredDistances[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = (float) Math.sqrt(squaredDistances[i][j]);
            }
        }
        return rows;
    }
}
