package org.sembridge.engine.encoder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The exponential-heavy loops of the host forward pass (exact GELU, the softmax's `exp`) on the
/// JDK's Vector API (`jdk.incubator.vector`, which the launchers and the tests add with
/// `--add-modules`): `VectorOperators.EXP` runs the JDK's vectorised math library on x86-64, so a
/// 16-lane AVX-512 register computes 16 exponentials at once where `Math.exp` computes one.
///
/// Loaded only when the module is present ([HostActivation#VECTOR_API]: this class's own static
/// fields need it); [HostActivation] and [HostAttention] fall back to their scalar loops otherwise,
/// with the same formulas.
///
/// GELU here is [HostActivation#gelu]'s formula (Numerical Recipes `erfc`, the complement taken
/// on the side where it is small) evaluated in float: the polynomial, `-z^2` and `exp` round to
/// float, which adds about `z^2 6e-8` to the fractional error of `erfc(z)`. `HostActivationTest`
/// bounds the result against an independent series: error below `3e-7 max(1, |GELU(x)|)`
/// everywhere (half a float ulp is up to 6e-8 of the value) and relative error below 2e-6 where
/// `|GELU(x)| >= 1e-3`; libtorch's kernel has an absolute error of about 1.5e-7 in `erf`.
final class VectorKernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final float INV_SQRT_2 = (float) (1 / Math.sqrt(2));
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);

    private VectorKernels() {
    }

    /// `row[i] = GELU(row[i] + bias[i])` for `i < width`.
    static void gelu(float[] row, int width, float[] bias) {
        int bound = SPECIES.loopBound(width);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, row, i).add(FloatVector.fromArray(SPECIES, bias, i));
            FloatVector z = x.abs().mul(INV_SQRT_2);
            FloatVector t = ONE.div(z.fma(0.5f, 1f));
            FloatVector poly = t.fma(0.17087277f, -0.82215223f);
            poly = poly.mul(t).add(1.48851587f);
            poly = poly.mul(t).add(-1.13520398f);
            poly = poly.mul(t).add(0.27886807f);
            poly = poly.mul(t).add(-0.18628806f);
            poly = poly.mul(t).add(0.09678418f);
            poly = poly.mul(t).add(0.37409196f);
            poly = poly.mul(t).add(1.00002368f);
            poly = poly.mul(t).add(-1.26551223f);
            FloatVector tail = z.mul(z).neg().add(poly).lanewise(VectorOperators.EXP).mul(t).mul(0.5f);
            VectorMask<Float> negative = x.lt(0f);
            FloatVector phi = tail.neg().add(1f).blend(tail, negative);
            x.mul(phi).intoArray(row, i);
        }
        for (; i < width; i++) {
            row[i] = HostActivation.gelu(row[i] + bias[i]);
        }
    }

    /// `row[i] = exp(row[i] - max)` for `i < n`; returns their sum.
    static double expShifted(float[] row, int n, float max) {
        int bound = SPECIES.loopBound(n);
        FloatVector sums = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            FloatVector e = FloatVector.fromArray(SPECIES, row, i).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(row, i);
            sums = sums.add(e);
        }
        double sum = sums.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = (float) Math.exp(row[i] - max);
            row[i] = e;
            sum += e;
        }
        return sum;
    }
}
