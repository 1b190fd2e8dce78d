package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.run.RunMemoryEstimate;

class MemoryBudgetTest {

    private static final long MIB = 1L << 20;
    private static final Path RUN = Path.of("runs", "gemma3");

    @Test
    void estimateOfA262kRunWithoutBridgeIsTheMeasuredBytesPerToken() {
        RunMemoryEstimate estimate = RunMemoryEstimate.of(RUN, 262_145, 3_457, 0);

        assertEquals((4L << 20) + 560L * 262_145, estimate.heapBytes());
        assertEquals("262,145 target tokens: about 144 MiB", estimate.describe());
    }

    @Test
    void estimateCountsTheTargetTextsBothBridgeMatricesAndTheirNormsForARunThatReAligns() {
        RunMemoryEstimate estimate = RunMemoryEstimate.of(RUN, 262_145, 30_522, 384);

        assertEquals((4L << 20) + 560L * 262_145 + 136L * 262_145 + (262_145L + 30_522) * (4 * 384 + 4),
                estimate.heapBytes());
    }

    @Test
    void aRunFitsWhileInUsePlusEstimateStaysWithinTheUsableFraction() {
        RunMemoryEstimate estimate = RunMemoryEstimate.of(RUN, 262_145, 3_457, 0);
        long max = 1024 * MIB;
        long used = (long) (max * MemoryBudget.USABLE_FRACTION) - estimate.heapBytes();

        assertDoesNotThrow(() -> new MemoryBudget(max, () -> used, () -> { }).requireRoom(estimate));
    }

    @Test
    void garbageIsCollectedOnceBeforeARefusalIsConfirmed() {
        RunMemoryEstimate estimate = RunMemoryEstimate.of(RUN, 262_145, 3_457, 0);
        AtomicLong used = new AtomicLong(800 * MIB);
        AtomicInteger collections = new AtomicInteger();

        assertDoesNotThrow(() -> new MemoryBudget(1024 * MIB, used::get, () -> {
            collections.incrementAndGet();
            used.set(100 * MIB);
        }).requireRoom(estimate));
        assertEquals(1, collections.get());
    }

    @Test
    void refusalNamesTheRunItsEstimateTheHeapInUseAndTheLimit() {
        RunMemoryEstimate estimate = RunMemoryEstimate.of(RUN, 262_145, 30_522, 1024);

        RunTooLargeException e = assertThrows(RunTooLargeException.class,
                () -> new MemoryBudget(2048 * MIB, () -> 900 * MIB, () -> { }).requireRoom(estimate));

        assertEquals("run " + RUN + " is too large for the memory left: it needs 262,145 target tokens, bridge"
                + " width 1024: about 1,322 MiB; 900 MiB of the 2,048 MiB heap are in use and open runs may use"
                + " 1,638 MiB; close a run, or give the workbench more memory (SEMBRIDGE_JAVA_OPTS=-Xmx4g, see the"
                + " README's memory section)", e.getMessage());
    }
}
