package org.sembridge.engine.projection;

import java.util.Arrays;

/// The Barnes-Hut space-partitioning tree of a 2-D layout: every cell stores how many points it
/// holds and their centre of mass, so that a distant cell acts on a point as one heavy point.
///
/// Cells split into four quadrants until each holds one point; at depth [#MAX_DEPTH] (cells
/// about 2^-48 of the layout wide, i.e. points equal to double precision) a leaf keeps a list of
/// points instead, so duplicates cannot make the tree infinitely deep. Rebuilt every t-SNE
/// iteration with [#build(double[], double[])]; the arrays are reused. Not thread-safe to build,
/// safe to query from many threads after a build.
final class QuadTree {

    /// Depth at which leaves stop splitting.
    static final int MAX_DEPTH = 48;

    private double[] centreX = new double[0];
    private double[] centreY = new double[0];
    private double[] halfWidth = new double[0];
    private double[] massX = new double[0];
    private double[] massY = new double[0];
    private int[] count = new int[0];
    private int[] firstChild = new int[0];
    private int[] firstPoint = new int[0];
    private int[] nextPoint = new int[0];
    private int nodes;
    private double[] x;
    private double[] y;

    /// Rebuilds the tree over the points `(x[i], y[i])`.
    void build(double[] xs, double[] ys) {
        this.x = xs;
        this.y = ys;
        int n = xs.length;
        if (nextPoint.length < n) {
            nextPoint = new int[n];
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double half = Math.max(maxX - minX, maxY - minY) / 2;
        half = half * (1 + 1e-9) + Double.MIN_NORMAL;
        nodes = 0;
        newNode((minX + maxX) / 2, (minY + maxY) / 2, half);
        for (int i = 0; i < n; i++) {
            insert(i);
        }
    }

    /// Adds the repulsive force on point `i` and its share of the normalisation `Z` to `out`:
    /// `out[0] += sum_j q_ij^2 (y_i - y_j)_x`, `out[1]` likewise for y, `out[2] += sum_j q_ij`
    /// with `q_ij = 1 / (1 + |y_i - y_j|^2)`, summing a cell of width `w` at distance `r` from
    /// its centre of mass as one point of its mass when `w / r < theta`.
    ///
    /// @param stack scratch space of at least [#stackSize()] entries, one per thread
    void repulsion(int i, double theta, int[] stack, double[] out) {
        double xi = x[i];
        double yi = y[i];
        double fx = 0;
        double fy = 0;
        double z = 0;
        double thetaSquared = theta * theta;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int mass = count[node];
            if (mass == 0) {
                continue;
            }
            if (firstChild[node] < 0) {
                for (int p = firstPoint[node]; p >= 0; p = nextPoint[p]) {
                    if (p == i) {
                        continue;
                    }
                    double dx = xi - x[p];
                    double dy = yi - y[p];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    z += q;
                    fx += q * q * dx;
                    fy += q * q * dy;
                }
                continue;
            }
            double dx = xi - massX[node] / mass;
            double dy = yi - massY[node] / mass;
            double distanceSquared = dx * dx + dy * dy;
            double width = 2 * halfWidth[node];
            if (width * width < thetaSquared * distanceSquared) {
                double q = 1 / (1 + distanceSquared);
                z += mass * q;
                fx += mass * q * q * dx;
                fy += mass * q * q * dy;
            } else {
                int child = firstChild[node];
                stack[top++] = child;
                stack[top++] = child + 1;
                stack[top++] = child + 2;
                stack[top++] = child + 3;
            }
        }
        out[0] += fx;
        out[1] += fy;
        out[2] += z;
    }

    /// The scratch-stack length [#repulsion] needs.
    static int stackSize() {
        return 3 * MAX_DEPTH + 8;
    }

    private void insert(int i) {
        int node = 0;
        int depth = 0;
        while (true) {
            massX[node] += x[i];
            massY[node] += y[i];
            count[node]++;
            if (firstChild[node] < 0) {
                if (count[node] == 1) {
                    firstPoint[node] = i;
                    nextPoint[i] = -1;
                    return;
                }
                if (depth >= MAX_DEPTH) {
                    nextPoint[i] = firstPoint[node];
                    firstPoint[node] = i;
                    return;
                }
                int resident = firstPoint[node];
                firstPoint[node] = -1;
                split(node);
                int child = childFor(node, x[resident], y[resident]);
                massX[child] = x[resident];
                massY[child] = y[resident];
                count[child] = 1;
                firstPoint[child] = resident;
                nextPoint[resident] = -1;
            }
            node = childFor(node, x[i], y[i]);
            depth++;
        }
    }

    private int childFor(int node, double px, double py) {
        return firstChild[node] + (px >= centreX[node] ? 1 : 0) + (py >= centreY[node] ? 2 : 0);
    }

    private void split(int node) {
        double half = halfWidth[node] / 2;
        double cx = centreX[node];
        double cy = centreY[node];
        int first = newNode(cx - half, cy - half, half);
        newNode(cx + half, cy - half, half);
        newNode(cx - half, cy + half, half);
        newNode(cx + half, cy + half, half);
        firstChild[node] = first;
    }

    private int newNode(double cx, double cy, double half) {
        if (nodes == count.length) {
            grow();
        }
        int node = nodes++;
        centreX[node] = cx;
        centreY[node] = cy;
        halfWidth[node] = half;
        massX[node] = 0;
        massY[node] = 0;
        count[node] = 0;
        firstChild[node] = -1;
        firstPoint[node] = -1;
        return node;
    }

    private void grow() {
        int capacity = Math.max(64, count.length * 2);
        centreX = Arrays.copyOf(centreX, capacity);
        centreY = Arrays.copyOf(centreY, capacity);
        halfWidth = Arrays.copyOf(halfWidth, capacity);
        massX = Arrays.copyOf(massX, capacity);
        massY = Arrays.copyOf(massY, capacity);
        count = Arrays.copyOf(count, capacity);
        firstChild = Arrays.copyOf(firstChild, capacity);
        firstPoint = Arrays.copyOf(firstPoint, capacity);
    }
}
