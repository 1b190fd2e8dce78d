package org.sembridge.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenBlasTest {

    private static OpenBlas blas;

    @BeforeAll
    static void load() {
        assumeTrue(OpenBlas.available().isPresent(), () -> "OpenBLAS not loadable here: "
                + OpenBlas.unavailableReason().orElse("?"));
        blas = OpenBlas.available().get();
    }

    @ParameterizedTest(name = "transpose A {0}, transpose B {1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void sgemmEqualsTheProductComputedInDouble(boolean transposeA, boolean transposeB) {
        int m = 37;
        int n = 53;
        int k = 29;
        Random random = new Random(11);
        float[] a = values(random, m * k);
        float[] b = values(random, k * n);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = arena.allocate((long) m * n * Float.BYTES);
            blas.sgemm(transposeA, transposeB, m, n, k, 1f, arena.allocateFrom(ValueLayout.JAVA_FLOAT, a),
                    transposeA ? m : k, arena.allocateFrom(ValueLayout.JAVA_FLOAT, b), transposeB ? k : n, 0f, c, n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = 0;
                    for (int p = 0; p < k; p++) {
                        double left = transposeA ? a[p * m + i] : a[i * k + p];
                        double right = transposeB ? b[j * k + p] : b[p * n + j];
                        expected += left * right;
                    }
                    assertEquals(expected, c.getAtIndex(ValueLayout.JAVA_FLOAT, (long) i * n + j), 1e-5,
                            "C[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void multiplyTransposedGivesRowDotProducts() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 1, 2, 3, 4, 5, 6);
            MemorySegment b = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 1, 0, 0, 0, 1, 1);
            MemorySegment c = arena.allocate(4L * Float.BYTES);
            blas.multiplyTransposed(a, b, c, 2, 2, 3);
            assertEquals(1f, c.getAtIndex(ValueLayout.JAVA_FLOAT, 0));
            assertEquals(5f, c.getAtIndex(ValueLayout.JAVA_FLOAT, 1));
            assertEquals(4f, c.getAtIndex(ValueLayout.JAVA_FLOAT, 2));
            assertEquals(11f, c.getAtIndex(ValueLayout.JAVA_FLOAT, 3));
        }
    }

    @Test
    void tooSmallSegmentIsRejectedBeforeTheNativeCall() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(6L * Float.BYTES);
            MemorySegment c = arena.allocate(3L * Float.BYTES);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> blas.multiplyTransposed(a, a, c, 2, 2, 3));
            assertTrue(e.getMessage().contains("matrix C (2 x 2"), e.getMessage());
        }
    }

    @Test
    void heapSegmentIsRejected() {
        MemorySegment heap = MemorySegment.ofArray(new float[4]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = arena.allocate(4L * Float.BYTES);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> blas.multiplyTransposed(heap, heap, c, 2, 2, 2));
            assertTrue(e.getMessage().contains("off-heap"), e.getMessage());
        }
    }

    @Test
    void reportsItsKernelAndThreads() {
        assertTrue(blas.threads() >= 1);
        assertTrue(blas.config().startsWith("OpenBLAS"), blas.config());
        assertTrue(!blas.coreName().isBlank());
    }

    private static float[] values(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
