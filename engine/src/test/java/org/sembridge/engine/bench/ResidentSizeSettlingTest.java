package org.sembridge.engine.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// When a memory window may open: the resident size must stay put for a second, not two readings.
class ResidentSizeSettlingTest {

    private static final long MS = 1_000_000L;
    private static final long MIB = 1L << 20;

    @Test
    void twoEqualReadingsRightAfterTheCollectionAreNotYetSettled() {
        // G1 starts giving the shrunk heap back only after a delay: equal readings 50 ms apart.
        ResidentSizeSettling settling = new ResidentSizeSettling(0, 1_400 * MIB);
        assertFalse(settling.observe(50 * MS, 1_400 * MIB));
        assertFalse(settling.observe(100 * MS, 1_400 * MIB));
    }

    @Test
    void aSizeThatStaysPutForOneSecondIsSettled() {
        ResidentSizeSettling settling = new ResidentSizeSettling(0, 600 * MIB);
        for (long t = 50; t < 1_000; t += 50) {
            assertFalse(settling.observe(t * MS, 600 * MIB), "at " + t + " ms");
        }
        assertTrue(settling.observe(1_000 * MS, 600 * MIB));
    }

    @Test
    void aFallInStepsRestartsTheQuietPeriodAtEachStep() {
        ResidentSizeSettling settling = new ResidentSizeSettling(0, 1_400 * MIB);
        assertFalse(settling.observe(150 * MS, 1_400 * MIB));
        assertFalse(settling.observe(200 * MS, 1_272 * MIB));
        assertFalse(settling.observe(900 * MS, 1_272 * MIB));
        assertFalse(settling.observe(950 * MS, 1_144 * MIB));
        assertFalse(settling.observe(1_900 * MS, 1_144 * MIB));
        assertTrue(settling.observe(1_950 * MS, 1_144 * MIB));
    }

    @Test
    void movesBelowOneMebibyteDoNotRestartTheQuietPeriod() {
        ResidentSizeSettling settling = new ResidentSizeSettling(0, 600 * MIB);
        assertFalse(settling.observe(500 * MS, 600 * MIB + 300 * 1024));
        assertTrue(settling.observe(1_000 * MS, 600 * MIB - 600 * 1024));
    }

    @Test
    void aSlowDriftIsMeasuredFromWhereTheSizeLastMovedTo() {
        // 0.6 MiB per reading: each step is small, but the second one is 1.2 MiB from the start.
        ResidentSizeSettling settling = new ResidentSizeSettling(0, 600 * MIB);
        long size = 600 * MIB;
        size -= 600 * 1024;
        assertFalse(settling.observe(600 * MS, size));
        size -= 600 * 1024;
        assertFalse(settling.observe(1_200 * MS, size));
        assertFalse(settling.observe(2_100 * MS, size));
        assertTrue(settling.observe(2_200 * MS, size));
    }
}
