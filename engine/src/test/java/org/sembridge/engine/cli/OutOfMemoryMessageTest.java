package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/// The one line printed for an `OutOfMemoryError`: what ran out and the setting that raises it.
class OutOfMemoryMessageTest {

    private static final long GIB = 1L << 30;

    @Test
    void heapExhaustionNamesTheLimitAndSuggestsTwiceIt() {
        String message = OutOfMemoryMessage.of(new OutOfMemoryError("Java heap space"), 4 * GIB);

        assertTrue(message.startsWith("out of memory: the Java heap (at most 4,096 MiB now) ran out (Java heap space);"),
                message);
        assertTrue(message.contains("SEMBRIDGE_JAVA_OPTS=-Xmx8g"), message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void directBufferExhaustionNamesItsOwnSetting() {
        String message = OutOfMemoryMessage.of(new OutOfMemoryError("Cannot reserve 1024 bytes of direct buffer memory"),
                GIB);

        assertTrue(message.contains("direct (off-heap) buffer memory ran out")
                && message.contains("-XX:MaxDirectMemorySize"), message);
    }

    @Test
    void errorWrappedByAWorkerThreadIsFound() {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        assertSame(error, OutOfMemoryMessage.find(new ExecutionException(new RuntimeException(error))));
        assertNull(OutOfMemoryMessage.find(new IllegalStateException("x")));
        assertEquals(ExitCodes.INTERNAL_ERROR, CliErrorHandler.exitCodeOf(new ExecutionException(error)));
    }
}
