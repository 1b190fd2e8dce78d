package org.sembridge.engine.encoder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The exponential-heavy loops of the host forward pass (exact GELU, the softmax's `exp`) and the
/// max-pooling fold of [MaxPooledDecoder] on the JDK's Vector API (`jdk.incubator.vector`, which the launchers and the tests add with
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
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

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

    /// Calls in [#compileMaxOfRows()]: above the compile threshold the launchers set for this class
    /// (`CompileThresholdScaling` 0.01: about 50 calls, or 400 loop turns, for the optimising compiler).
    static final int FOLD_WARM_UP_CALLS = 256;

    /// Runs [#maxOfRows] [#FOLD_WARM_UP_CALLS] times on a small native block that takes all three
    /// of its loops (four-vector strips, single vectors, scalar tail) with one to three rows, so
    /// that the JIT queues its optimised compilation now rather than in the middle of the first
    /// batch. Until C2 has compiled it, the fold runs interpreted or in C1 code, where every
    /// vector is a heap object: at 262,144 vocabulary columns the first batch of 32 texts then
    /// allocated about 700 MB of short-lived vectors and took three times as long as the next
    /// ones. The warm-up itself is a few kilobytes and a few milliseconds; with the launchers'
    /// `BackgroundCompilation` off for this class, the ~0.2 s compilation happens in this call,
    /// while the native tokenizer builds on its own thread ([MaxPooledDecoder#of], from
    /// [SparseEncoder]'s load). Call it after the model's weights are mapped: the class of a
    /// mapped segment, loaded then, invalidates code compiled before (its compiled type
    /// assumptions about segments), and the fold would run uncompiled again.
    static void compileMaxOfRows() {
        int lanes = SPECIES.length();
        int n = 5 * lanes + 3;
        int rows = 3;
        float[] max = new float[n];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate((long) rows * n * Float.BYTES, 64);
            for (int i = 0; i < rows * n; i++) {
                block.setAtIndex(FLOAT, i, (i * 7919) % 1009 - 500f);
            }
            for (int call = 0; call < FOLD_WARM_UP_CALLS; call++) {
                maxOfRows(block, 0, 1 + call % rows, n, max, 0);
            }
        }
    }

    /// `max[at + j] = max over r < rows of block[first + r, j]` for `j < n`, where `block` holds
    /// float rows of `n` values one after the other (row-major, native byte order) and `first`
    /// is a row index: the maximum over a text's token rows of a logits block. Four vectors of
    /// columns are kept in registers while the rows stream past (a 64-column strip of a 40-token
    /// text reads 40 cache lines per vector and writes once), about six times faster than the
    /// scalar fold once compiled. Exact: the maximum involves no rounding, so any order gives the
    /// scalar fold's result bit for bit (finite values; `max` is [Math#max] lane by lane).
    static void maxOfRows(MemorySegment block, long first, int rows, int n, float[] max, int at) {
        int lanes = SPECIES.length();
        int strip = 4 * lanes;
        int bound4 = n - n % strip;
        int bound = SPECIES.loopBound(n);
        long rowBytes = (long) n * Float.BYTES;
        long start = first * rowBytes;
        int j = 0;
        for (; j < bound4; j += strip) {
            long base = start + (long) j * Float.BYTES;
            FloatVector m0 = FloatVector.fromMemorySegment(SPECIES, block, base, ORDER);
            FloatVector m1 = FloatVector.fromMemorySegment(SPECIES, block, base + 4L * lanes, ORDER);
            FloatVector m2 = FloatVector.fromMemorySegment(SPECIES, block, base + 8L * lanes, ORDER);
            FloatVector m3 = FloatVector.fromMemorySegment(SPECIES, block, base + 12L * lanes, ORDER);
            for (int r = 1; r < rows; r++) {
                long row = base + r * rowBytes;
                m0 = m0.max(FloatVector.fromMemorySegment(SPECIES, block, row, ORDER));
                m1 = m1.max(FloatVector.fromMemorySegment(SPECIES, block, row + 4L * lanes, ORDER));
                m2 = m2.max(FloatVector.fromMemorySegment(SPECIES, block, row + 8L * lanes, ORDER));
                m3 = m3.max(FloatVector.fromMemorySegment(SPECIES, block, row + 12L * lanes, ORDER));
            }
            m0.intoArray(max, at + j);
            m1.intoArray(max, at + j + lanes);
            m2.intoArray(max, at + j + 2 * lanes);
            m3.intoArray(max, at + j + 3 * lanes);
        }
        for (; j < bound; j += lanes) {
            long base = start + (long) j * Float.BYTES;
            FloatVector m = FloatVector.fromMemorySegment(SPECIES, block, base, ORDER);
            for (int r = 1; r < rows; r++) {
                m = m.max(FloatVector.fromMemorySegment(SPECIES, block, base + r * rowBytes, ORDER));
            }
            m.intoArray(max, at + j);
        }
        for (; j < n; j++) {
            long index = first * n + j;
            float m = block.getAtIndex(FLOAT, index);
            for (int r = 1; r < rows; r++) {
                m = Math.max(m, block.getAtIndex(FLOAT, index + (long) r * n));
            }
            max[at + j] = m;
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
