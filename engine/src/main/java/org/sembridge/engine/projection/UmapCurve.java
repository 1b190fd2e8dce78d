package org.sembridge.engine.projection;

import smile.math.LevenbergMarquardt;
import smile.util.function.DifferentiableMultivariateFunction;

/// The parameters `a`, `b` of UMAP's low-dimensional similarity `1 / (1 + a d^2b)`, fitted by
/// least squares (Smile's Levenberg-Marquardt) to the target curve `1` for `d < min_dist` and
/// `exp(-(d - min_dist) / spread)` beyond, at 300 distances evenly spaced over (0, 3 spread], with
/// spread 1 as in umap-learn. For min_dist 0.1 this gives a = 1.58, b = 0.90 (umap-learn:
/// 1.577, 0.895).
final class UmapCurve {

    private static final double SPREAD = 1;
    private static final int SAMPLES = 300;

    private UmapCurve() {
    }

    /// `{a, b}` for `minDist` in [0, 1].
    static double[] fit(double minDist) {
        double[] distance = new double[SAMPLES];
        double[] target = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            distance[s] = (s + 1) * 3 * SPREAD / SAMPLES;
            target[s] = distance[s] < minDist ? 1 : Math.exp(-(distance[s] - minDist) / SPREAD);
        }
        double[] parameters = LevenbergMarquardt.fit(new Similarity(), distance, target, new double[] {1, 1})
                .parameters();
        return new double[] {parameters[0], parameters[1] / 2};
    }

    /// `f(a, p; d) = 1 / (1 + a d^p)` with its gradient in `(a, p)`; Smile passes `{a, p, d}`.
    private static final class Similarity implements DifferentiableMultivariateFunction {

        @Override
        public double f(double[] point) {
            return 1 / (1 + point[0] * Math.pow(point[2], point[1]));
        }

        @Override
        public double g(double[] point, double[] gradient) {
            double power = Math.pow(point[2], point[1]);
            double denominator = 1 + point[0] * power;
            gradient[0] = -power / (denominator * denominator);
            gradient[1] = -point[0] * power * Math.log(point[2]) / (denominator * denominator);
            return 1 / denominator;
        }
    }
}
