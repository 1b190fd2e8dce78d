package org.sembridge.engine.encoder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/// Captures what the slf4j-simple test binding writes to standard error while open, to check
/// that a WARN line was logged. Restores the previous stream on close.
final class CapturedStderr implements AutoCloseable {

    private final PrintStream previous = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    CapturedStderr() {
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(previous);
    }
}
