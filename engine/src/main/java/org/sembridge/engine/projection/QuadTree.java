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
    /// Per node, packed for the queries: centre-of-mass x and y, squared cell width, point count,
    /// first child (-1 for a leaf), first point of a leaf (-1 when empty).
    private double[] packed = new double[0];
    private static final int STRIDE = 6;

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
        pack();
    }

    private void pack() {
        if (packed.length < STRIDE * nodes) {
            packed = new double[STRIDE * count.length];
        }
        for (int node = 0; node < nodes; node++) {
            int base = STRIDE * node;
            int mass = count[node];
            packed[base] = mass == 0 ? 0 : massX[node] / mass;
            packed[base + 1] = mass == 0 ? 0 : massY[node] / mass;
            packed[base + 2] = 4 * halfWidth[node] * halfWidth[node];
            packed[base + 3] = mass;
            packed[base + 4] = firstChild[node];
            packed[base + 5] = firstPoint[node];
        }
    }

    /// Adds the repulsive force on point `i` and its share of the normalisation `Z` to `out`:
    /// `out[0] += sum_j q_ij^2 (y_i - y_j)_x`, `out[1]` likewise for y, `out[2] += sum_j q_ij`
    /// with `q_ij = 1 / (1 + |y_i - y_j|^2)`, summing a cell of width `w` at distance `r` from
    /// its centre of mass as one point of its mass when `w / r < theta`.
    ///
    /// @param stack scratch space of at least [#stackSize()] entries, one per thread
    void repulsion(int i, double theta, int[] stack, double[] out) {
        double[] cells = packed;
        double xi = x[i];
        double yi = y[i];
        double fx = 0;
        double fy = 0;
        double z = 0;
        double thetaSquared = theta * theta;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int base = STRIDE * stack[--top];
            double mass = cells[base + 3];
            int child = (int) cells[base + 4];
            if (child < 0 && mass > 1) {
                for (int p = (int) cells[base + 5]; p >= 0; p = nextPoint[p]) {
                    if (p != i) {
                        double dx = xi - x[p];
                        double dy = yi - y[p];
                        double q = 1 / (1 + dx * dx + dy * dy);
                        z += q;
                        fx += q * q * dx;
                        fy += q * q * dy;
                    }
                }
                continue;
            }
            double dx = xi - cells[base];
            double dy = yi - cells[base + 1];
            double distanceSquared = dx * dx + dy * dy;
            if (child < 0 || cells[base + 2] < thetaSquared * distanceSquared) {
                if (child < 0 && (int) cells[base + 5] == i) {
                    continue;
                }
                double q = 1 / (1 + distanceSquared);
                double massQ = mass * q;
                z += massQ;
                fx += massQ * q * dx;
                fy += massQ * q * dy;
            } else {
                for (int c = child; c < child + 4; c++) {
                    if (cells[STRIDE * c + 3] > 0) {
                        stack[top++] = c;
                    }
                }
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
